using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing.Matching;

namespace Clientele.Infrastructure.Security;

/// <summary>
/// The two halves of <see cref="RequestLimits"/>. Kestrel's own limit does not exist on the in-memory test server and
/// only bites when a handler reads the body — a handler without a body parameter would run and answer 2xx to a
/// 10 MB post — so the limit is enforced here, the same on every server.
/// </summary>
public static class BodySizeEnforcement
{
    public const string TooLargeTitle = "The request body is too large.";

    private static string TooLargeDetail(long limit) =>
        string.Create(CultureInfo.InvariantCulture, $"This endpoint accepts at most {limit} bytes.");

    /// <summary>
    /// Routing step: a request whose Content-Length is over its endpoint's limit is answered 413 by a stand-in
    /// endpoint, so neither authentication, antiforgery nor the handler reads or acts on it.
    /// </summary>
    public sealed class RejectDeclaredTooLarge : MatcherPolicy, IEndpointSelectorPolicy
    {
        // After the framework's own policies (HTTP method, host, ...) have narrowed the candidates.
        public override int Order => int.MaxValue - 100;

        public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) => true;

        public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
        {
            if (httpContext.Request.ContentLength is not { } length || length == 0) return Task.CompletedTask;
            for (var i = 0; i < candidates.Count; i++)
            {
                if (!candidates.IsValidCandidate(i)) continue;
                if (RequestLimits.LimitOf(candidates[i].Endpoint) is { } limit && length > limit)
                    candidates.ReplaceEndpoint(i, TooLargeEndpoint(limit), candidates[i].Values);
            }
            return Task.CompletedTask;
        }

        private static Endpoint TooLargeEndpoint(long limit) => new(
            async http =>
            {
                http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                // The unread rest of the body is not worth draining; tell the client the connection ends here.
                http.Response.Headers.Connection = "close";
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = { Status = StatusCodes.Status413PayloadTooLarge, Title = TooLargeTitle, Detail = TooLargeDetail(limit) },
                });
            },
            new EndpointMetadataCollection(new BodySizeLimit(limit)),
            "Request body too large");
    }

    /// <summary>Outermost step: counts what is read of every body and stops at the endpoint's limit (chunked bodies, no Content-Length).</summary>
    public sealed class LimitReads : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextStep) =>
            {
                if (http.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true)
                    http.Request.Body = new LimitedBody(http.Request.Body, http);
                return nextStep(http);
            });
            next(app);
        };
    }

    /// <summary>
    /// The request body, counted. Its limit is looked up at the first read, when routing has chosen the endpoint;
    /// the server's own limit is set to the same value then, so Kestrel agrees with it.
    /// </summary>
    private sealed class LimitedBody(Stream inner, HttpContext http) : Stream
    {
        private long _read;
        private long? _limit;
        private bool _started;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await Start().ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => Count(Start().Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(Start().Read(buffer));

        private Stream Start()
        {
            if (_started) return inner;
            _started = true;
            _limit = RequestLimits.LimitOf(http.GetEndpoint());
            var server = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (server is { IsReadOnly: false }) server.MaxRequestBodySize = _limit;
            if (http.Request.ContentLength > _limit) throw TooLarge();
            return inner;
        }

        private int Count(int read)
        {
            _read += read;
            if (_read > _limit) throw TooLarge();
            return read;
        }

        private BadHttpRequestException TooLarge() =>
            new($"{TooLargeTitle} {TooLargeDetail(_limit ?? 0)}", StatusCodes.Status413PayloadTooLarge);

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

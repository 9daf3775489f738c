using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Clientele.Infrastructure.Security;

/// <summary>An endpoint's own request body limit, e.g. <c>.WithMetadata(new BodySizeLimit(RequestLimits.UploadBodyLimit))</c>.</summary>
public sealed record BodySizeLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;

/// <summary>
/// How much a caller may send. A JSON request of this API is a few kilobytes, so 1 MB is generous and keeps a
/// flood of 10 MB posts from costing memory; file uploads (imports) declare the larger limit on their endpoint with
/// <see cref="AcceptsUpload{TBuilder}"/> (or any <see cref="IRequestSizeLimitMetadata"/>, such as ASP.NET's
/// RequestSizeLimitAttribute). A body over the limit is a 413 problem — before anything reads it when the
/// Content-Length says so, and as soon as the read passes the limit when it does not (chunked bodies), on Kestrel
/// and on the in-memory test server alike.
/// </summary>
public static class RequestLimits
{
    public const long DefaultBodyLimit = 1024 * 1024;
    public const long UploadBodyLimit = 50 * 1024 * 1024;
    /// <summary>Request JSON of this API nests a few levels; deeper is an attack on the parser, not data.</summary>
    public const int MaxJsonDepth = 32;
    /// <summary>A Blazor circuit message (a form field's value, an event) fits easily; SignalR's own default.</summary>
    public const long MaxCircuitMessageBytes = 32 * 1024;

    public static IServiceCollection AddRequestLimits(this IServiceCollection services)
    {
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = DefaultBodyLimit);
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = UploadBodyLimit);
        services.Configure<HubOptions>(o => o.MaximumReceiveMessageSize = MaxCircuitMessageBytes);
        // PostConfigure: whatever else configures the JSON options (converters, resolvers) runs first and stays.
        services.PostConfigure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o =>
        {
            o.SerializerOptions.MaxDepth = MaxJsonDepth;
            SafeJsonText.Apply(o.SerializerOptions);
        });
        services.PostConfigure<ProblemDetailsOptions>(o =>
        {
            var earlier = o.CustomizeProblemDetails;
            o.CustomizeProblemDetails = context =>
            {
                earlier?.Invoke(context);
                // The framework sets a bare 413 when a read passes the limit; say what happened.
                if (context.ProblemDetails.Status == StatusCodes.Status413PayloadTooLarge && string.IsNullOrEmpty(context.ProblemDetails.Title))
                    context.ProblemDetails.Title = BodySizeEnforcement.TooLargeTitle;
            };
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, BodySizeEnforcement.RejectDeclaredTooLarge>());
        services.AddTransient<IStartupFilter, BodySizeEnforcement.LimitReads>();
        return services;
    }

    /// <summary>Raises (or lowers) the body limit of one endpoint, e.g. a file import.</summary>
    public static TBuilder AcceptsUpload<TBuilder>(this TBuilder builder, long maxBytes = UploadBodyLimit) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BodySizeLimit(maxBytes));

    /// <summary>The body limit of an endpoint: its own declaration, else the default; null means unlimited.</summary>
    public static long? LimitOf(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } declared ? declared.MaxRequestBodySize : DefaultBodyLimit;
}

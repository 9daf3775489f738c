using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Clientele.Tests.Campaigns;

/// <summary>
/// A real HTTP SMS gateway on loopback for one test class: a tiny Kestrel app that takes the generic preset's JSON
/// ({to, text, sender, reference}) and keeps what it delivered. Like a gateway that honours a client's reference, it
/// delivers each reference once and answers a repeat with the first answer. Per number it can be told, attempt by
/// attempt, to fail (500), refuse (400) or take the message and answer slowly (past the sender's timeout).
/// </summary>
public sealed class LoopbackSmsGateway : IAsyncLifetime
{
    public enum Act { Accept, Fail, Refuse, Slow }

    public sealed record Received(string To, string Text, string? Reference, string? Authorization, string? IdempotencyKey, DateTime At);

    private WebApplication? _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Act>> _scripts = new();
    private readonly ConcurrentDictionary<string, Received> _delivered = new();

    public string Url { get; private set; } = "";
    /// <summary>Every request, in arrival order, whatever was answered.</summary>
    public ConcurrentQueue<Received> Requests { get; } = new();
    public TimeSpan SlowAnswer { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>What the next requests for <paramref name="to"/> get, one act per request; after the last, accept.</summary>
    public void Script(string to, params Act[] acts) => _scripts[to] = new ConcurrentQueue<Act>(acts);

    /// <summary>The messages delivered to <paramref name="to"/> (a repeat of a reference is not a second one).</summary>
    public List<Received> DeliveredTo(string to) => [.. _delivered.Values.Where(d => d.To == to).OrderBy(d => d.At)];

    public List<Received> RequestsFor(string to) => [.. Requests.Where(r => r.To == to)];

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/send", HandleAsync);
        await _app.StartAsync();
        Url = _app.Urls.Single().TrimEnd('/') + "/send";
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        using var body = await JsonDocument.ParseAsync(request.Body);
        string? Field(string name) => body.RootElement.TryGetProperty(name, out var v) ? v.GetString() : null;
        var received = new Received(Field("to") ?? "", Field("text") ?? "", Field("reference"), request.Headers.Authorization.ToString(),
            request.Headers["Idempotency-Key"].ToString(), DateTime.UtcNow);
        Requests.Enqueue(received);
        var act = _scripts.TryGetValue(received.To, out var script) && script.TryDequeue(out var next) ? next : Act.Accept;
        switch (act)
        {
            case Act.Fail:
                return Results.Text("temporarily unavailable", statusCode: StatusCodes.Status500InternalServerError);
            case Act.Refuse:
                return Results.Text("""{"error":"invalid number"}""", "application/json", statusCode: StatusCodes.Status400BadRequest);
        }
        var key = received.Reference ?? Guid.NewGuid().ToString();
        var first = _delivered.GetOrAdd(key, received);
        if (act == Act.Slow) await Task.Delay(SlowAnswer);
        return Results.Json(new { status = "accepted", id = "gw-" + key, repeat = !ReferenceEquals(first, received) });
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}

using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;

namespace Clientele.Features.Campaigns;

/// <summary>
/// One SMS as an HTTP request of the configured shape. The placeholders are replaced by the values encoded for where
/// they stand: URL-encoded in the address and in a form body, JSON-escaped in a JSON body (the template supplies the
/// quotes). Every request also carries <c>Idempotency-Key</c> with the outbox reference, for gateways that honour it.
/// </summary>
public static partial class SmsRequest
{
    public static readonly IReadOnlyList<string> Placeholders = ["{phone}", "{phone_digits}", "{text}", "{sender}", "{reference}", "{secret}"];

    /// <summary>The outbox row's reference: the same on every attempt, so a gateway can drop a repeat.</summary>
    public static string Reference(long outboxId) => $"outbox-{outboxId}";

    public static HttpRequestMessage Build(SmsGatewaySettings settings, string? secret, string phone, string text, string reference)
    {
        var values = new Dictionary<string, string>
        {
            ["{phone}"] = phone, ["{phone_digits}"] = new string([.. phone.Where(char.IsAsciiDigit)]), ["{text}"] = text,
            ["{sender}"] = settings.Sender ?? "", ["{reference}"] = reference, ["{secret}"] = secret ?? "",
        };
        var request = new HttpRequestMessage(new HttpMethod(settings.Method), Fill(settings.Url, values, Uri.EscapeDataString));
        if (settings.Method != "GET" && settings.BodyTemplate.Length > 0)
        {
            var json = settings.BodyFormat == SmsBodyFormat.Json;
            var body = Fill(settings.BodyTemplate, values, json ? v => JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(v) : Uri.EscapeDataString);
            request.Content = new StringContent(body, Encoding.UTF8, json ? "application/json" : "application/x-www-form-urlencoded");
        }
        if (settings.AuthHeader is { } header && secret is not null) request.Headers.TryAddWithoutValidation(header, secret);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", reference);
        return request;
    }

    private static string Fill(string template, Dictionary<string, string> values, Func<string, string> encode) =>
        PlaceholderPattern().Replace(template, m => values.TryGetValue(m.Value, out var v) ? encode(v) : m.Value);

    /// <summary>The address with an example value in each placeholder, for the settings' check.</summary>
    public static string Example(string url) => PlaceholderPattern().Replace(url, "1");

    /// <summary>The first <c>{word}</c> that is not a placeholder; JSON's own braces hold a quote or a colon and are not taken for one.</summary>
    public static string? UnknownPlaceholder(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Value).FirstOrDefault(p => !Placeholders.Contains(p));

    public static bool IsPattern(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"\{[a-z_]+\}")]
    private static partial Regex PlaceholderPattern();
}

/// <summary>
/// Hands SMS to the gateway over one HttpClient for a run and sorts the answer: accepted (2xx, and the accepted
/// pattern matches when one is set), passing (5xx, 408, 429, a timeout, a dropped connection: try again later) or
/// permanent (any other refusal: the gateway will not take this message as it is).
/// </summary>
public sealed class SmsTransport(SmsGatewaySettings settings, string? secret, TimeSpan timeout) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = timeout };
    private readonly Regex? _accepted = settings.AcceptedPattern is { Length: > 0 } p ? new Regex(p, RegexOptions.None, TimeSpan.FromSeconds(1)) : null;

    public async Task<DeliveryResult> SendAsync(string phone, string text, string reference, CancellationToken ct)
    {
        using var request = SmsRequest.Build(settings, secret, phone, text, reference);
        try
        {
            using var response = await _http.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            var status = (int)response.StatusCode;
            var reply = Clip($"{status} {body}");
            if (response.IsSuccessStatusCode)
                return _accepted is null || _accepted.IsMatch(body) ? new DeliveryResult(Delivery.Accepted, reply) : new DeliveryResult(Delivery.Permanent, reply);
            return status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
                ? new DeliveryResult(Delivery.Transient, reply)
                : new DeliveryResult(Delivery.Permanent, reply);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            // HttpClient's own timeout: the gateway may have taken it; the next try carries the same reference.
            return new DeliveryResult(Delivery.Transient, Clip(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"timeout after {timeout.TotalMilliseconds:0} ms: {e.Message}")));
        }
        catch (HttpRequestException e)
        {
            return new DeliveryResult(Delivery.Transient, Clip($"{e.GetType().Name}: {e.Message}"));
        }
    }

    private static string Clip(string text) => text.Length <= 1000 ? text : text[..997] + "...";

    public void Dispose() => _http.Dispose();
}

using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Clientele.Tests.Infrastructure;

/// <summary>One bad request body: what it is (for the failure message), its bytes and how they are sent.</summary>
public sealed record FuzzPayload(string Label, byte[] Body, string ContentType = "application/json", bool Sized = true)
{
    public static FuzzPayload Json(string label, string json) => new(label, Encoding.UTF8.GetBytes(json));
    public static FuzzPayload Json(string label, JsonNode? node) => Json(label, node?.ToJsonString() ?? "null");

    public HttpContent Content()
    {
        HttpContent content = Sized ? new ByteArrayContent(Body) : new UnsizedContent(Body);
        content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        return content;
    }

    public override string ToString() => Label;

    /// <summary>A body sent without Content-Length (chunked), so only counting what is read can stop it.</summary>
    private sealed class UnsizedContent(byte[] body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}

/// <summary>
/// The fixed, seeded set of malformed, oversized, wrong-type and hostile input the fuzz test sends. Sizes are chosen
/// to cross each limit clearly while keeping a run short: 10 MB once per endpoint, 100k characters once per field.
/// </summary>
public static class FuzzPayloads
{
    public const int Seed = 20261125;
    public const int LongText = 100_000;
    private static readonly byte[] TenMegabytes = Encoding.UTF8.GetBytes("{\"name\":\"" + new string('x', 10 * 1024 * 1024) + "\"}");
    private static readonly byte[] OverLimit = Encoding.UTF8.GetBytes("{\"name\":\"" + new string('z', 1024 * 1024 + 1024) + "\"}");
    private static readonly byte[] TwoMegabytes = Encoding.UTF8.GetBytes("{\"name\":\"" + new string('y', 2 * 1024 * 1024) + "\"}");

    /// <summary>Characters no text field may hold, tab/CR/LF aside: C0, DEL, C1, bidi overrides, an unpaired surrogate.</summary>
    public static readonly string[] ForbiddenCharacters =
        ["\u0000", "\u0001", "\u0007", "\u001B", "\u007F", "\u0085", "\u009B", "\u202A", "\u202E", "\u2066", "\u2069", "\uD800", "\uDC00"];

    /// <summary>Text that is odd but legitimate and must be stored and returned verbatim (or refused with 400 by a format rule).</summary>
    public static readonly string[] HostileButValid =
    [
        "<script>window.__pwned=1</script>",
        "<img src=x onerror=\"window.__pwned=2\">",
        "'; DROP TABLE clients;--",
        "\" OR 1=1 --",
        "Robert'); DELETE FROM \"Clients\";--",
        "{{7*7}} ${7*7} #{7*7} <%= 7*7 %>",
        "שלום עולם مرحبا بالعالم",
        "../../etc/passwd %00 %s %n",
        "Ünïcödé Ёлка 👩‍👩‍👧‍👦 🇩🇪",
    ];

    /// <summary>Bodies that are wrong whatever the endpoint expects.</summary>
    public static IEnumerable<FuzzPayload> Generic()
    {
        yield return FuzzPayload.Json("truncated JSON", "{\"name\":");
        yield return FuzzPayload.Json("not JSON", "name=Acme&drop=table");
        yield return FuzzPayload.Json("a JSON array", "[]");
        yield return FuzzPayload.Json("a JSON number", "42");
        yield return FuzzPayload.Json("a JSON string", "\"Acme\"");
        yield return FuzzPayload.Json("JSON null", "null");
        yield return FuzzPayload.Json("an empty body", "");
        yield return FuzzPayload.Json("arrays nested 1000 deep", new string('[', 1000) + new string(']', 1000));
        yield return FuzzPayload.Json("a property nested 1000 deep", "{\"name\":" + new string('[', 1000) + new string(']', 1000) + "}");
        yield return new FuzzPayload("invalid UTF-8 outside a string", [.. "{\"name\":"u8, 0xC3, 0x28, 0xFF, .. "}"u8]);
        yield return new FuzzPayload("JSON sent as text/plain", "{\"name\":\"Acme\"}"u8.ToArray(), "text/plain");
        yield return new FuzzPayload("JSON sent as XML", "{\"name\":\"Acme\"}"u8.ToArray(), "application/xml");
        yield return JustOverLimit();
        yield return new FuzzPayload("a 2 MB body without Content-Length", TwoMegabytes, Sized: false);
    }

    /// <summary>The 10 MB body of the issue; sent where it matters (client create, sign-in) — every other endpoint gets <see cref="JustOverLimit"/>, which the same check refuses at a tenth of the run time.</summary>
    public static FuzzPayload TenMegabyteBody() => new("a 10 MB body", TenMegabytes);

    public static FuzzPayload JustOverLimit() => new("a body 1 KB over the 1 MB limit", OverLimit);

    /// <summary>
    /// Per field of the request type: a value of the wrong type; for text, 100k characters (unless
    /// <paramref name="withLongText"/> is false) and a forbidden character; for the first text field also text that is
    /// not Unicode (invalid UTF-8). Forbidden characters travel as JSON escapes, so that the test's own serialiser
    /// cannot replace an unpaired surrogate before the server sees it.
    /// </summary>
    public static IEnumerable<FuzzPayload> PerField(JsonObject valid, IReadOnlyList<RequestField> fields, Random random, bool withLongText = true)
    {
        if (fields.FirstOrDefault(f => f.IsText) is { } first)
        {
            var json = With(valid, first.Name, Marker).ToJsonString();
            var at = json.IndexOf(Marker, StringComparison.Ordinal);
            yield return new FuzzPayload($"{first.Name}: invalid UTF-8", [.. Encoding.UTF8.GetBytes(json[..at]), 0xC3, 0x28, 0xFF, .. Encoding.UTF8.GetBytes(json[(at + Marker.Length)..])]);
        }
        foreach (var field in fields)
        {
            foreach (var (label, value) in WrongTypes(field.Plain))
                yield return FuzzPayload.Json($"{field.Name}: {label}", With(valid, field.Name, value));
            if (!field.IsText && !field.IsTextList) continue;
            if (withLongText)
            {
                JsonNode longText = new string('ж', LongText);
                yield return FuzzPayload.Json($"{field.Name}: {LongText} characters", With(valid, field.Name, field.IsText ? longText : new JsonArray(longText)));
            }
            var bad = Pick(random);
            JsonNode marked = "Acme" + Marker + "Ltd";
            var escaped = With(valid, field.Name, field.IsText ? marked : new JsonArray("ok", marked)).ToJsonString()
                .Replace(Marker, $"\\u{(int)bad[0]:x4}", StringComparison.Ordinal);
            yield return FuzzPayload.Json($"{field.Name}: contains U+{(int)bad[0]:X4}", escaped);
        }
    }

    private const string Marker = "FUZZ-MARKER";

    private static string Pick(Random random) => ForbiddenCharacters[random.Next(ForbiddenCharacters.Length)];

    public static JsonObject With(JsonObject valid, string name, JsonNode? value)
    {
        var body = valid.DeepClone().AsObject();
        var key = body.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Key;
        if (key is not null) body.Remove(key);
        body[name] = value;
        return body;
    }

    private static IEnumerable<(string Label, JsonNode? Value)> WrongTypes(Type type)
    {
        if (type == typeof(string))
        {
            yield return ("an object", new JsonObject { ["$where"] = "1==1" });
        }
        else if (type == typeof(bool))
        {
            yield return ("a string", "yes");
        }
        else if (type.IsPrimitive || type == typeof(decimal))
        {
            yield return ("a word", "lots");
            yield return ("1e400", JsonNode.Parse("1e400"));
        }
        else if (type == typeof(DateTime) || type == typeof(DateOnly) || type == typeof(DateTimeOffset) || type == typeof(TimeOnly))
        {
            yield return ("an impossible date", "2025-02-31");
        }
        else if (type.IsEnum)
        {
            yield return ("an unknown name", "NoSuchValue'--");
        }
        else if (typeof(System.Collections.IEnumerable).IsAssignableFrom(type))
        {
            yield return ("a string", "not a list");
        }
        else if (type != typeof(System.Text.Json.JsonElement) && type != typeof(object))
        {
            yield return ("a number", 42);
        }
    }

    /// <summary>
    /// Values for a route parameter that no record has: injection, markup, a 3000-digit number (overflow and length). (A NUL in the path
    /// is refused by the server itself, Kestrel and the test host alike, before the application sees it.)
    /// </summary>
    public static readonly string[] RouteValues =
        ["'; DROP TABLE clients;--", "<script>alert(1)</script>", new string('9', 3000)];
}

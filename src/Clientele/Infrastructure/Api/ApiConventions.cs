using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clientele.Infrastructure.Api;

/// <summary>A page of a keyset-paginated list: pass <see cref="Next"/> as <c>?after=</c> to get the following page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>The small shared rules of the REST API: ETags, page sizes, cursors, problem answers.</summary>
public static class ApiConventions
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static string ETag(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The version named by If-Match: null when absent, -1 when unreadable (which never matches).</summary>
    public static long? IfMatch(HttpRequest request)
    {
        var value = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(value) || value.Trim() == "*") return null;
        var trimmed = value.Trim();
        if (trimmed.StartsWith("W/", StringComparison.Ordinal)) trimmed = trimmed[2..];
        return long.TryParse(trimmed.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1;
    }

    public static int Limit(int? limit) => Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit);

    /// <summary>Reads ?after=; a cursor that is not ours is bad input, not "start over".</summary>
    public static bool TryAfter(string? after, out long id)
    {
        id = 0;
        return string.IsNullOrEmpty(after) || (long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id >= 0);
    }

    public static Page<T> ToPage<T>(List<T> fetched, int limit, Func<T, long> idOf)
    {
        var more = fetched.Count > limit;
        if (more) fetched.RemoveAt(fetched.Count - 1);
        return new Page<T>(fetched, more ? idOf(fetched[^1]).ToString(CultureInfo.InvariantCulture) : null);
    }

    /// <summary>The 400 answer naming each field, worded in the request's language (its culture is the request's).</summary>
    public static ValidationProblem Invalid(Validation.Errors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), title: InvalidTitle.Render());

    public static readonly Validation.Message InvalidTitle = Validation.Message.Of("The input is not valid.");

    public static ValidationProblem Invalid(string field, Validation.Message message)
    {
        var errors = new Validation.Errors();
        errors.Add(field, message);
        return Invalid(errors);
    }

    public static ProblemHttpResult NotFound(string what, long id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{what} {id} does not exist.");

    public static ProblemHttpResult Stale(long currentVersion) =>
        TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed,
            title: Validation.Message.Of("The record was changed by someone else.").Render(),
            detail: Validation.Message.Of("Your copy is out of date; the current version is {0}. Reload it and apply your change again.", currentVersion).Render());

    /// <summary>The JSON path of a deserialisation error as a field name ("$.lines[0].price" → "lines[0].price").</summary>
    public static string JsonField(Exception e)
    {
        var holder = e is JsonException { Path: { Length: > 1 } path } ? path.TrimStart('$', '.') : "";
        // A forbidden character is found once its object is read: the path names the object, the exception its property.
        if (e is Security.ForbiddenCharacterException forbidden) return holder.Length == 0 ? forbidden.Field : $"{holder}.{forbidden.Field}";
        return holder.Length == 0 ? "body" : holder;
    }

    /// <summary>What to tell the caller about a body that could not be turned into the request type.</summary>
    public static Validation.Message JsonProblem(JsonException e) =>
        e is Security.ForbiddenCharacterException forbidden ? forbidden.Text : Validation.Message.Of("has a value of the wrong type.");

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        MaxDepth = Security.RequestLimits.MaxJsonDepth,
        // A patched string is checked for control characters as a full body's would be.
        TypeInfoResolver = Security.SafeJsonText.Resolver(),
    };

    /// <summary>RFC 7396 merge patch of <paramref name="patch"/> onto <paramref name="current"/>.</summary>
    public static T MergePatch<T>(T current, JsonElement patch)
    {
        Security.SafeJsonText.ThrowOnInvalidText(patch);
        var target = JsonSerializer.SerializeToNode(current, Web) ?? new JsonObject();
        var merged = Merge(target, JsonNode.Parse(patch.GetRawText()));
        return merged.Deserialize<T>(Web) ?? throw new JsonException("The patch produced no object.");
    }

    private static JsonNode? Merge(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject) return patch?.DeepClone();
        var result = target as JsonObject ?? new JsonObject();
        foreach (var (name, value) in patchObject)
        {
            var key = result.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Key ?? name;
            if (value is null) result.Remove(key);
            else result[key] = Merge(result[key]?.DeepClone(), value);
        }
        return result;
    }
}

using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Audit;

/// <summary>
/// How the trail's page says an entry to its reader (issue 20): the kind of record in the reader's language, and a
/// change's stored JSON ({"before": …, "after": …}) as "field: old → new" lines. The stored entry stays as it was
/// sealed; only its showing changes.
/// </summary>
public static class AuditReading
{
    /// <summary>"Client", "FollowUpTask", … in the reader's words; a kind without a translation by its own name.</summary>
    public static string EntityName(string? entity, IStringLocalizer<AuditText> text)
    {
        if (entity is null) return "";
        var translated = text[$"Entity.{entity}"];
        return translated.ResourceNotFound ? entity : translated.Value;
    }

    /// <summary>A change's JSON as readable lines, one per field; any other detail as it is.</summary>
    public static IReadOnlyList<string> Detail(string? detail)
    {
        if (string.IsNullOrWhiteSpace(detail)) return detail is null ? [] : [detail];
        // A detail stored as a kind with its values (ADR 022) is worded in the reader's language.
        if (!detail.TrimStart().StartsWith('{')) return [Message.Parse(detail)?.Render() ?? detail];
        try
        {
            using var json = JsonDocument.Parse(detail);
            var root = json.RootElement;
            var before = Fields(root, "before");
            var after = Fields(root, "after");
            if (before is null && after is null) return [.. root.EnumerateObject().Select(p => $"{p.Name}: {Value(p.Value)}")];
            // A new or deleted record lists the fields it had (its empty ones say nothing); a change says old → new.
            var shown = (after ?? before)!.Keys.Union(before?.Keys.AsEnumerable() ?? [])
                .Where(field => (before is not null && after is not null) || (after ?? before)![field] != Empty);
            return [.. shown.Select(field =>
            {
                var old = before?.GetValueOrDefault(field);
                var now = after?.GetValueOrDefault(field);
                return before is null ? $"{field}: {now}" : after is null ? $"{field}: {old}" : $"{field}: {old} → {now}";
            })];
        }
        catch (JsonException)
        {
            return [detail];
        }
    }

    private const string Empty = "—";

    private static Dictionary<string, string>? Fields(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var part) && part.ValueKind == JsonValueKind.Object
            ? part.EnumerateObject().ToDictionary(p => p.Name, p => Value(p.Value))
            : null;

    private static string Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => Empty,
        JsonValueKind.String => value.GetString() ?? "",
        _ => value.GetRawText(),
    };
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Imports.Mapping;

/// <summary>A preset as listed and used: built-in (another CRM's export) or saved by a user. <paramref name="Map"/>: header → field key, in order.</summary>
public sealed record PresetView(string Name, ImportKind Kind, bool BuiltIn, IReadOnlyList<KeyValuePair<string, string>> Map, DateTime? CreatedAt = null);

/// <summary>Lists, finds, saves and deletes mapping presets; the built-in ones can be used but not changed.</summary>
public static class ImportPresets
{
    public static async Task<IReadOnlyList<PresetView>> ListAsync(ClienteleDb db, ImportKind? kind, CancellationToken ct)
    {
        var saved = await db.Set<ImportPreset>().AsNoTracking().Where(p => kind == null || p.Kind == kind).OrderBy(p => p.Name).ToListAsync(ct);
        return [.. BuiltInPresets.All.Where(p => kind is null || p.Kind == kind), .. saved.Select(ToView)];
    }

    /// <summary>A built-in preset of that name first (names compare without case), else a saved one.</summary>
    public static async Task<PresetView?> FindAsync(ClienteleDb db, ImportKind kind, string name, CancellationToken ct)
    {
        var trimmed = name.Trim();
        if (BuiltInPresets.All.FirstOrDefault(p => p.Kind == kind && string.Equals(p.Name, trimmed, StringComparison.OrdinalIgnoreCase)) is { } builtIn)
            return builtIn;
        var saved = await db.Set<ImportPreset>().AsNoTracking().Where(p => p.Kind == kind && p.Name == trimmed).FirstOrDefaultAsync(ct);
        return saved is null ? null : ToView(saved);
    }

    /// <summary>
    /// Saves (or replaces) the user's preset <paramref name="name"/>. Field names may be keys or labels; they are stored
    /// as keys. Errors name the request's fields: name, kind, map.
    /// </summary>
    public static async Task<(PresetView? Preset, Errors Errors)> SaveAsync(
        ClienteleDb db, string? name, ImportKind kind, IReadOnlyDictionary<string, string>? map, long? employeeId, CancellationToken ct)
    {
        var errors = new Errors();
        var trimmed = errors.Required("name", name, ImportPreset.NameMax);
        if (trimmed is not null && BuiltInPresets.All.Any(p => string.Equals(p.Name, trimmed, StringComparison.OrdinalIgnoreCase)))
            errors.Add("name", Message.Of("'{0}' is the name of a built-in preset.", trimmed));
        var keys = new List<KeyValuePair<string, string>>();
        if (map is null || map.Count == 0) errors.Add("map", Message.Of("needs at least one header → field pair."));
        else
        {
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (header, fieldName) in map)
            {
                var field = ImportMapping.FieldOf(kind, fieldName);
                if (string.IsNullOrWhiteSpace(header) || header.Length > 300) errors.Add("map", Message.Of("every header must have 1 to 300 characters."));
                else if (field is null)
                    errors.Add("map", Message.Of("'{0}' is not a field of a {1} import; the fields are: {2}.", fieldName, ImportMapping.KindName(kind), string.Join(", ", ImportMapping.FieldKeys(kind))));
                else if (!used.Add(field)) errors.Add("map", Message.Of("'{0}' is mapped from two columns.", field));
                else keys.Add(new(header.Trim(), field));
            }
        }
        if (errors.Any) return (null, errors);

        var json = JsonSerializer.Serialize(keys.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
        var preset = await db.Set<ImportPreset>().Where(p => p.Kind == kind && p.Name == trimmed).FirstOrDefaultAsync(ct);
        if (preset is null)
            db.Add(preset = new ImportPreset { Name = trimmed!, Kind = kind, MapJson = json, CreatedById = employeeId, CreatedAt = db.UtcNow });
        else
        {
            preset.MapJson = json;
            preset.CreatedById = employeeId;
        }
        await db.SaveChangesAsync(ct);
        return (ToView(preset), errors);
    }

    public enum DeleteResult { Deleted, NotFound, BuiltIn }

    public static async Task<DeleteResult> DeleteAsync(ClienteleDb db, ImportKind kind, string name, CancellationToken ct)
    {
        if (BuiltInPresets.All.Any(p => p.Kind == kind && string.Equals(p.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))) return DeleteResult.BuiltIn;
        var deleted = await db.Set<ImportPreset>().Where(p => p.Kind == kind && p.Name == name.Trim()).ExecuteDeleteAsync(ct);
        return deleted == 0 ? DeleteResult.NotFound : DeleteResult.Deleted;
    }

    private static PresetView ToView(ImportPreset p) =>
        new(p.Name, p.Kind, false, [.. JsonSerializer.Deserialize<Dictionary<string, string>>(p.MapJson) ?? []], p.CreatedAt);
}

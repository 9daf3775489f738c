using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Clientele.Features.Duplicates;

/// <summary>
/// A row as JSON, property by property of its EF entity type (shadow properties included), so an undo can insert it
/// again exactly as it was, whatever the table. Owned JSON documents are not part of it: none of the per-client tables
/// a merge deletes from has one.
/// </summary>
public static class RowSnapshot
{
    public static Dictionary<string, JsonElement> Take(DbContext db, object entity)
    {
        var entry = db.Entry(entity);
        return entry.Metadata.GetProperties().ToDictionary(p => p.Name, p => JsonSerializer.SerializeToElement(entry.Property(p.Name).CurrentValue, p.ClrType));
    }

    /// <summary>A new instance of the entity type with the snapshot's values, added to the context (the caller saves).</summary>
    public static object Add(DbContext db, IEntityType type, IReadOnlyDictionary<string, JsonElement> row)
    {
        var entity = Activator.CreateInstance(type.ClrType) ?? throw new InvalidOperationException($"{type.ClrType} has no parameterless constructor.");
        Fill(type, entity, row);
        var entry = db.Add(entity);
        foreach (var property in type.GetProperties().Where(p => p.IsShadowProperty() && row.ContainsKey(p.Name)))
            entry.Property(property.Name).CurrentValue = Value(property, row[property.Name]);
        return entity;
    }

    /// <summary>Sets the CLR properties of <paramref name="entity"/> that the snapshot holds.</summary>
    public static void Fill(IEntityType type, object entity, IReadOnlyDictionary<string, JsonElement> row)
    {
        foreach (var property in type.GetProperties().Where(p => !p.IsShadowProperty() && row.ContainsKey(p.Name)))
            property.PropertyInfo?.SetValue(entity, Value(property, row[property.Name]));
    }

    public static object? Value(IProperty property, JsonElement value) => value.Deserialize(property.ClrType);
}

using System.Text.Json;
using Clientele.Features.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Clientele.Features.Audit;

/// <summary>Which tracked changes the trail records, and what it shows of them.</summary>
internal static class AuditChanges
{
    /// <summary>
    /// Tables written in bulk by the app itself (aggregates, search index, model output, bookkeeping) and the trail's own:
    /// recording them would bury the people's changes under the machine's. Everything else is the client base.
    /// </summary>
    /// <summary>Cyrillic and umlauts as they are, so the owner reads the before/after values; markup characters stay escaped.</summary>
    private static readonly JsonSerializerOptions ReadableJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };

    private static readonly HashSet<string> NotAudited = new(StringComparer.Ordinal)
    {
        nameof(AuditEntry), nameof(AuditEntryClient), nameof(MassAccessAlert),
        "ClientRunningFigures", "ClientMonthlyFigures", "ClientSearchTerm", "ClientLifetime", "LifetimeFit",
        "ClientLoyalty", "ClientLoyaltyStep", "IdempotencyRecord", "JobRun",
        "IdentityUserToken`1", "IdentityUserLogin`1",
    };

    /// <summary>Bookkeeping fields: shown nowhere, and a change of only these is no change to record.</summary>
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        "Version", "UpdatedAt", "ConcurrencyStamp", "AccessFailedCount", "LastUsedAt", "NormalizedEmail", "NormalizedUserName",
        "NameKey", "PurchaseCount", "LastPurchaseAt",
    };

    /// <summary>Secrets: that they changed is recorded, never their values.</summary>
    private static bool IsSecret(string property) =>
        property.Contains("Password", StringComparison.Ordinal) || property.Contains("Stamp", StringComparison.Ordinal)
        || property.Contains("Secret", StringComparison.Ordinal) || property.Contains("Token", StringComparison.Ordinal)
        || property == "Hash";

    private const string Masked = "***";

    internal sealed class Change(EntityEntry entry, AuditAction action, Dictionary<string, object?>? before, Dictionary<string, object?>? after, long? id, long? clientId)
    {
        /// <summary>For a new row the key and the values are read after the save, when the database has given its id.</summary>
        public PendingEntry ToEntry(DateTime at, long? employeeId, string? ip)
        {
            var rowId = id;
            var client = clientId;
            var values = after;
            if (action == AuditAction.Created)
            {
                values = Values(entry, p => true);
                rowId = LongOf(entry, "Id");
                client = ClientOf(entry);
            }
            var detail = JsonSerializer.Serialize(new Dictionary<string, object?> { ["before"] = before, ["after"] = values }
                .Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value), ReadableJson);
            return new PendingEntry(at, employeeId, action, Name(entry), rowId, detail, ip, null, client is { } c ? [c] : []);
        }
    }

    public static List<Change> Collect(ClienteleDb db)
    {
        var changes = new List<Change>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || NotAudited.Contains(entry.Metadata.ClrType.Name))
                continue;
            switch (entry.State)
            {
                case EntityState.Added:
                    changes.Add(new Change(entry, AuditAction.Created, null, null, null, null));
                    break;
                case EntityState.Deleted:
                    changes.Add(new Change(entry, AuditAction.Deleted, Values(entry, p => true, original: true), null, LongOf(entry, "Id"), ClientOf(entry)));
                    break;
                default:
                    var modified = entry.Properties.Where(p => p.IsModified && !Ignored.Contains(p.Metadata.Name) && !Equals(p.OriginalValue, p.CurrentValue))
                        .Select(p => p.Metadata.Name).ToHashSet(StringComparer.Ordinal);
                    if (modified.Count == 0) continue;
                    changes.Add(new Change(entry, ActionOf(entry, modified), Values(entry, modified.Contains, original: true), Values(entry, modified.Contains),
                        LongOf(entry, "Id"), ClientOf(entry)));
                    break;
            }
        }
        return changes;
    }

    /// <summary>A role or active flag of an employee is a permission change, named as such for the owner's questions.</summary>
    private static AuditAction ActionOf(EntityEntry entry, HashSet<string> modified)
    {
        if (entry.Entity is Employee employee)
        {
            if (modified.Contains(nameof(Employee.Role))) return AuditAction.RoleChanged;
            if (modified.Contains(nameof(Employee.IsActive))) return employee.IsActive ? AuditAction.UserActivated : AuditAction.UserDeactivated;
        }
        if (entry.Metadata.ClrType.Name.StartsWith("IdentityUserRole", StringComparison.Ordinal)) return AuditAction.PermissionChanged;
        return AuditAction.Updated;
    }

    private static string Name(EntityEntry entry) => entry.Metadata.ClrType.Name.Split('`')[0];

    private static Dictionary<string, object?> Values(EntityEntry entry, Func<string, bool> include, bool original = false)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in entry.Properties)
        {
            var name = p.Metadata.Name;
            if (Ignored.Contains(name) || !include(name)) continue;
            var value = original ? p.OriginalValue : p.CurrentValue;
            if (value is null && !original && entry.State != EntityState.Modified) continue;
            values[name] = IsSecret(name) ? (value is null ? null : Masked) : Plain(value);
        }
        return values;
    }

    /// <summary>Enums by name and everything else as JSON writes it, so the detail reads the same on both databases.</summary>
    private static object? Plain(object? value) => value switch
    {
        Enum e => e.ToString(),
        _ => value,
    };

    private static long? LongOf(EntityEntry entry, string property) =>
        entry.Metadata.FindProperty(property) is { } p && entry.Property(p.Name).CurrentValue is { } v && v is long or int ? Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>The client the row belongs to: the client itself, or its ClientId.</summary>
    private static long? ClientOf(EntityEntry entry) =>
        entry.Metadata.ClrType.Name == "Client" ? LongOf(entry, "Id") : LongOf(entry, "ClientId");
}

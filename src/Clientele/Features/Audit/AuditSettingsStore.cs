using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Audit;

public sealed record AuditSettingsInput(int? RetentionDays, double? MassAccessFactor, int? MassAccessMinClients);

public sealed record AuditSettingsResponse(int RetentionDays, double MassAccessFactor, int MassAccessMinClients, long Version)
{
    public static AuditSettingsResponse Of(AuditSettings s) => new(s.RetentionDays, s.MassAccessFactor, s.MassAccessMinClients, s.Version);
}

/// <summary>Reads the one settings row (the defaults until the owner saves) and validates and saves a new set.</summary>
public static class AuditSettingsStore
{
    /// <summary>A month at least: a shorter retention would let the nightly job erase what an investigation needs.</summary>
    public const int MinRetentionDays = 30;
    public const int MaxRetentionDays = 36_500;

    public static async Task<AuditSettings> GetAsync(ClienteleDb db, CancellationToken ct) =>
        await db.Set<AuditSettings>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == AuditSettings.SingletonId, ct) ?? new AuditSettings();

    public static Errors Validate(AuditSettingsInput input)
    {
        var e = new Errors();
        if (input.RetentionDays is not { } days) e.Add("retentionDays", Message.Of("is required."));
        else if (days is < MinRetentionDays or > MaxRetentionDays) e.Add("retentionDays", Message.Of("must be between {0} and {1}.", MinRetentionDays, MaxRetentionDays));
        if (input.MassAccessFactor is not { } factor) e.Add("massAccessFactor", Message.Of("is required."));
        else if (!(factor >= 1 && factor <= 1000)) e.Add("massAccessFactor", Message.Of("must be between {0} and {1}.", 1, 1000));
        if (input.MassAccessMinClients is not { } min) e.Add("massAccessMinClients", Message.Of("is required."));
        else if (min is < 1 or > 10_000_000) e.Add("massAccessMinClients", Message.Of("must be between {0} and {1}.", 1, 10000000));
        return e;
    }

    public static async Task<(AuditSettings? Saved, Errors Errors, bool Stale)> SaveAsync(ClienteleDb db, AuditSettingsInput input, long? ifMatch, CancellationToken ct)
    {
        var errors = Validate(input);
        if (errors.Any) return (null, errors, false);
        var row = await db.Set<AuditSettings>().SingleOrDefaultAsync(s => s.Id == AuditSettings.SingletonId, ct);
        if (ifMatch is { } expected && expected != (row?.Version ?? 0)) return (null, errors, true);
        if (row is null)
        {
            row = new AuditSettings();
            db.Add(row);
        }
        row.RetentionDays = input.RetentionDays!.Value;
        row.MassAccessFactor = input.MassAccessFactor!.Value;
        row.MassAccessMinClients = input.MassAccessMinClients!.Value;
        row.Version++;
        await db.SaveChangesAsync(ct);
        return (row, errors, false);
    }
}

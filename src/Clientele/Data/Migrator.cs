using Clientele.Features.Clients;
using Clientele.Features.Company;
using Clientele.Features.Economics;
using Clientele.Features.Groups;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Data;

/// <summary>Brings a database to the current schema and puts in the rows every base starts with.</summary>
public static class Migrator
{
    /// <summary>The built-in acquisition channels, by stable code (the UI shows them in the user's language).</summary>
    public static readonly (string Code, string Name)[] BuiltInChannels =
    [
        ("advertising", "Advertising"), ("partner", "Partner"), ("personal", "Personal contact"),
        ("referral", "Referral"), ("cold-call", "Cold call"), ("website", "Website"),
        ("exhibition", "Exhibition"), ("other", "Other"),
    ];

    public static async Task MigrateAsync(ClienteleDb db, CancellationToken ct = default)
    {
        // Seeding and the one-off rebuilds cover the whole base, whichever scope's context the caller had at hand.
        db.Access = Features.Access.AccessScope.System;
        if (db.Database.IsSqlite())
        {
            // WAL is a property of the file: readers never wait for the writer.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.CloseConnectionAsync();
        }
        var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
        // Pending is what the assembly has and the history has not (what GetPendingMigrationsAsync reads again).
        var pending = db.Database.GetMigrations().Except(applied).ToList();
        // A new base is simply created; an existing one is backed up first and put back if a migration fails. With
        // nothing pending MigrateAsync is not called: it would still diff the model against the snapshot (~0.3 s of CPU
        // per start, most of a test host's database preparation); SchemaTests checks the model has no unmigrated change.
        if (applied.Count > 0 && pending.Count > 0) await SafeUpgrade.MigrateAsync(db, applied, pending, ct);
        else if (pending.Count > 0) await db.Database.MigrateAsync(ct);
        await SeedAsync(db, ct);
        await Features.LostClients.LostSeed.RunAsync(db, ct);
        // A base that had purchases before the figures tables existed gets them computed once.
        if (pending.Any(m => m.EndsWith("_ClientFigures", StringComparison.Ordinal))) await FiguresRebuild.RunAsync(db, ct);
        // Search terms carry the field they came from since SearchTermSources, which removed the old ones.
        if (pending.Any(m => m.EndsWith("_SearchTermSources", StringComparison.Ordinal))) await ClientSearch.RebuildAllAsync(db, ct);
    }

    internal static async Task SeedAsync(ClienteleDb db, CancellationToken ct)
    {
        var known = await db.AcquisitionChannels.Where(c => c.Code != null).Select(c => c.Code!).ToListAsync(ct);
        foreach (var (code, name) in BuiltInChannels.Where(c => !known.Contains(c.Code)))
            db.AcquisitionChannels.Add(new AcquisitionChannel { Code = code, Name = name });
        if (!await db.ClientGroups.AnyAsync(ct))
            db.ClientGroups.AddRange(
                new ClientGroup { Name = "Productive", Preset = GroupPreset.Productive, Strategy = "Keep and develop: widen the range, priority service." },
                new ClientGroup { Name = "Image", Preset = GroupPreset.Image, Strategy = "Keep for the name they lend; hold costs in check." },
                new ClientGroup { Name = "Prospective", Preset = GroupPreset.Prospective, Strategy = "Invest attention; review in six months." });
        if (!await db.CompanySettings.AnyAsync(ct))
            db.CompanySettings.Add(new CompanySettings { Name = "My company", TimeZone = CompanyDays.MachineZoneId() });
        await db.SaveChangesAsync(ct);
    }
}

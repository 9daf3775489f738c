using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Audit;

/// <summary>
/// The mass-access guard: a user who opened, listed or exported far more clients than usual is stopped from exporting and
/// from listing clients (<see cref="AuditReads.StoppedAsync"/>) until the owner lifts the stop. "Far
/// more" is the owner's rule: more than <see cref="AuditSettings.MassAccessFactor"/> times the median of the user's
/// daily distinct clients over the 30 days before, and at least <see cref="AuditSettings.MassAccessMinClients"/> distinct
/// clients within 24 hours — the departing employee who copies the base.
/// </summary>
public static class MassAccess
{
    /// <summary>The check runs when the day's count of client rows reaches the minimum and then every this many rows more.</summary>
    public const int CheckEvery = 50;
    public const int BaselineDays = 30;

    /// <summary>True while the owner has not lifted a mass-access stop on the employee.</summary>
    public static Task<bool> IsBlockedAsync(ClienteleDb db, long employeeId, CancellationToken ct) =>
        db.Set<MassAccessAlert>().AnyAsync(a => a.EmployeeId == employeeId && a.LiftedAt == null, ct);

    /// <summary>
    /// The actions that open or carry away client records: card views, exports, and every page of a list of client rows
    /// (searches of the clients grid and API, and the other lists declared with <see cref="AuditReads.AuditsClientRows"/>) —
    /// paging through a list copies the base as surely as a file does.
    /// </summary>
    public static bool Counts(AuditAction action) =>
        action is AuditAction.ClientViewed or AuditAction.ClientsSearched or AuditAction.Exported or AuditAction.PersonalDataExported;

    private static IQueryable<AuditEntryClient> Counted(ClienteleDb db, long employeeId) =>
        db.Set<AuditEntryClient>().AsNoTracking().Where(c => c.EmployeeId == employeeId
            && (c.Action == AuditAction.ClientViewed || c.Action == AuditAction.ClientsSearched || c.Action == AuditAction.Exported
                || c.Action == AuditAction.PersonalDataExported));

    /// <summary>
    /// Called after <paramref name="added"/> client rows were recorded for the employee. Cheap in the common case: one
    /// indexed count of the last 24 hours' rows; the distinct count and the baseline are read only at the crossings.
    /// <paramref name="appendAlert"/> puts the alert's own entry on the trail.
    /// </summary>
    internal static async Task<MassAccessAlert?> CheckAsync(ClienteleDb db, Func<PendingEntry, Task> appendAlert, long employeeId, int added, CancellationToken ct)
    {
        var settings = await AuditSettingsStore.GetAsync(db, ct);
        var (rows, since) = await CountAsync(db, employeeId, ct);
        if (!Crossed(rows - added, rows, settings.MassAccessMinClients)) return null;
        return await JudgeAsync(db, appendAlert, employeeId, since, settings, ct);
    }

    /// <summary>The employee's counted client rows of the guard's day, and when that day began.</summary>
    internal static async Task<(int Rows, DateTime Since)> CountAsync(ClienteleDb db, long employeeId, CancellationToken ct)
    {
        var dayAgo = db.UtcNow.AddHours(-24);
        // After the owner lifted a stop, the day counts from the lift: what was judged already does not stop the user again.
        var lifted = await db.Set<MassAccessAlert>().Where(a => a.EmployeeId == employeeId && a.LiftedAt != null).MaxAsync(a => a.LiftedAt, ct);
        var since = lifted is { } l && l > dayAgo ? l : dayAgo;
        return (await Counted(db, employeeId).CountAsync(c => c.At >= since, ct), since);
    }

    /// <summary>At a crossing: the distinct clients of the day against the employee's baseline, and the alert when it is mass access.</summary>
    internal static async Task<MassAccessAlert?> JudgeAsync(ClienteleDb db, Func<PendingEntry, Task> appendAlert, long employeeId, DateTime since,
        AuditSettings settings, CancellationToken ct)
    {
        if (await IsBlockedAsync(db, employeeId, ct)) return null;
        // The owner lifts stops and sees everything by role: their reads stay on the trail, but they are not stopped.
        if (await db.Users.AsNoTracking().AnyAsync(u => u.Id == employeeId && u.Role == Identity.EmployeeRole.Owner, ct)) return null;

        var now = db.UtcNow;
        var dayAgo = now.AddHours(-24);
        var from = dayAgo.AddDays(-BaselineDays);
        var seen = await Counted(db, employeeId).Where(c => c.At >= from).Select(c => new { c.At, c.ClientId }).ToListAsync(ct);
        var today = seen.Where(s => s.At >= since).Select(s => s.ClientId).Distinct().Count();
        var daily = new int[BaselineDays];
        foreach (var day in seen.Where(s => s.At < dayAgo).GroupBy(s => (int)((dayAgo - s.At).Ticks / TimeSpan.TicksPerDay)))
            if (day.Key < BaselineDays) daily[day.Key] = day.Select(s => s.ClientId).Distinct().Count();
        var baseline = Median(daily);
        if (!IsMassAccess(today, baseline, settings)) return null;

        var alert = new MassAccessAlert { EmployeeId = employeeId, At = now, ClientCount = today, Baseline = baseline };
        db.Set<MassAccessAlert>().Add(alert);
        await db.SaveChangesAsync(ct);
        db.Entry(alert).State = EntityState.Detached;
        var detail = JsonSerializer.Serialize(new { clients = today, baseline, factor = settings.MassAccessFactor, minClients = settings.MassAccessMinClients });
        await appendAlert(new PendingEntry(now, employeeId, AuditAction.MassAccessAlert, nameof(MassAccessAlert), alert.Id, detail, null, today, []));
        return alert;
    }

    /// <summary>True when the count reached the minimum with these rows, or passed another <see cref="CheckEvery"/> beyond it.</summary>
    internal static bool Crossed(int before, int after, int minimum)
    {
        if (after < minimum) return false;
        if (before < minimum) return true;
        return (after - minimum) / CheckEvery > (before - minimum) / CheckEvery;
    }

    public static bool IsMassAccess(int distinctClients, double baseline, AuditSettings settings) =>
        distinctClients >= settings.MassAccessMinClients && distinctClients > settings.MassAccessFactor * baseline;

    /// <summary>Days without activity count as zero: a user who rarely opens clients has a low baseline.</summary>
    internal static double Median(int[] values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return 0;
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    public enum LiftOutcome { Lifted, NotFound, AlreadyLifted }

    /// <summary>The owner lets the employee export again; audited as <see cref="AuditAction.MassAccessLifted"/>.</summary>
    public static async Task<(LiftOutcome Outcome, MassAccessAlert? Alert)> LiftAsync(ClienteleDb db, long alertId, long? ownerId, CancellationToken ct)
    {
        var alert = await db.Set<MassAccessAlert>().SingleOrDefaultAsync(a => a.Id == alertId, ct);
        if (alert is null) return (LiftOutcome.NotFound, null);
        if (alert.LiftedAt is not null) return (LiftOutcome.AlreadyLifted, alert);
        alert.LiftedAt = db.UtcNow;
        alert.LiftedById = ownerId;
        await db.SaveChangesAsync(ct);
        await new AuditLog(db).RecordAsync(new AuditEvent(AuditAction.MassAccessLifted, ownerId, nameof(MassAccessAlert), alert.Id,
            Detail: JsonSerializer.Serialize(new { employeeId = alert.EmployeeId })), ct);
        return (LiftOutcome.Lifted, alert);
    }
}

/// <summary>
/// The group-commit writer's running count of each employee's counted rows in the guard's day (ADR 010). Recounting the
/// day after every batch cost an indexed count that grows with the employee's views — at thousands of views a second,
/// hundreds of thousands of index entries per batch. The writer instead adds each batch's rows to the count it last
/// read and reads the database again when <see cref="Recount"/> has passed, and at every crossing, where the judgement
/// rests on the database alone. Rows another process (a second node, the command line, an export inside a caller's
/// transaction) adds are seen within <see cref="Recount"/>; rows that leave the 24 hours only make the count high, which
/// makes a check come early, never late. Used by the writer's one loop only, so it needs no lock.
/// </summary>
internal sealed class MassAccessTally
{
    public static readonly TimeSpan Recount = TimeSpan.FromSeconds(10);

    private readonly Dictionary<long, (int Rows, DateTime CountedAt)> _rows = [];
    private (AuditSettings Settings, DateTime ReadAt)? _settings;

    public async Task<MassAccessAlert?> AddAsync(ClienteleDb db, Func<PendingEntry, Task> appendAlert, long employeeId, int added, CancellationToken ct)
    {
        var now = db.UtcNow;
        if (_settings is not { } known || !Fresh(known.ReadAt, now)) _settings = known = (await AuditSettingsStore.GetAsync(db, ct), now);
        var minimum = known.Settings.MassAccessMinClients;
        int before, after;
        DateTime? since = null; // the day's start, once the database was read in this call
        if (_rows.TryGetValue(employeeId, out var tally) && Fresh(tally.CountedAt, now))
        {
            (before, after) = (tally.Rows, tally.Rows + added);
            _rows[employeeId] = (after, tally.CountedAt);
        }
        else
        {
            (after, since) = await MassAccess.CountAsync(db, employeeId, ct);
            before = after - added;
            _rows[employeeId] = (after, now);
        }
        if (!MassAccess.Crossed(before, after, minimum)) return null;
        if (since is null)
        {
            var (counted, start) = await MassAccess.CountAsync(db, employeeId, ct);
            (_rows[employeeId], since) = ((counted, now), start);
        }
        return await MassAccess.JudgeAsync(db, appendAlert, employeeId, since.Value, known.Settings, ct);
    }

    private static bool Fresh(DateTime readAt, DateTime now) => now >= readAt && now - readAt < Recount;
}

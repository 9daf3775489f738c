using System.Runtime.CompilerServices;
using Clientele.Analytics.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Company;

/// <summary>
/// The company's days and months (ADR 023). Instants are stored in UTC; a day or a month is taken from an instant only
/// here, in the company's time zone: a purchase at 23:30 Moscow time is on that Moscow day, in that Moscow month.
/// </summary>
public sealed class CompanyDays
{
    /// <summary>The days of a base that predates the setting: UTC days.</summary>
    public static readonly CompanyDays Utc = new(TimeZoneInfo.Utc);

    private static readonly ConditionalWeakTable<ClienteleDb, CompanyDays> ByContext = new();

    public CompanyDays(TimeZoneInfo zone) => Zone = zone;

    public TimeZoneInfo Zone { get; }

    /// <summary>The company's day of an instant. An instant without a kind is UTC, as the database keeps it.</summary>
    public DateOnly DayOf(DateTime instant) => DateOnly.FromDateTime(LocalOf(instant));

    /// <summary>The company's wall-clock time of an instant.</summary>
    public DateTime LocalOf(DateTime instant) => TimeZoneInfo.ConvertTimeFromUtc(AsUtc(instant), Zone);

    public int MonthOf(DateTime instant) => MonthIndex.Of(DayOf(instant));

    /// <summary>
    /// The UTC instant at which the company's <paramref name="day"/> begins: its local midnight, or the first moment of
    /// the day where a clock change skips midnight. Every range "from day A to day B" over instants is built from these.
    /// </summary>
    public DateTime StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        if (Zone.IsAmbiguousTime(midnight))
            return DateTime.SpecifyKind(midnight - Zone.GetAmbiguousTimeOffsets(midnight).Max(), DateTimeKind.Utc);
        var start = DateTime.SpecifyKind(midnight - Zone.GetUtcOffset(midnight), DateTimeKind.Utc);
        // A skipped midnight (a few zones move their clocks at 00:00): the day begins when its first hour exists.
        while (DayOf(start) < day) start = start.AddMinutes(15);
        return start;
    }

    /// <summary>The UTC instant the day after <paramref name="day"/> begins: the exclusive end of the day.</summary>
    public DateTime EndOf(DateOnly day) => StartOf(day.AddDays(1));

    /// <summary>
    /// The instant of a time as given: with a kind, as it says; without one (a file, a form, an API value without an
    /// offset), the company's wall clock. Imports call this for their dates and times.
    /// </summary>
    public DateTime ToUtc(DateTime given) => given.Kind switch
    {
        DateTimeKind.Utc => given,
        DateTimeKind.Local => given.ToUniversalTime(),
        _ => Zone.IsInvalidTime(given)
            ? DateTime.SpecifyKind(given - Zone.BaseUtcOffset, DateTimeKind.Utc)
            : TimeZoneInfo.ConvertTimeToUtc(given, Zone),
    };

    public DateOnly Today(TimeProvider clock) => DayOf(clock.GetUtcNow().UtcDateTime);

    public DateOnly Today(DateTime utcNow) => DayOf(utcNow);

    /// <summary>The moment now, moved to the company's <paramref name="day"/> at the same wall-clock time: a record entered for a day keeps the order of entry within it.</summary>
    public DateTime NowOn(TimeProvider clock, DateOnly day) =>
        ToUtc(day.ToDateTime(TimeOnly.FromDateTime(LocalOf(clock.GetUtcNow().UtcDateTime)), DateTimeKind.Unspecified));

    private static DateTime AsUtc(DateTime instant) => instant.Kind switch
    {
        DateTimeKind.Local => instant.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(instant, DateTimeKind.Utc),
        _ => instant,
    };

    /// <summary>An IANA zone id this machine knows, or null. Windows ids are refused: the setting must mean the same on every server.</summary>
    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64) return null;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) && zone.HasIanaId ? zone : null;
    }

    /// <summary>The zone a new base starts with: this machine's, when it has an IANA name; else UTC.</summary>
    public static string MachineZoneId() =>
        TimeZoneInfo.Local.HasIanaId && TimeZoneInfo.Local.Id is { Length: > 0 and <= 64 } id && Find(id) is not null ? id : "UTC";

    /// <summary>The zones offered to choose from: every IANA zone this machine knows, by name.</summary>
    /// <remarks>Read on first use, not with the class: listing the zones parses every zone file (seconds on a busy
    /// machine), which only the settings page needs, not the first import that asks for a company day (ADR 034).</remarks>
    public static IReadOnlyList<string> Known => KnownZones.Value;

    private static readonly Lazy<IReadOnlyList<string>> KnownZones = new(() =>
        [.. TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId).Select(z => z.Id).Append("UTC").Distinct().Order(StringComparer.Ordinal)]);

    /// <summary>The company's days as the base's settings say, read once per context.</summary>
    public static async Task<CompanyDays> OfAsync(ClienteleDb db, CancellationToken ct = default)
    {
        if (ByContext.TryGetValue(db, out var known)) return known;
        var id = await db.CompanySettings.AsNoTracking().Where(s => s.Id == CompanySettings.SingletonId).Select(s => s.TimeZone).FirstOrDefaultAsync(ct);
        return Remember(db, id);
    }

    /// <summary>The same, for the few synchronous rules (today's date in a check).</summary>
    public static CompanyDays Of(ClienteleDb db)
    {
        if (ByContext.TryGetValue(db, out var known)) return known;
        var id = db.CompanySettings.AsNoTracking().Where(s => s.Id == CompanySettings.SingletonId).Select(s => s.TimeZone).FirstOrDefault();
        return Remember(db, id);
    }

    /// <summary>After the zone changed: the context reads it again.</summary>
    public static void Forget(ClienteleDb db) => ByContext.Remove(db);

    private static CompanyDays Remember(ClienteleDb db, string? id)
    {
        var days = Find(id) is { } zone ? new CompanyDays(zone) : Utc;
        ByContext.AddOrUpdate(db, days);
        return days;
    }
}

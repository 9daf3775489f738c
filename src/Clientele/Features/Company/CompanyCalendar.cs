namespace Clientele.Features.Company;

/// <summary>The company's today and "now on a day" for code that holds a context: the days are the base's (<see cref="CompanyDays"/>, ADR 023).</summary>
public static class CompanyCalendar
{
    public static DateOnly CompanyToday(this ClienteleDb db) => CompanyDays.Of(db).Today(db.UtcNow);

    public static async Task<DateOnly> CompanyTodayAsync(this ClienteleDb db, CancellationToken ct = default) => (await CompanyDays.OfAsync(db, ct)).Today(db.UtcNow);

    /// <summary>The company's days, for a component that has no context open yet.</summary>
    public static async Task<CompanyDays> CompanyDaysAsync(this Microsoft.EntityFrameworkCore.IDbContextFactory<ClienteleDb> factory, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await CompanyDays.OfAsync(db, ct);
    }

    /// <summary>For a page that has no context open yet.</summary>
    public static async Task<DateOnly> CompanyTodayAsync(this Microsoft.EntityFrameworkCore.IDbContextFactory<ClienteleDb> factory, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.CompanyTodayAsync(ct);
    }
}

using Clientele.Tests.Infrastructure;

namespace Clientele.Tests.Analytics;

/// <summary>
/// Which days the analytics views accept. The check is the API's and looks at no row, so one app per provider serves
/// every case (the figures' tests, <see cref="AnalyticsTests"/>, need a database each).
/// </summary>
public abstract class AnalyticsDayTests(AppFixture fixture) : ApiTest(fixture)
{
    public static TheoryData<string, string> BadDays => new()
    {
        { "summary", "2026-13-01" },
        { "summary", "yesterday" },
        { "pareto", "30.06.2026" },
        { "abc-xyz", "1989-12-31" },
        { "rfm", "2101-01-01" },
        { "cohorts", "2026-6-30" },
        { "channels", "2026-02-30" },
        { "target", "2026-06-30T00:00:00Z" },
        { "retention", "20260630" },
        { "strategies", "2026-06-31" },
        { "clients", "-1" },
    };

    [Theory]
    [MemberData(nameof(BadDays))]
    public async Task A_bad_asOf_is_a_400_that_names_asOf(string view, string asOf)
    {
        await AssertInvalidAsync(await Http.GetAsync($"/api/v1/analytics/{view}?asOf={Uri.EscapeDataString(asOf)}"), "asOf");
    }
}

public sealed class AnalyticsDayTestsOnSqlite(SqliteApp fixture) : AnalyticsDayTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-3")]
public sealed class AnalyticsDayTestsOnPostgres(PostgresApp fixture) : AnalyticsDayTests(fixture), IClassFixture<PostgresApp>;

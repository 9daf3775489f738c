using System.Globalization;
using System.Text.Json.Nodes;
using Clientele.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Clientele.Tests.Cli;

/// <summary><c>clientele analyze</c> on a demo database, as a user runs it, against the API on the same database.</summary>
public abstract class AnalyzeCommandTests
{
    /// <summary>A fresh, empty database: sqlite:PATH or postgres:CONNECTION-STRING.</summary>
    protected abstract Task<string> NewDatabaseAsync();

    /// <summary>The keys of <c>SummaryResponse</c>, as the API and <c>analyze --json</c> name them.</summary>
    private static readonly string[] SummaryKeys =
    [
        "asOf", "currency", "clients", "buyers", "totals", "shareOfClientsFor80PercentOfRevenue", "revenueShareTop5Percent",
        "revenueShareTop10Percent", "revenueShareTop20Percent", "abc", "rfm", "retentionRate", "churnRate", "repeatPurchaseRate",
        "lossMakingClients", "lossMakingContribution", "targetClientShare", "targetRevenueShare",
    ];

    private static readonly string[] TotalsKeys =
        ["revenue", "costOfGoods", "grossMargin", "discounts", "bonuses", "kickbacks", "concessions", "costToServe", "acquisitionCost", "contribution"];

    private static readonly string[] Segments =
        ["Champions", "Loyal", "PotentialLoyalists", "New", "Promising", "NeedAttention", "AboutToSleep", "AtRisk", "CantLose", "Hibernating", "Lost"];

    [Fact]
    public async Task Analyze_json_on_a_demo_database_prints_the_documented_keys_and_the_apis_summary()
    {
        var db = await NewDatabaseAsync();
        var demo = await CliProcess.RunAsync(["demo", "--clients", "150", "--purchases", "1500", "--db", db]);
        Assert.True(demo.ExitCode == 0, demo.ToString());
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var analyze = await CliProcess.RunAsync(["analyze", "--as-of", day, "--json", "--db", db]);

        Assert.True(analyze.ExitCode == 0, analyze.ToString());
        var json = JsonNode.Parse(analyze.Stdout)!.AsObject();
        Assert.Equal(SummaryKeys.Order(), json.Select(p => p.Key).Order());
        Assert.Equal(TotalsKeys.Order(), json["totals"]!.AsObject().Select(p => p.Key).Order());
        Assert.Equal(["A", "B", "C"], json["abc"]!.AsObject().Select(p => p.Key).Order());
        Assert.Equal(Segments.Order(), json["rfm"]!.AsObject().Select(p => p.Key).Order());
        Assert.Equal((day, "RUB", 150), ((string?)json["asOf"], (string?)json["currency"], (int)json["clients"]!));
        var buyers = (int)json["buyers"]!;
        Assert.InRange(buyers, 1, 150);
        Assert.Equal(buyers, json["rfm"]!.AsObject().Sum(p => (int)p.Value!));
        Assert.Equal(150, json["abc"]!.AsObject().Sum(p => (int)p.Value!));
        Assert.True((decimal)json["totals"]!["revenue"]! > 0);

        // The command and the API compute the same summary from the same database.
        await using var app = new ClienteleApp(db);
        await app.InitializeAsync();
        var api = JsonNode.Parse(await app.Client.GetStringAsync($"/api/v1/analytics/summary?asOf={day}"))!;
        Assert.True(JsonNode.DeepEquals(api, json), $"API:\n{api.ToJsonString()}\nCLI:\n{json.ToJsonString()}");

        var text = await CliProcess.RunAsync(["analyze", "--as-of", day, "--db", db]);
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.StartsWith($"Clientele analytics as of {day} (amounts in RUB)", text.StdoutLines[0]);
        Assert.Contains(text.StdoutLines, l => l.StartsWith("Clients:", StringComparison.Ordinal) && l.Contains($"({buyers.ToString("#,##0", CultureInfo.InvariantCulture)} have bought)"));
    }

    [Fact]
    public async Task Analyze_with_a_bad_day_says_so_and_fails()
    {
        var db = await NewDatabaseAsync();
        Assert.Equal(0, (await CliProcess.RunAsync(["db", "migrate", "--db", db])).ExitCode);

        var result = await CliProcess.RunAsync(["analyze", "--as-of", "2026-02-30", "--json", "--db", db]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--as-of", result.Stderr);
        Assert.Empty(result.Stdout.Trim());
    }
}

public sealed class AnalyzeCommandTestsOnSqlite : AnalyzeCommandTests, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("clientele-analyze-").FullName;

    protected override Task<string> NewDatabaseAsync() => Task.FromResult($"sqlite:{Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".db")}");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { /* a leftover temp directory does not fail a run */ }
    }
}

[Collection("postgres-6")]
public sealed class AnalyzeCommandTestsOnPostgres(PostgresFixture server) : AnalyzeCommandTests
{
    protected override async Task<string> NewDatabaseAsync() => "postgres:" + await server.CreateDatabaseAsync();
}

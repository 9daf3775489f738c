using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Clientele.Analytics.Lifetime;
using Clientele.Tests.Infrastructure;

namespace Clientele.Tests.Cli;

/// <summary><c>clientele clv fit</c> on files the test writes from simulated clients; no database involved.</summary>
public sealed class ClvCommandTests : IDisposable
{
    private static readonly BgNbdParameters Purchases = new(0.243, 4.414, 0.793, 2.426);
    private static readonly GammaGammaParameters Values = new(6.25, 3.74, 15.44);
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private readonly string _dir = Directory.CreateTempSubdirectory("clientele-clv-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteFile(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text, Encoding.UTF8);
        return path;
    }

    private string WriteSummary(LifetimeSummary[] clients, bool withValues)
    {
        // Columns deliberately out of the usual order: the header decides.
        var text = new StringBuilder(withValues ? "T,customer_id,monetary_value,recency,frequency\n" : "recency,frequency,customer_id,T\n");
        for (var i = 0; i < clients.Length; i++)
        {
            var c = clients[i];
            text.Append(withValues
                ? string.Create(Invariant, $"{c.T:R},c{i},{c.MonetaryValue:R},{c.Recency:R},{c.Frequency:R}\n")
                : string.Create(Invariant, $"{c.Recency:R},{c.Frequency:R},\"client, {i}\",{c.T:R}\n"));
        }
        return WriteFile("summary.csv", text.ToString());
    }

    [Fact]
    public async Task Summary_with_values_prints_both_models_as_json_with_the_documented_keys()
    {
        var clients = LifetimeSimulation.Summaries(Purchases, Values, 4_000, 30, 80, new Random(21), periodLength: 1);
        var path = WriteSummary(clients, withValues: true);

        var run = await CliProcess.RunAsync(["clv", "fit", "--summary", path, "--json"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var json = JsonNode.Parse(run.Stdout)!.AsObject();
        string[] keys = ["period", "clients", "distinct_rows", "r", "alpha", "a", "b", "log_likelihood", "repeat_clients", "p", "q", "gamma",
            "gamma_gamma_log_likelihood", "frequency_value_correlation"];
        Assert.Equal(keys.Order(), json.Select(p => p.Key).Order());
        var expected = BgNbd.Fit(clients);
        var expectedValues = GammaGamma.Fit(clients);
        Assert.Equal(expected.Parameters.R, (double)json["r"]!, 9);
        Assert.Equal(expected.Parameters.Alpha, (double)json["alpha"]!, 9);
        Assert.Equal(expected.Parameters.A, (double)json["a"]!, 9);
        Assert.Equal(expected.Parameters.B, (double)json["b"]!, 9);
        Assert.Equal(expected.LogLikelihood, (double)json["log_likelihood"]!, 6);
        Assert.Equal(expectedValues.Parameters.Gamma, (double)json["gamma"]!, 9);
        Assert.Equal(("week", 4_000), ((string?)json["period"], (int)json["clients"]!));
    }

    [Fact]
    public async Task Summary_without_values_prints_bg_nbd_only_as_text()
    {
        var clients = LifetimeSimulation.Summaries(Purchases, null, 2_000, 200, 500, new Random(22), periodLength: 1);
        var path = WriteSummary(clients, withValues: false);

        var run = await CliProcess.RunAsync(["clv", "fit", "--summary", path, "--period", "day"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var fit = BgNbd.Fit(clients).Parameters;
        Assert.StartsWith("BG/NBD on 2,000 clients", run.StdoutLines[0]);
        Assert.Contains("times in days", run.StdoutLines[0]);
        Assert.Contains($"r                {fit.R.ToString("0.######", Invariant)}", run.StdoutLines);
        Assert.Contains($"alpha            {fit.Alpha.ToString("0.######", Invariant)}", run.StdoutLines);
        Assert.Contains(run.StdoutLines, l => l.StartsWith("log-likelihood", StringComparison.Ordinal));
        Assert.DoesNotContain(run.StdoutLines, l => l.StartsWith("gamma", StringComparison.Ordinal));

        var json = await CliProcess.RunAsync(["clv", "fit", "--summary", path, "--json"]);
        Assert.False(JsonNode.Parse(json.Stdout)!.AsObject().ContainsKey("p"));
    }

    [Fact]
    public async Task Transactions_are_summarised_in_continuous_time_by_default_and_in_whole_weeks_on_request()
    {
        // Simulated clients in weeks, written as a daily log starting on various days of 2024, half the dates dd.MM.yyyy.
        var random = new Random(23);
        var start = new DateOnly(2024, 1, 1);
        var end = new DateOnly(2025, 6, 30);
        var log = new StringBuilder("amount,when,who\n");
        var transactions = new List<Transaction>();
        for (var i = 0; i < 3_000; i++)
        {
            var first = start.AddDays(random.Next(0, 300));
            var client = LifetimeSimulation.Client(Purchases, Values, (end.DayNumber - first.DayNumber) / 7.0 + 10, random);
            for (var k = 0; k < client.PurchaseTimes.Count; k++)
            {
                var day = first.AddDays((int)(client.PurchaseTimes[k] * 7));
                var amount = Math.Round((decimal)client.PurchaseValues[k], 2);
                var text = i % 2 == 0 ? day.ToString("yyyy-MM-dd", Invariant) : day.ToString("dd.MM.yyyy", Invariant);
                log.Append(Invariant, $"{amount},{text},client-{i}\n");
                transactions.Add(new Transaction($"client-{i}", day, amount));
            }
        }
        var path = WriteFile("log.csv", log.ToString());

        var run = await CliProcess.RunAsync(["clv", "fit", "--transactions", path, "--customer", "who", "--date", "when", "--amount", "amount",
            "--calibration-end", "2025-06-30", "--json"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var json = JsonNode.Parse(run.Stdout)!;
        var summaries = TransactionSummary.Build(transactions, end, LifetimePeriod.Week, LifetimeTimeConvention.Continuous).Select(s => s.Summary).ToArray();
        Assert.Equal(3_000, (int)json["clients"]!);
        Assert.Equal("continuous", (string?)json["time"]);
        Assert.Equal(BgNbd.Fit(summaries).Parameters.R, (double)json["r"]!, 9);
        Assert.Equal(GammaGamma.Fit(summaries).Parameters.P, (double)json["p"]!, 9);

        var weeks = await CliProcess.RunAsync(["clv", "fit", "--transactions", path, "--customer", "who", "--date", "when",
            "--calibration-end", "2025-06-30", "--time", "calendar"]);
        Assert.True(weeks.ExitCode == 0, weeks.ToString());
        var wholeWeeks = TransactionSummary.Build(transactions, end, LifetimePeriod.Week, LifetimeTimeConvention.CalendarPeriods).Select(s => s.Summary).ToArray();
        Assert.Contains("(whole calendar weeks)", weeks.StdoutLines[0]);
        Assert.Contains($"r                {BgNbd.Fit(wholeWeeks).Parameters.R.ToString("0.######", Invariant)}", weeks.StdoutLines);
    }

    [Fact]
    public async Task A_missing_file_says_so()
    {
        var missing = Path.Combine(_dir, "nope.csv");
        await AssertFailsWith(["clv", "fit", "--summary", missing], $"{missing}: no such file");
    }

    [Fact]
    public async Task A_missing_column_is_named()
    {
        var path = WriteFile("summary.csv", "customer_id,frequency,T\n1,2,10\n");
        await AssertFailsWith(["clv", "fit", "--summary", path], "no column 'recency'");
        var log = WriteFile("log.csv", "who,when\n1,2025-01-01\n");
        await AssertFailsWith(["clv", "fit", "--transactions", log, "--customer", "who", "--date", "day", "--calibration-end", "2025-02-01"], "no column 'day'");
    }

    [Fact]
    public async Task A_bad_number_or_date_names_line_and_column()
    {
        var path = WriteFile("summary.csv", "customer_id,frequency,recency,T\n1,2,5,10\n2,1,3,10\n3,two,3,10\n");
        await AssertFailsWith(["clv", "fit", "--summary", path], "line 4, column frequency: 'two' is not a number");
        var beyond = WriteFile("beyond.csv", "customer_id,frequency,recency,T\n1,2,12,10\n");
        await AssertFailsWith(["clv", "fit", "--summary", beyond], "line 2: recency 12 is beyond T 10");
        var log = WriteFile("log.csv", "who,when,sum\nA,2025-01-01,5\nA,2025-13-01,5\n");
        await AssertFailsWith(["clv", "fit", "--transactions", log, "--customer", "who", "--date", "when", "--calibration-end", "2025-02-01"],
            "line 3, column when: '2025-13-01' is not a date");
        await AssertFailsWith(["clv", "fit", "--transactions", log, "--customer", "who", "--date", "when", "--amount", "sum", "--calibration-end", "2025-02-30"],
            "--calibration-end must be a date");
    }

    [Fact]
    public async Task A_fit_that_cannot_be_made_fails_with_the_reason()
    {
        var path = WriteFile("summary.csv", "customer_id,frequency,recency,T\n1,0,0,10\n2,0,0,20\n");
        await AssertFailsWith(["clv", "fit", "--summary", path, "--json"], "no client has a repeat purchase");
    }

    [Fact]
    public async Task Inputs_must_be_one_summary_or_one_complete_transaction_log()
    {
        await AssertFailsWith(["clv", "fit"], "exactly one of --summary FILE or --transactions FILE");
        await AssertFailsWith(["clv", "fit", "--summary", WriteFile("given.csv", "customer_id,frequency,recency,T\na,1,2,3\n"), "--time", "calendar"],
            "--time applies to --transactions only");
        await AssertFailsWith(["clv", "fit", "--transactions", "x.csv", "--customer", "who", "--date", "when"], "--transactions needs --calibration-end");
    }

    [Fact]
    public async Task Help_describes_both_inputs_without_asking_for_them()
    {
        var run = await CliProcess.RunAsync(["clv", "fit", "--help"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("--summary", run.Stdout);
        Assert.Contains("--calibration-end", run.Stdout);
        Assert.Empty(run.Stderr);
    }

    private static async Task AssertFailsWith(string[] args, string message)
    {
        var run = await CliProcess.RunAsync(args);
        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Contains(message, run.Stderr);
        Assert.Single(run.StderrLines);
        Assert.Empty(run.Stdout.Trim());
    }
}

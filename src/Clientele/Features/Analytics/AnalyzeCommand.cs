using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Clientele.Infrastructure.Cli;

namespace Clientele.Features.Analytics;

/// <summary><c>clientele analyze [--as-of DATE] [--json]</c>: the analytics summary of the configured database.</summary>
public static class AnalyzeCommand
{
    public static Command Create()
    {
        var asOf = new Option<string?>("--as-of") { Description = "The day to analyse, YYYY-MM-DD (default: the company's today, in its time zone)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var command = new Command("analyze", "Print the summary: clients, revenue, contribution, Pareto, ABC, RFM, retention, loss-makers.") { asOf, json };
        command.Validators.Add(r =>
        {
            if (AnalyticsApi.ParseDay(r.GetValue(asOf), out _) is not null) r.AddError("--as-of must be a date as YYYY-MM-DD between 1990 and 2100.");
        });
        command.SetAction(async (result, ct) =>
        {
            await using var services = CommandServices.Open(CommandLine.ResolveDb(result));
            AnalyticsApi.ParseDay(result.GetValue(asOf), out var day);
            var service = new AnalyticsService(services.Db, services.Services.GetRequiredService<AnalyticsCache>(), services.Clock);
            var summary = AnalyticsViews.Summary(await service.ReportAsync(day, ct));
            Console.WriteLine(result.GetValue(json) ? JsonSerializer.Serialize(summary, Json) : Text(summary));
            return 0;
        });
        return command;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Text(SummaryResponse s)
    {
        var c = CultureInfo.InvariantCulture;
        string Money(decimal v) => v.ToString("#,##0.00", c) + " " + s.Currency;
        static string Pct(double? v) => v is { } x ? (x * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "n/a";
        var lines = new List<string>
        {
            $"Clientele analytics as of {s.AsOf:yyyy-MM-dd} (amounts in {s.Currency})",
            $"Clients:                 {s.Clients.ToString("#,##0", c)} ({s.Buyers.ToString("#,##0", c)} have bought)",
            $"Revenue:                 {Money(s.Totals.Revenue)}",
            $"Gross margin:            {Money(s.Totals.GrossMargin)}",
            $"Concessions:             {Money(s.Totals.Concessions)}  (discounts {Money(s.Totals.Discounts)}, bonuses {Money(s.Totals.Bonuses)}, kickbacks {Money(s.Totals.Kickbacks)})",
            $"Cost to serve:           {Money(s.Totals.CostToServe)}",
            $"Acquisition cost:        {Money(s.Totals.AcquisitionCost)}",
            $"Net contribution:        {Money(s.Totals.Contribution)}",
            $"80% of revenue from:     {Pct(s.ShareOfClientsFor80PercentOfRevenue)} of clients (top 5%: {Pct(s.RevenueShareTop5Percent)}, top 10%: {Pct(s.RevenueShareTop10Percent)}, top 20%: {Pct(s.RevenueShareTop20Percent)} of revenue)",
            $"ABC by contribution:     " + string.Join("  ", s.Abc.Select(kv => $"{kv.Key} {kv.Value.ToString("#,##0", c)}")),
            $"Retention (12 months):   {Pct(s.RetentionRate)}   churn {Pct(s.ChurnRate)}",
            $"Repeat-purchase rate:    {Pct(s.RepeatPurchaseRate)}",
            $"Loss-making clients:     {s.LossMakingClients.ToString("#,##0", c)} (together {Money(s.LossMakingContribution)})",
            $"Target clients:          {Pct(s.TargetClientShare)} of clients, {Pct(s.TargetRevenueShare)} of revenue",
            "RFM segments:",
        };
        lines.AddRange(s.Rfm.Select(kv => $"  {kv.Key,-20} {kv.Value.ToString("#,##0", c),10}"));
        return string.Join(Environment.NewLine, lines);
    }
}

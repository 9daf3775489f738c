using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Clientele.Analytics.Lifetime;
using Clientele.Infrastructure.Cli;

namespace Clientele.Features.Lifetime;

/// <summary>
/// <c>clientele clv fit</c>: fits BG/NBD (and Gamma-Gamma when values are given) on a summary or a transaction log
/// file. Pure computation on a file: no database is opened.
/// </summary>
public static class ClvCommand
{
    public static Command Create()
    {
        var summary = new Option<string?>("--summary") { Description = "CSV with customer_id,frequency,recency,T[,monetary_value] (header required)." };
        var transactions = new Option<string?>("--transactions") { Description = "CSV transaction log to build the summary from." };
        var customer = new Option<string?>("--customer") { Description = "The transaction log's customer column." };
        var date = new Option<string?>("--date") { Description = "The transaction log's date column (yyyy-MM-dd or dd.MM.yyyy)." };
        var amount = new Option<string?>("--amount") { Description = "The transaction log's amount column (optional; enables Gamma-Gamma)." };
        var calibrationEnd = new Option<string?>("--calibration-end") { Description = "Last day of the calibration period; later transactions are ignored." };
        var period = new Option<string>("--period") { Description = "Unit of the summary's numbers, and what a transaction log is aggregated to.", DefaultValueFactory = _ => "week" };
        period.AcceptOnlyFromAmong("week", "day");
        var time = new Option<string?>("--time")
        {
            Description = "How a transaction log's dates become times: continuous (default; days expressed in the period, as the BG/NBD paper "
                          + "and BTYD do, repeat purchases = distinct days) or calendar (whole calendar periods, as the lifetimes library does).",
        };
        time.AcceptOnlyFromAmong(Continuous, Calendar);
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };

        var fit = new Command("fit", "Fit BG/NBD (and Gamma-Gamma with monetary values) by maximum likelihood and print the parameters.")
        {
            summary, transactions, customer, date, amount, calibrationEnd, period, time, json,
        };
        fit.Validators.Add(r =>
        {
            var hasSummary = r.GetValue(summary) is not null;
            var hasTransactions = r.GetValue(transactions) is not null;
            if (hasSummary == hasTransactions)
                r.AddError("Give exactly one of --summary FILE or --transactions FILE.");
            if (hasSummary && r.GetValue(time) is not null)
                r.AddError("--time applies to --transactions only: a summary file already holds its times.");
            if (hasTransactions)
            {
                if (r.GetValue(customer) is null) r.AddError("--transactions needs --customer COLUMN.");
                if (r.GetValue(date) is null) r.AddError("--transactions needs --date COLUMN.");
                if (r.GetValue(calibrationEnd) is not { } end) r.AddError("--transactions needs --calibration-end DATE.");
                else if (LifetimeCsv.ParseDate(end) is null) r.AddError("--calibration-end must be a date as yyyy-MM-dd or dd.MM.yyyy.");
            }
        });
        fit.SetAction(result =>
        {
            var unit = result.GetValue(period) == "day" ? LifetimePeriod.Day : LifetimePeriod.Week;
            LifetimeSummary[] clients;
            bool withValues;
            LifetimeTimeConvention? convention = null;
            if (result.GetValue(summary) is { } summaryPath)
            {
                var file = LifetimeCsv.ReadSummary(summaryPath);
                (clients, withValues) = (file.Clients, file.HasMonetaryValue);
            }
            else
            {
                var log = LifetimeCsv.ReadTransactions(result.GetValue(transactions)!, result.GetValue(customer)!, result.GetValue(date)!, result.GetValue(amount));
                var end = LifetimeCsv.ParseDate(result.GetValue(calibrationEnd)!)!.Value;
                convention = result.GetValue(time) == Calendar ? LifetimeTimeConvention.CalendarPeriods : LifetimeTimeConvention.Continuous;
                clients = [.. TransactionSummary.Build(log, end, unit, convention.Value).Select(c => c.Summary)];
                withValues = result.GetValue(amount) is not null;
            }

            var report = Fit(clients, withValues, unit, convention);
            Console.WriteLine(result.GetValue(json) ? JsonSerializer.Serialize(report, JsonOptions) : Text(report));
            return 0;
        });

        return new Command("clv", "Customer lifetime value models.") { fit };
    }

    private const string Continuous = "continuous";
    private const string Calendar = "calendar";

    /// <summary>What <c>clv fit</c> prints; with --json these property names, in snake case, are the keys. <see cref="Time"/> is null for a summary file.</summary>
    public sealed record FitReport(
        string Period, string? Time, int Clients, int DistinctRows, double R, double Alpha, double A, double B, double LogLikelihood,
        int RepeatClients, double? P, double? Q, double? Gamma, double? GammaGammaLogLikelihood, double? FrequencyValueCorrelation);

    public static FitReport Fit(LifetimeSummary[] clients, bool withValues, LifetimePeriod unit, LifetimeTimeConvention? convention = null)
    {
        try
        {
            var purchases = BgNbd.Fit(clients);
            var values = withValues ? GammaGamma.Fit(clients) : null;
            var bg = purchases.Parameters;
            var time = convention switch { null => null, LifetimeTimeConvention.CalendarPeriods => Calendar, _ => Continuous };
            return new FitReport(unit == LifetimePeriod.Day ? "day" : "week", time, purchases.Clients, purchases.DistinctRows,
                bg.R, bg.Alpha, bg.A, bg.B, purchases.LogLikelihood, clients.Count(c => c.Frequency > 0),
                values?.Parameters.P, values?.Parameters.Q, values?.Parameters.Gamma, values?.LogLikelihood, values?.FrequencyValueCorrelation);
        }
        catch (ModelFitException failure)
        {
            throw new CliException(failure.Message);
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private static string TimeNote(FitReport report) => report.Time switch
    {
        Continuous when report.Period == "week" => " (continuous: days / 7)",
        Calendar => $" (whole calendar {report.Period}s)",
        _ => "",
    };

    public static string Text(FitReport report)
    {
        var c = CultureInfo.InvariantCulture;
        string N(double value) => value.ToString("0.######", c);
        var lines = new List<string>
        {
            $"BG/NBD on {report.Clients.ToString("#,##0", c)} clients ({report.DistinctRows.ToString("#,##0", c)} distinct rows), times in {report.Period}s{TimeNote(report)}",
            $"r                {N(report.R)}",
            $"alpha            {N(report.Alpha)}",
            $"a                {N(report.A)}",
            $"b                {N(report.B)}",
            $"log-likelihood   {report.LogLikelihood.ToString("0.###", c)}",
        };
        if (report.P is { } p)
        {
            lines.Add($"Gamma-Gamma on {report.RepeatClients.ToString("#,##0", c)} repeat clients");
            lines.Add($"p                {N(p)}");
            lines.Add($"q                {N(report.Q!.Value)}");
            lines.Add($"gamma            {N(report.Gamma!.Value)}");
            lines.Add($"log-likelihood   {report.GammaGammaLogLikelihood!.Value.ToString("0.###", c)}");
            var correlation = report.FrequencyValueCorrelation!.Value;
            lines.Add($"frequency/value correlation {correlation.ToString("0.000", c)}"
                      + (Math.Abs(correlation) > 0.3 ? " (high: the model assumes none, so its values are doubtful)" : ""));
        }
        return string.Join(Environment.NewLine, lines);
    }
}

using System.Globalization;
using Clientele.Analytics.Structure;
using Clientele.Features.Exports.Formats;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Analytics;

/// <summary>Every analytics table as an export table with headers in the user's language.</summary>
public static class AnalyticsExports
{
    public static readonly string[] Reports = ["clients", "abc-xyz", "rfm", "channels", "cohorts", "retention", "loss-makers"];

    public static ExportTable? Build(string report, AnalyticsReport r, AnalyticsSelection selection, StrategiesResponse? strategies, IStringLocalizer l)
    {
        var currency = r.Base.Settings.BaseCurrency;
        string Money(string header) => $"{l[header]}, {currency}";
        ExportColumn Text(string h) => new(l[h], ExportType.Text);
        ExportColumn Int(string h) => new(l[h], ExportType.Integer);
        ExportColumn Cash(string h) => new(Money(h), ExportType.Money);
        ExportColumn Pct(string h) => new(l[h], ExportType.Percent);
        string Segment(RfmSegment? s) => s is { } x ? l[$"RfmSegment.{x}"] : "";
        string Strategy(Strategy? s) => s is { } x ? l[$"Strategy.{x}"] : "";

        switch (report)
        {
            case "clients":
                return new ExportTable(l["Clients"],
                    [Int("Client id"), Text("Name"), Text("ABC class"), Text("XYZ class"), Text("RFM segment"), Text("Strategy"), Int("Purchases"),
                     new ExportColumn(l["Last purchase"], ExportType.Date), Cash("Revenue"), Cash("Gross margin"), Cash("Concessions"), Cash("Cost to serve"),
                     Cash("Acquisition cost"), Cash("Contribution")],
                    selection.Select(r, AnalyticsSort.ContributionDescending).Select(i => AnalyticsViews.ClientRow(r, i)).Select(c => new object?[]
                    {
                        c.Id, c.Name, c.Abc.ToString(), c.Xyz.ToString(), Segment(c.Segment), Strategy(c.Strategy), c.Purchases, c.LastPurchase,
                        c.Revenue, c.GrossMargin, c.Concessions, c.CostToServe, c.AcquisitionCost, c.Contribution,
                    })) { Clients = new ClientRows(IdColumn: 0, NameColumn: 1) };
            case "abc-xyz":
                return new ExportTable("ABC-XYZ", [Text("ABC class"), Text("XYZ class"), Int("Clients"), Cash("Revenue"), Cash("Contribution")],
                    AnalyticsViews.AbcXyz(r).Cells.Select(c => new object?[] { c.Abc.ToString(), c.Xyz.ToString(), c.Clients, c.Revenue, c.Contribution }));
            case "rfm":
                return new ExportTable("RFM", [Text("RFM segment"), Text("Rule"), Int("Clients"), Cash("Revenue"), Cash("Contribution")],
                    AnalyticsViews.Rfm(r).Segments.Select(s => new object?[] { Segment(s.Segment), s.Rule, s.Clients, s.Revenue, s.Contribution }));
            case "channels":
                return new ExportTable(l["Channels"],
                    [Text("Channel"), Int("Clients"), Cash("Spend"), Cash("CAC"), Cash("Revenue"), Cash("Contribution"), Pct("Payback share"), new ExportColumn("ROI", ExportType.Percent)],
                    AnalyticsViews.Channels(r).Channels.Select(c => new object?[] { c.Channel, c.Clients, c.Spend, c.Cac, c.Revenue, c.Contribution, c.PaybackShare, c.Roi }));
            case "cohorts":
            {
                var cohorts = AnalyticsViews.Cohorts(r).Cohorts;
                var width = cohorts.Length == 0 ? 0 : cohorts.Max(c => c.ActiveShare.Length);
                return new ExportTable(l["Cohorts"],
                    [Text("Month of first purchase"), Int("Clients"), .. Enumerable.Range(0, width).Select(k => new ExportColumn($"+{k}", ExportType.Percent))],
                    cohorts.Select(c => new object?[] { c.Month, c.Size }.Concat(Enumerable.Range(0, width).Select(k => k < c.ActiveShare.Length ? (object?)c.ActiveShare[k] : null)).ToArray()));
            }
            case "retention":
                return new ExportTable(l["Retention"],
                    [Text("From"), Text("To"), Int("Clients at start"), Int("Clients at end"), Int("New clients"), Pct("Retention rate"), Pct("Churn rate"), Pct("Active in both periods")],
                    AnalyticsViews.Retention(r).Monthly.Concat(AnalyticsViews.Retention(r).Yearly)
                        .Select(p => new object?[] { p.Start, p.End, p.AtStart, p.AtEnd, p.New, p.Rate, p.ChurnRate, p.ActiveBothRate }));
            case "loss-makers":
                return new ExportTable(l["Loss-making clients"],
                    [Int("Client id"), Text("Name"), Cash("Revenue"), Cash("Contribution"), Cash("Concessions"), Cash("Cost to serve"), Cash("Acquisition cost"),
                     Cash("Overdue"), new ExportColumn(l["Average days late"], ExportType.Decimal), Text("Reasons")],
                    strategies!.LossMakers.Select(m => new object?[]
                    {
                        m.ClientId, m.Name, m.Revenue, m.Contribution, m.Concessions, m.CostToServe, m.AcquisitionCost, m.OverdueAmount,
                        m.AverageDaysLate is { } d ? Math.Round((decimal)d, 1) : null, string.Join(", ", m.Reasons.Select(x => l[$"LossReason.{x}"].Value)),
                    })) { Clients = new ClientRows(IdColumn: 0, NameColumn: 1) };
            default:
                return null;
        }
    }

    public static string FileName(string report) => "analytics-" + report.ToLower(CultureInfo.InvariantCulture);
}

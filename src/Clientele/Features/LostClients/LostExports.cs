using Clientele.Features.Exports.Formats;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.LostClients;

/// <summary>The lost report and the win-back list as export tables, headers in the user's language.</summary>
public static class LostExports
{
    public static ExportTable Lost(LostReportResponse r, IStringLocalizer t) =>
        new(t["Lost clients"],
            [Col(t, "Client id", ExportType.Integer), Col(t, "Client", ExportType.Text), Col(t, "Lost on", ExportType.Date), Col(t, "Reason", ExportType.Text),
             Col(t, "Competitor", ExportType.Text), Col(t, "Manager", ExportType.Text), Money(t, "Revenue lost", r.Currency), Col(t, "Won back on", ExportType.Date)],
            r.Clients.Select(c => new object?[]
            {
                c.ClientId, c.Name, c.LostOn, LostNames.Reason(t, c.ReasonCode, c.Reason), c.Competitor, c.Manager, c.RevenueLost, c.WonBackOn,
            })) { Clients = new ClientRows(IdColumn: 0, NameColumn: 1) };

    /// <summary>The report's summary by reason, the second sheet of the .xlsx.</summary>
    public static ExportTable ByReason(LostReportResponse r, IStringLocalizer t) =>
        new(t["By reason"], [Col(t, "Reason", ExportType.Text), Col(t, "Clients", ExportType.Integer), Money(t, "Revenue lost", r.Currency)],
            r.ByReason.Select(x => new object?[] { LostNames.Reason(t, x.Code, x.Name), x.Count, x.RevenueLost })
                .Append([t["Total"].Value, r.Count, r.RevenueLost]))
        { LastRowIsTotal = true };

    public static ExportTable WinBack(WinBackResponse w, IStringLocalizer t) =>
        new(t["Win-back list"],
            [Col(t, "Rank", ExportType.Integer), Col(t, "Client id", ExportType.Integer), Col(t, "Client", ExportType.Text), Col(t, "Manager", ExportType.Text),
             Col(t, "Lost on", ExportType.Date), Col(t, "Reason", ExportType.Text), Col(t, "Competitor", ExportType.Text), Col(t, "Last purchase", ExportType.Date),
             Money(t, "Revenue, last 12 active months", w.Currency), Money(t, "Contribution, last 12 active months", w.Currency)],
            w.Items.Select(x => new object?[]
            {
                x.Rank, x.ClientId, x.Name, x.Manager, x.LostOn, LostNames.Reason(t, x.ReasonCode, x.Reason), x.Competitor, x.LastPurchase,
                x.Revenue12Months, x.Contribution12Months,
            })) { Clients = new ClientRows(IdColumn: 1, NameColumn: 2) };

    /// <summary>The won-and-lost balance per competitor, the total last.</summary>
    public static ExportTable Competitors(CompetitorBalanceResponse r, IStringLocalizer t) =>
        new(t["Won and lost by competitor"],
            [Col(t, "Competitor", ExportType.Text), Col(t, "Clients won", ExportType.Integer), Money(t, "Revenue of clients won", r.Currency),
             Money(t, "Contribution of clients won", r.Currency), Col(t, "Clients lost", ExportType.Integer), Money(t, "Revenue lost", r.Currency),
             Col(t, "Net, clients", ExportType.Integer), Money(t, "Net, revenue", r.Currency)],
            r.Competitors.Append(r.Total with { Name = t["Total"] }).Select(x => new object?[]
            {
                x.Name, x.Won, x.WonRevenue, x.WonContribution, x.Lost, x.LostRevenue, x.Net, x.NetRevenue,
            })) { LastRowIsTotal = true };

    private static ExportColumn Col(IStringLocalizer t, string header, ExportType type) => new(t[header], type);

    private static ExportColumn Money(IStringLocalizer t, string header, string currency) => new($"{t[header]}, {currency}", ExportType.Money);
}

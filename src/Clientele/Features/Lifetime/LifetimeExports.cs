using Clientele.Features.Exports.Formats;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Lifetime;

/// <summary>The worklist and the CLV list as export tables, headers in the user's language.</summary>
public static class LifetimeExports
{
    public static ExportTable Worklist(IEnumerable<ChurnRiskRow> rows, string currency, IStringLocalizer<LifetimeText> l) =>
        new(l["At risk"],
            [new(l["Client id"], ExportType.Integer), new(l["Client"], ExportType.Text), new(l["Manager"], ExportType.Text), new(l["ABC class"], ExportType.Text),
             new(l["Reason"], ExportType.Text), new(l["At risk since"], ExportType.Date), new(l["P(alive)"], ExportType.Percent),
             new(l["Days since last purchase"], ExportType.Integer), new(l["Usual interval, days"], ExportType.Decimal),
             new(l["Expected purchases in 90 days"], ExportType.Decimal), new($"{l["CLV"]}, {currency}", ExportType.Money),
             new(l["Suggested action"], ExportType.Text), new(l["Open task"], ExportType.Text)],
            rows.Select(r => new object?[]
            {
                r.ClientId, r.ClientName, r.ManagerName, r.AbcClass, LifetimeLabels.Reason(r.Reason, l), r.AtRiskSince, r.AliveProbability,
                r.DaysSinceLastPurchase, Round(r.UsualIntervalDays), Round(r.ExpectedPurchases90Days), r.Clv, LifetimeLabels.Action(r.Action, l), r.OpenTask?.Title,
            })) { Clients = new ClientRows(IdColumn: 0, NameColumn: 1, BlankColumns: [12]) };

    public static ExportTable Clv(IEnumerable<ClvClient> rows, string currency, IStringLocalizer<LifetimeText> l) =>
        new(l["CLV"],
            [new(l["Client id"], ExportType.Integer), new(l["Client"], ExportType.Text), new(l["ABC class"], ExportType.Text), new(l["P(alive)"], ExportType.Percent),
             new(l["Expected purchases in 90 days"], ExportType.Decimal), new($"{l["Expected average value"]}, {currency}", ExportType.Money),
             new($"{l["CLV"]}, {currency}", ExportType.Money)],
            rows.Select(r => new object?[] { r.ClientId, r.ClientName, r.AbcClass, r.AliveProbability, Round(r.ExpectedPurchases90Days), r.ExpectedAverageValue, r.Clv }))
        { Clients = new ClientRows(IdColumn: 0, NameColumn: 1) };

    private static decimal? Round(double? value) => value is { } v && double.IsFinite(v) ? Math.Round((decimal)v, 2) : null;
}

using Clientele.Features.Exports.Formats;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Handover;

/// <summary>The manager scorecard as an export table: one row per manager and the company's last, headers in the reader's language.</summary>
public static class ScorecardExport
{
    public static ExportTable Table(ScorecardResponse r, IStringLocalizer t) =>
        new(t["Manager scorecard"],
            [Col(t, "Manager", ExportType.Text), Col(t, "New clients", ExportType.Integer), Col(t, "Target share of new", ExportType.Percent),
             Money(t, "New clients' contribution after acquisition cost", r.Currency), Col(t, "Retention", ExportType.Percent),
             Col(t, "Existing clients' contribution growth", ExportType.Percent), Col(t, "Lost", ExportType.Integer), Col(t, "Loss reasons", ExportType.Text),
             Col(t, "Base growth", ExportType.Percent), Col(t, "Base growth, target", ExportType.Percent), Col(t, "Base growth, non-target", ExportType.Percent),
             Col(t, "Revenue growth", ExportType.Percent), Col(t, "Revenue growth, target", ExportType.Percent), Col(t, "Revenue growth, non-target", ExportType.Percent),
             Col(t, "Profit growth", ExportType.Percent), Col(t, "Profit growth, target", ExportType.Percent), Col(t, "Profit growth, non-target", ExportType.Percent),
             Money(t, "Revenue", r.Currency), Money(t, "Contribution", r.Currency)],
            r.Rows.Select(x => new object?[]
            {
                x.Name, x.NewClients, x.TargetShareOfNew, x.NewContribution, x.Retention, x.ExistingContributionGrowth, x.Lost,
                string.Join("; ", x.LostByReason.Select(l => $"{l.Reason}: {l.Clients}")),
                x.Base.Rate, x.Base.TargetRate, x.Base.OtherRate, x.Revenue.Rate, x.Revenue.TargetRate, x.Revenue.OtherRate,
                x.Profit.Rate, x.Profit.TargetRate, x.Profit.OtherRate, x.Revenue.Current, x.Profit.Current,
            }))
        { LastRowIsTotal = true };

    private static ExportColumn Col(IStringLocalizer t, string header, ExportType type) => new(t[header], type);

    private static ExportColumn Money(IStringLocalizer t, string header, string currency) => new($"{t[header]}, {currency}", ExportType.Money);
}

using Clientele.Features.Exports.Formats;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Loyalty;

/// <summary>The funnel as one table: a row per stage with its count, its conversion to the next rung and its retention.</summary>
public static class LoyaltyExport
{
    public static ExportTable Funnel(LadderResponse ladder, IStringLocalizer l)
    {
        var quarter = ladder.Retention[0];
        var year = ladder.Retention[^1];
        ExportColumn Pct(string header) => new(header, ExportType.Percent);
        return new ExportTable(l["Loyalty ladder"],
            [
                new ExportColumn(l["Stage"], ExportType.Text), new ExportColumn(l["Clients"], ExportType.Integer),
                new ExportColumn(l["Reached"], ExportType.Integer), Pct(l["Went on to the next stage"]),
                Pct(l["Retention over {0} months", quarter.Months]), Pct(l["Churn over {0} months", quarter.Months]),
                Pct(l["Retention over {0} months", year.Months]), Pct(l["Churn over {0} months", year.Months]),
            ],
            ladder.Stages.Select(s =>
            {
                var step = ladder.Conversions.FirstOrDefault(c => c.From == s.Stage);
                var reached = step?.Reached ?? ladder.Conversions.FirstOrDefault(c => c.To == s.Stage)?.Converted;
                var q = quarter.Stages.FirstOrDefault(r => r.Stage == s.Stage);
                var y = year.Stages.FirstOrDefault(r => r.Stage == s.Stage);
                return new object?[] { l[$"Stage.{s.Stage}"].Value, s.Clients, reached, step?.Rate, q?.RetentionRate, q?.ChurnRate, y?.RetentionRate, y?.ChurnRate };
            }));
    }
}

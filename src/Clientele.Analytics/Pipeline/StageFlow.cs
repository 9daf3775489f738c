using Clientele.Analytics.Statistics;

namespace Clientele.Analytics.Pipeline;

/// <summary>What reaching a stage means: still being worked on, won or lost.</summary>
public enum FlowOutcome
{
    Open = 0,
    Won = 1,
    Lost = 2,
}

/// <summary>A stage of the board in its left-to-right order.</summary>
public sealed record FlowStage(long Id, FlowOutcome Outcome);

/// <summary>A deal reaching a stage at a moment (UTC).</summary>
public sealed record StageVisit(long StageId, DateTime At);

/// <summary>
/// One stage's figures over the visits that began in the period.
/// </summary>
/// <param name="Entered">Visits to the stage that began in the period.</param>
/// <param name="MovedOn">Of those, the deal's next stage lies further right on the board and is not a lost stage (won counts).</param>
/// <param name="Lost">Of those, the next stage was a lost one.</param>
/// <param name="StillThere">Of those, the deal has not left the stage yet.</param>
/// <param name="ConversionToNext"><see cref="MovedOn"/> / <see cref="Entered"/>; null when nothing entered or the stage is won or lost.</param>
/// <param name="ConversionToWon">Share of the visits after which the deal reached a won stage; null as the former.</param>
/// <param name="MedianDays">Median days in the stage of the visits that ended (a visit still running has no length yet); null when none ended.</param>
/// <param name="AverageDays">Mean of the same.</param>
public sealed record StageFlowRow(long StageId, int Entered, int MovedOn, int Lost, int StillThere,
    double? ConversionToNext, double? ConversionToWon, double? MedianDays, double? AverageDays);

/// <summary>
/// Conversion and time per stage from each deal's stage history. A visit counts for the period in which it began,
/// so a report of March reads the deals that reached each stage in March and follows them to wherever they went.
/// </summary>
public static class StageFlow
{
    /// <param name="stages">The board's stages, left to right.</param>
    /// <param name="deals">Per deal, its visits in the order they happened.</param>
    /// <param name="from">Start of the period (inclusive, UTC).</param>
    /// <param name="to">End of the period (exclusive, UTC).</param>
    public static IReadOnlyList<StageFlowRow> Compute(IReadOnlyList<FlowStage> stages, IEnumerable<IReadOnlyList<StageVisit>> deals, DateTime from, DateTime to)
    {
        var position = new Dictionary<long, int>();
        for (var i = 0; i < stages.Count; i++) position[stages[i].Id] = i;
        var entered = new int[stages.Count];
        var movedOn = new int[stages.Count];
        var lost = new int[stages.Count];
        var still = new int[stages.Count];
        var won = new int[stages.Count];
        var days = stages.Select(_ => new List<double>()).ToArray();

        foreach (var visits in deals)
        {
            // The last visit to a won stage: a visit before it led to a win.
            var lastWon = -1;
            for (var k = visits.Count - 1; k >= 0; k--)
                if (position.TryGetValue(visits[k].StageId, out var p) && stages[p].Outcome == FlowOutcome.Won) { lastWon = k; break; }

            for (var k = 0; k < visits.Count; k++)
            {
                var visit = visits[k];
                if (visit.At < from || visit.At >= to || !position.TryGetValue(visit.StageId, out var here)) continue;
                entered[here]++;
                if (k < lastWon) won[here]++;
                if (k + 1 == visits.Count)
                {
                    still[here]++;
                    continue;
                }
                var next = visits[k + 1];
                days[here].Add((next.At - visit.At).TotalDays);
                if (!position.TryGetValue(next.StageId, out var there)) continue;
                if (stages[there].Outcome == FlowOutcome.Lost) lost[here]++;
                else if (there > here) movedOn[here]++;
            }
        }

        var rows = new List<StageFlowRow>(stages.Count);
        for (var i = 0; i < stages.Count; i++)
        {
            var n = entered[i];
            var spent = days[i];
            // A won or lost stage ends the way: what enters it is counted, there is nothing to convert to.
            var open = stages[i].Outcome == FlowOutcome.Open && n > 0;
            rows.Add(new StageFlowRow(stages[i].Id, n, movedOn[i], lost[i], still[i],
                open ? (double)movedOn[i] / n : null,
                open ? (double)won[i] / n : null,
                spent.Count == 0 ? null : Percentiles.Of(spent.ToArray(), 50),
                spent.Count == 0 ? null : spent.Average()));
        }
        return rows;
    }
}

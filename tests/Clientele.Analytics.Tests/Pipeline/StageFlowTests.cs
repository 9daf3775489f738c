using Clientele.Analytics.Pipeline;

namespace Clientele.Analytics.Tests.Pipeline;

public sealed class StageFlowTests
{
    private const long A = 1, B = 2, C = 3, Won = 4, Lost = 5;
    private static readonly FlowStage[] Stages =
        [new(A, FlowOutcome.Open), new(B, FlowOutcome.Open), new(C, FlowOutcome.Open), new(Won, FlowOutcome.Won), new(Lost, FlowOutcome.Lost)];

    private static StageVisit At(long stage, int year, int month, int day, int hour = 0) => new(stage, new DateTime(year, month, day, hour, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void Visits_begun_in_the_period_are_followed_to_where_the_deal_went()
    {
        StageVisit[][] deals =
        [
            [At(A, 2027, 1, 1), At(B, 2027, 1, 3), At(Won, 2027, 1, 10)],
            [At(A, 2027, 1, 2), At(Lost, 2027, 1, 6)],
            // Skips B: still "moved on" from A, after half a day.
            [At(A, 2027, 1, 5), At(C, 2027, 1, 5, 12)],
            // Entered A before the period (not counted), went back from B to A, then won.
            [At(A, 2026, 12, 20), At(B, 2027, 1, 4), At(A, 2027, 1, 8), At(B, 2027, 1, 20), At(Won, 2027, 1, 25)],
            // After the period.
            [At(A, 2027, 2, 3)],
        ];

        var rows = StageFlow.Compute(Stages, deals, new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2027, 2, 1, 0, 0, 0, DateTimeKind.Utc))
            .ToDictionary(r => r.StageId);

        // A: four visits (deals 1, 2, 3 and deal 4's return); 3 moved on, 1 lost; deals 1 and 4 were won afterwards.
        // Days 2, 4, 0.5, 12 → median (2 + 4) / 2 = 3, mean 18.5 / 4 = 4.625.
        Assert.Equal(new StageFlowRow(A, 4, 3, 1, 0, 0.75, 0.5, 3, 4.625), rows[A]);
        // B: three visits; deal 4's first went back (neither on nor lost); all three led to a win. Days 7, 4, 5.
        var b = rows[B];
        Assert.Equal((3, 2, 0, 0, 1.0, 5.0), (b.Entered, b.MovedOn, b.Lost, b.StillThere, b.ConversionToWon, b.MedianDays));
        Assert.Equal(2.0 / 3, b.ConversionToNext!.Value, 12);
        Assert.Equal(16.0 / 3, b.AverageDays!.Value, 12);
        // C: deal 3 is still there, so it has no length yet.
        Assert.Equal(new StageFlowRow(C, 1, 0, 0, 1, 0, 0, null, null), rows[C]);
        // Won and lost are counted, not converted.
        Assert.Equal(new StageFlowRow(Won, 2, 0, 0, 2, null, null, null, null), rows[Won]);
        Assert.Equal(new StageFlowRow(Lost, 1, 0, 0, 1, null, null, null, null), rows[Lost]);
    }

    [Fact]
    public void An_empty_period_gives_every_stage_a_row_of_zeros()
    {
        var rows = StageFlow.Compute(Stages, [], DateTime.MinValue, DateTime.MaxValue);
        Assert.Equal([A, B, C, Won, Lost], rows.Select(r => r.StageId));
        Assert.All(rows, r => Assert.Equal((0, (double?)null, (double?)null), (r.Entered, r.ConversionToNext, r.MedianDays)));
    }
}

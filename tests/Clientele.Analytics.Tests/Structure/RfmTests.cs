using Clientele.Analytics.Structure;

namespace Clientele.Analytics.Tests.Structure;

public sealed class RfmTests
{
    [Fact]
    public void Quintile_scores_of_ten_distinct_values_are_two_per_score()
    {
        Assert.Equal([1, 1, 2, 2, 3, 3, 4, 4, 5, 5], Rfm.Quintiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    }

    [Fact]
    public void Ties_share_a_score()
    {
        // Four clients below 7 of five: 1 + ⌊5·4/5⌋ = 5; the three 3s have none below: 1.
        Assert.Equal([1, 1, 1, 4, 5], Rfm.Quintiles([3, 3, 3, 5, 7]));
    }

    [Fact]
    public void Recent_frequent_big_spenders_are_champions_and_long_gone_one_off_buyers_are_lost()
    {
        int[] recency = [2, 400, 30, 10, 200];
        int[] frequency = [20, 1, 5, 1, 12];
        decimal[] monetary = [90_000m, 100m, 5_000m, 300m, 40_000m];

        var scores = Rfm.Score(recency, frequency, monetary);

        Assert.Equal(new RfmScore(5, 5, 5, RfmSegment.Champions), scores[0]);
        Assert.Equal(new RfmScore(1, 1, 1, RfmSegment.Lost), scores[1]);
        // 30 days: two clients more recent → R = 1 + ⌊5·2/5⌋ = 3; frequency 5 has two below → F 3.
        Assert.Equal(new RfmScore(3, 3, 3, RfmSegment.NeedAttention), scores[2]);
        // 10 days: three clients less recent → R 4; one purchase, tied with another → F 1: promising.
        Assert.Equal((4, 1, RfmSegment.Promising), (scores[3].R, scores[3].F, scores[3].Segment));
        // 200 days: one client less recent → R 2; 12 purchases, three clients fewer → F 4: at risk.
        Assert.Equal((2, 4, RfmSegment.AtRisk), (scores[4].R, scores[4].F, scores[4].Segment));
    }

    [Fact]
    public void Every_cell_of_the_grid_has_exactly_one_segment_and_every_segment_is_reachable()
    {
        var reached = new HashSet<RfmSegment>();
        for (var r = 1; r <= 5; r++)
            for (var f = 1; f <= 5; f++)
                reached.Add(Rfm.Segment(r, f));
        Assert.Equal(Enum.GetValues<RfmSegment>().ToHashSet(), reached);
    }

    [Fact]
    public void Columns_of_different_length_are_refused() =>
        Assert.Throws<ArgumentException>(() => Rfm.Score([1, 2], [1], [1m, 2m]));
}

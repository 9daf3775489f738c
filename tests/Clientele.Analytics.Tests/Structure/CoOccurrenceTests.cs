using Clientele.Analytics.Structure;

namespace Clientele.Analytics.Tests.Structure;

public sealed class CoOccurrenceTests
{
    private const int A = 0, B = 1, C = 2, D = 3;

    /// <summary>
    /// Seven clients: {A,B}, {A,B,C}, {A,C}, {B}, {D}, nothing, {A,A,B}. Six baskets (the empty one is no basket, the
    /// repeated A counts once); A in 4, B in 4, C in 2, D in 1; A·B in 3, A·C in 2, B·C in 1, D with nothing.
    /// </summary>
    private static CoOccurrenceCounts Base() => CoOccurrence.Count([[A, B], [A, B, C], [A, C], [B], [D], [], [A, A, B]], 4);

    [Fact]
    public void Counts_of_a_hand_made_base()
    {
        var counts = Base();

        Assert.Equal(6, counts.Baskets);
        Assert.Equal([4, 4, 2, 1], counts.Clients);
        // Upper triangle row by row: AB, AC, AD, BC, BD, CD.
        Assert.Equal([3, 2, 0, 1, 0, 0], counts.Pairs);
        Assert.Equal((3, 3, 4), (counts.Together(A, B), counts.Together(B, A), counts.Together(A, A)));
        Assert.Equal([0, 1, 2, 3, 4, 5], new[] { (0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3) }.Select(p => CoOccurrenceCounts.PairIndex(p.Item1, p.Item2, 4)));
    }

    [Fact]
    public void Support_confidence_and_lift_by_hand()
    {
        var counts = Base();

        // A→B: 3 of 6 baskets have both (0.5); 3 of the 4 with A have B (0.75); B is in 4 of 6, so lift 0.75 / (4/6) = 1.125.
        var ab = CoOccurrence.Rule(counts, A, B)!;
        Assert.Equal((0.5, 0.75, 1.125, 3), (ab.Support, ab.Confidence, Math.Round(ab.Lift, 12), ab.Together));
        // A→C: 2/6, 2/4 = 0.5, 0.5 / (2/6) = 1.5.  C→A: 2/2 = 1, 1 / (4/6) = 1.5.  B→C: 1/4 / (2/6) = 0.75.
        var ac = CoOccurrence.Rule(counts, A, C)!;
        Assert.Equal((2 / 6.0, 0.5, 1.5), (ac.Support, ac.Confidence, Math.Round(ac.Lift, 12)));
        Assert.Equal((1.0, 1.5), (CoOccurrence.Rule(counts, C, A)!.Confidence, Math.Round(CoOccurrence.Rule(counts, C, A)!.Lift, 12)));
        Assert.Equal(0.75, Math.Round(CoOccurrence.Rule(counts, B, C)!.Lift, 12));
        Assert.Null(CoOccurrence.Rule(counts, A, A));
        Assert.Null(CoOccurrence.Rule(CoOccurrence.Count([], 2), 0, 1));
    }

    [Fact]
    public void Next_categories_are_the_ones_not_bought_that_similar_baskets_make_more_likely()
    {
        var counts = Base();

        // {A}: C (lift 1.5) before B (1.125); D never goes with A.
        Assert.Equal([(C, A), (B, A)], CoOccurrence.Next(counts, [A], minTogether: 1, top: 5).Select(n => (n.Category, n.Because)));
        // Only B has 3 clients with A; at most one shown.
        Assert.Equal([B], CoOccurrence.Next(counts, [A], minTogether: 3, top: 5).Select(n => n.Category));
        Assert.Equal([C], CoOccurrence.Next(counts, [A], minTogether: 1, top: 1).Select(n => n.Category));
        // {B}: A (1.125); C's lift from B is 0.75, below 1, so it is not offered.
        Assert.Equal([A], CoOccurrence.Next(counts, [B], 1, 5).Select(n => n.Category));
        // {B, C}: A is offered because of C (lift 1.5), not B (1.125).
        var bc = Assert.Single(CoOccurrence.Next(counts, [B, C], 1, 5));
        Assert.Equal((A, C, 1.0), (bc.Category, bc.Because, bc.Confidence));
        // {D} and {A, B, C, D}: nothing to offer.
        Assert.Empty(CoOccurrence.Next(counts, [D], 1, 5));
        Assert.Empty(CoOccurrence.Next(counts, [A, B, C, D], 1, 5));
    }
}

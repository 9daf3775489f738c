using Clientele.Analytics.Pipeline;

namespace Clientele.Analytics.Tests.Pipeline;

public sealed class FulfilmentTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly DateOnly From = new(2026, 6, 1);

    [Fact]
    public void Hand_computed_sale_stage_of_two_managers_and_the_deals_without_one()
    {
        DeliveryFact D(long? m, int promised, int? delivered) =>
            new(m, new DateOnly(2026, 6, 1).AddDays(promised - 1), delivered is { } x ? new DateOnly(2026, 6, 1).AddDays(x - 1) : null);
        var deliveries = new[]
        {
            D(1, 3, 3),    // due, on time (the promised day itself)
            D(1, 5, 7),    // due, late but kept
            D(1, 10, null), // due, late and open
            D(1, 15, null), // promised today, not due yet
            D(1, 15, 14),  // promised today, delivered yesterday: due, on time
            D(1, 20, 14),  // promised after the period ends: not counted in it, though delivered
            D(2, 2, 1),    // due, early
            new(2, new DateOnly(2026, 5, 20), null), // before the period: not due in it, but late and open today
            D(null, 4, 6), // no manager: due, late
        };
        var problems = new[]
        {
            new ProblemFact(1, new DateOnly(2026, 6, 2), null),             // raised in the period, open
            new ProblemFact(1, new DateOnly(2026, 5, 2), null),             // raised before, open
            new ProblemFact(2, new DateOnly(2026, 6, 9), new DateOnly(2026, 6, 10)), // raised and resolved
        };

        var (rows, total) = Fulfilment.Compute(deliveries, problems, From, Today, Today);

        // Manager 1: due 4 (3, 5, 10, 15 delivered), on time 2 (3, 15) = 50 %; late open 1; problems raised 1, open 2.
        Assert.Equal([new FulfilmentRow(1, 4, 2, 1, 1, 2), new FulfilmentRow(2, 1, 1, 1, 1, 0), new FulfilmentRow(null, 1, 0, 0, 0, 0)], rows);
        Assert.Equal(0.5, rows[0].OnTimeShare);
        Assert.Equal(1.0, rows[1].OnTimeShare);
        Assert.Equal(0.0, rows[2].OnTimeShare);
        // Everyone: due 6, on time 3; late open 2; raised 2, open 2.
        Assert.Equal(new FulfilmentRow(null, 6, 3, 2, 2, 2), total);
        Assert.Equal(0.5, total.OnTimeShare);
    }

    [Fact]
    public void Nothing_due_has_no_share_and_the_period_end_limits_what_counts()
    {
        var (rows, total) = Fulfilment.Compute([new DeliveryFact(7, Today, null)], [], From, Today, Today);
        Assert.Equal(new FulfilmentRow(7, 0, 0, 0, 0, 0), Assert.Single(rows));
        Assert.Null(total.OnTimeShare);

        // A period that ended on the 5th: the delivery promised on the 10th and late today is late, but not due in it.
        var (_, earlier) = Fulfilment.Compute([new DeliveryFact(7, new DateOnly(2026, 6, 10), null)], [], From, new DateOnly(2026, 6, 5), Today);
        Assert.Equal(new FulfilmentRow(null, 0, 0, 1, 0, 0), earlier);
        Assert.True(Fulfilment.IsDue(new DeliveryFact(null, Today.AddDays(3), Today), Today));
        Assert.False(Fulfilment.IsLateOpen(new DeliveryFact(null, Today, null), Today));
    }
}

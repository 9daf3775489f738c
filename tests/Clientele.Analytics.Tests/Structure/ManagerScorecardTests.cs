using Clientele.Analytics.Economics;
using Clientele.Analytics.Structure;

namespace Clientele.Analytics.Tests.Structure;

public sealed class ManagerScorecardTests
{
    // Period: months 10–11; the period before it: months 8–9.
    // Client 0: manager 1, won in month 5, target; bought in 8 (100, contribution 40) and 10 (150, 60).
    // Client 1: manager 1, won in month 10, not target; bought in 10 (80, contribution −20 after its acquisition cost).
    // Client 2: manager 2, won in month 6, not target; bought in 9 (50, 10); lost in month 10 for "Price".
    // Client 3: manager 2, won in month 11, target; bought in 11 (30, 5).
    // Client 4: no manager, won in month 2, target, never bought, lost in month 7: in neither base.
    private static readonly ScorecardClient[] Clients = [new(1, 5, true), new(1, 10, false), new(2, 6, false), new(2, 11, true), new(null, 2, true)];
    private static readonly int?[] LostMonth = [null, null, 10, null, 7];
    private static readonly ClientMonthRow[] Rows =
    [
        new(0, 8, 100m, 50m, 40m, 1), new(0, 10, 150m, 70m, 60m, 1), new(1, 10, 80m, 30m, -20m, 1), new(2, 9, 50m, 20m, 10m, 1), new(3, 11, 30m, 10m, 5m, 1),
    ];
    private static readonly ScorecardLoss[] Losses = [new(2, 10, "Price"), new(null, 7, "Moved")];

    private static List<ManagerScore> Compute() => ManagerScorecard.Compute(Clients, LostMonth, Rows, Losses, 10, 11);

    [Fact]
    public void A_manager_who_won_a_loss_making_client_and_kept_the_old_one_grew_revenue_but_not_profit()
    {
        var m1 = Compute()[0];

        Assert.Equal((1L, 1, 0, -20m), (m1.Manager!.Value, m1.NewClients, m1.NewTarget, m1.NewContribution));
        Assert.Equal(0.0, m1.TargetShareOfNew);
        // Client 0 bought before and again: retained; its contribution 40 → 60.
        Assert.Equal((1, 1, 1.0, 40m, 60m, 0.5), (m1.ExistingActive, m1.Retained, m1.Retention, m1.ExistingContributionPrevious, m1.ExistingContribution, m1.ExistingContributionGrowth));
        // Base 1 → 2 (+100 %), revenue 100 → 230 (+130 %), profit 40 → 40 (0 %): the new client ate the gain.
        Assert.Equal((1m, 2m, 1.0), (m1.Base.Previous, m1.Base.Current, m1.Base.Rate));
        Assert.Equal((100m, 230m, 1.3), (m1.Revenue.Previous, m1.Revenue.Current, m1.Revenue.Rate));
        Assert.Equal((40m, 40m, 0.0), (m1.Profit.Previous, m1.Profit.Current, m1.Profit.Rate));
        // Split: the target client grew profit by half; the non-target part had nothing before (no rate) and lost 20 now.
        Assert.Equal((40m, 60m, 0.5), (m1.Profit.TargetPrevious, m1.Profit.TargetCurrent, m1.Profit.TargetRate));
        Assert.Equal((0m, -20m, (double?)null), (m1.Profit.OtherPrevious, m1.Profit.OtherCurrent, m1.Profit.OtherRate));
        Assert.Equal(0, m1.Lost);
    }

    [Fact]
    public void A_loss_counts_for_the_manager_at_the_time_with_its_reason_and_leaves_the_base()
    {
        var m2 = Compute()[1];

        Assert.Equal((2L, 1, 1, 5m, 1.0), (m2.Manager!.Value, m2.NewClients, m2.NewTarget, m2.NewContribution, m2.TargetShareOfNew));
        // Client 2 bought before, not in the period: retention 0, its contribution 10 → 0.
        Assert.Equal((1, 0, 0.0, 10m, 0m, -1.0), (m2.ExistingActive, m2.Retained, m2.Retention, m2.ExistingContributionPrevious, m2.ExistingContribution, m2.ExistingContributionGrowth));
        // Base: client 2 before (lost in month 10, after the previous period), client 3 now.
        Assert.Equal((1m, 0m, 1m, 1m), (m2.Base.Previous, m2.Base.TargetPrevious, m2.Base.Current, m2.Base.TargetCurrent));
        Assert.Equal((50m, 30m, -0.4), (m2.Revenue.Previous, m2.Revenue.Current, m2.Revenue.Rate));
        Assert.Equal(1, m2.Lost);
        Assert.Equal(new Dictionary<string, int> { ["Price"] = 1 }, m2.LostByReason);
    }

    [Fact]
    public void The_company_row_holds_every_client_including_those_without_a_manager()
    {
        var all = Compute();
        var company = all[^1];

        Assert.Equal(3, all.Count);
        Assert.Null(company.Manager);
        Assert.Equal((2, 1, 0.5, -15m), (company.NewClients, company.NewTarget, company.TargetShareOfNew, company.NewContribution));
        // Clients 0 and 2 bought in the period before; client 4 never did and is not counted as active.
        Assert.Equal((2, 1, 0.5, 50m, 60m), (company.ExistingActive, company.Retained, company.Retention, company.ExistingContributionPrevious, company.ExistingContribution));
        Assert.Equal((2m, 1m, 3m, 2m), (company.Base.Previous, company.Base.TargetPrevious, company.Base.Current, company.Base.TargetCurrent));
        Assert.Equal((150m, 100m, 260m, 180m), (company.Revenue.Previous, company.Revenue.TargetPrevious, company.Revenue.Current, company.Revenue.TargetCurrent));
        Assert.Equal((50m, 40m, 45m, 65m), (company.Profit.Previous, company.Profit.TargetPrevious, company.Profit.Current, company.Profit.TargetCurrent));
        // Profit fell 10 % while the base grew 50 % and revenue 73 %: the non-target part went from +10 to −20.
        Assert.Equal(-0.1, company.Profit.Rate!.Value, 10);
        Assert.Equal((10m, -20m, -3.0), (company.Profit.OtherPrevious, company.Profit.OtherCurrent, company.Profit.OtherRate));
        // The loss in month 7 is outside the period.
        Assert.Equal(1, company.Lost);
    }

    [Fact]
    public void A_period_ending_before_it_starts_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ManagerScorecard.Compute(Clients, LostMonth, Rows, Losses, 11, 10));
}

using Clientele.Analytics.Economics;

namespace Clientele.Analytics.Tests.Economics;

public sealed class PaymentDisciplineTests
{
    private static readonly DateOnly AsOf = new(2025, 6, 30);

    [Fact]
    public void Hand_computed_invoices()
    {
        Invoice[] invoices =
        [
            new(new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 11), 100m),  // paid 10 days late
            new(new DateOnly(2025, 6, 10), new DateOnly(2025, 6, 5), 200m),  // paid early: 0
            new(new DateOnly(2025, 6, 20), null, 300m),                      // unpaid, 10 days late, overdue
            new(new DateOnly(2025, 6, 25), new DateOnly(2025, 7, 5), 400m),  // paid after the date: unpaid then, 5 days, overdue
            new(new DateOnly(2025, 7, 10), null, 500m),                      // not yet due: 0
            new(null, null, 600m),                                           // no due date: left out
            new(new DateOnly(2025, 6, 30), null, 50m),                       // due today: 0, not overdue
        ];

        var stats = PaymentDiscipline.Compute(invoices, AsOf);

        Assert.Equal(new PaymentStats(25.0 / 6, 10, 700m, 3, 6), stats);
    }

    [Fact]
    public void No_invoice_with_a_due_date_has_no_averages()
    {
        Assert.Equal(new PaymentStats(null, null, 0m, 0, 0), PaymentDiscipline.Compute([], AsOf));
        Assert.Equal(new PaymentStats(null, null, 0m, 0, 0), PaymentDiscipline.Compute([new Invoice(null, null, 10m)], AsOf));
    }

    [Fact]
    public void A_report_for_a_date_ignores_what_happened_after_it_and_stays_within_bounds()
    {
        var random = new Random(31);
        var start = new DateOnly(2025, 1, 1);
        for (var run = 0; run < 300; run++)
        {
            var invoices = Enumerable.Range(0, random.Next(0, 20)).Select(_ =>
            {
                DateOnly? due = random.Next(10) == 0 ? null : start.AddDays(random.Next(0, 200));
                DateOnly? paid = random.Next(3) == 0 ? null : start.AddDays(random.Next(0, 260));
                return new Invoice(due, paid, random.Next(1, 1000));
            }).ToArray();
            var asOf = start.AddDays(random.Next(0, 260));

            var stats = PaymentDiscipline.Compute(invoices, asOf);
            var forgettingTheFuture = invoices.Select(i => i.Paid > asOf ? i with { Paid = null } : i).ToArray();

            Assert.Equal(stats, PaymentDiscipline.Compute(forgettingTheFuture, asOf));
            Assert.Equal(invoices.Count(i => i.Due is not null), stats.InvoiceCount);
            Assert.InRange(stats.LateCount, 0, stats.InvoiceCount);
            Assert.InRange(stats.OverdueAmount, 0m, invoices.Where(i => i.Due < asOf).Sum(i => i.Amount));
            if (stats.InvoiceCount > 0) Assert.InRange(stats.AverageDaysLate!.Value, 0, stats.WorstDaysLate!.Value);
            Assert.Equal(stats.LateCount == 0, stats.WorstDaysLate is null or 0);
        }
    }
}

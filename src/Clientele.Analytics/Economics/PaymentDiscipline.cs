namespace Clientele.Analytics.Economics;

/// <param name="Due">Payment due date; an invoice without one has no way to be late and is left out.</param>
/// <param name="Paid">Date paid in full; null while unpaid.</param>
public readonly record struct Invoice(DateOnly? Due, DateOnly? Paid, decimal Amount);

/// <param name="AverageDaysLate">Mean days late over the counted invoices (on-time ones count as 0); null when none counted.</param>
/// <param name="WorstDaysLate">Most days late of one counted invoice; null when none counted.</param>
/// <param name="OverdueAmount">Sum of invoices unpaid as of the date and due before it.</param>
/// <param name="LateCount">Counted invoices at least one day late.</param>
/// <param name="InvoiceCount">Counted invoices: those with a due date.</param>
public sealed record PaymentStats(double? AverageDaysLate, int? WorstDaysLate, decimal OverdueAmount, int LateCount, int InvoiceCount);

public static class PaymentDiscipline
{
    /// <summary>
    /// How a client pays, seen on <paramref name="asOf"/>. Only invoices with a due date count. A paid invoice is
    /// max(0, paid − due) days late; an unpaid one max(0, asOf − due) so far (an invoice not yet due counts as 0). An
    /// invoice paid after <paramref name="asOf"/> was unpaid on that date and is treated so, which keeps a report for a
    /// past date the same whenever it is run.
    /// </summary>
    public static PaymentStats Compute(ReadOnlySpan<Invoice> invoices, DateOnly asOf)
    {
        long totalDays = 0;
        int? worst = null;
        int counted = 0, late = 0;
        decimal overdue = 0;
        foreach (var invoice in invoices)
        {
            if (invoice.Due is not { } due) continue;
            var paid = invoice.Paid is { } p && p <= asOf ? p : (DateOnly?)null;
            var days = Math.Max(0, (paid ?? asOf).DayNumber - due.DayNumber);
            if (paid is null && due < asOf) overdue += invoice.Amount;
            counted++;
            totalDays += days;
            if (days > 0) late++;
            worst = Math.Max(worst ?? 0, days);
        }
        return new PaymentStats(counted == 0 ? null : (double)totalDays / counted, worst, overdue, late, counted);
    }
}

using Clientele.Analytics.Economics;

namespace Clientele.Analytics.Structure;

[Flags]
public enum LossReason { None = 0, BelowCost = 1, Concessions = 2, CostToServe = 4, Acquisition = 8, LatePayment = 16 }

public static class LossReasons
{
    /// <summary>
    /// Why a client with a negative net contribution loses money; <see cref="LossReason.None"/> for one that does not.
    /// <list type="bullet">
    /// <item><see cref="LossReason.BelowCost"/>: sold below cost even at list price (Revenue + Discounts &lt; CostOfGoods).</item>
    /// <item>Each cost item — <see cref="LossReason.Concessions"/> (discounts, bonuses, kickbacks),
    /// <see cref="LossReason.CostToServe"/> (service cost), <see cref="LossReason.Acquisition"/> — is named when it is
    /// positive and either removing it alone would bring the contribution to zero or above, or it is the largest of the
    /// three (ties all named). So every loss-making client gets at least one reason, and the owner sees both what
    /// alone would fix it and where most of the money goes.</item>
    /// <item><see cref="LossReason.LatePayment"/>: money is overdue, or invoices are paid more than
    /// <paramref name="lateDaysThreshold"/> days late on average — the cost of the money is not in the figures but real.</item>
    /// </list>
    /// </summary>
    public static LossReason Explain(ClientFigures f, PaymentStats? payment, int lateDaysThreshold = 30)
    {
        var net = f.NetContribution;
        if (net >= 0) return LossReason.None;
        var reasons = f.GrossMargin < 0 ? LossReason.BelowCost : LossReason.None;
        var largest = Math.Max(f.Concessions, Math.Max(f.ServiceCost, f.AcquisitionCost));
        reasons |= Item(f.Concessions, LossReason.Concessions) | Item(f.ServiceCost, LossReason.CostToServe) | Item(f.AcquisitionCost, LossReason.Acquisition);
        if (payment is not null && (payment.OverdueAmount > 0 || payment.AverageDaysLate > lateDaysThreshold)) reasons |= LossReason.LatePayment;
        return reasons;

        LossReason Item(decimal cost, LossReason reason) => cost > 0 && (net + cost >= 0 || cost == largest) ? reason : LossReason.None;
    }
}

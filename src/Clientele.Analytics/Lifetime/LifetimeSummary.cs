namespace Clientele.Analytics.Lifetime;

/// <summary>
/// One client's purchase history as the lifetime models see it, in model periods (weeks or days) counted from the
/// first purchase: <see cref="Frequency"/> x = number of repeat purchases (periods with a purchase after the first),
/// <see cref="Recency"/> t_x = age at the last purchase, <see cref="T"/> = age at the end of observation, and
/// <see cref="MonetaryValue"/> = mean value of the repeat purchases (0 when there are none). The names are the ones
/// the common customer-lifetime libraries use for the same columns.
/// </summary>
public readonly record struct LifetimeSummary(double Frequency, double Recency, double T, double MonetaryValue = 0);

/// <summary>The time unit of <see cref="LifetimeSummary"/> values.</summary>
public enum LifetimePeriod { Week = 0, Day = 1 }

/// <summary>A fit that did not converge or data a model cannot be fitted on; never returned as parameters.</summary>
public sealed class ModelFitException(string message) : Exception(message);

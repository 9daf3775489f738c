using MathNet.Numerics;
using MathNet.Numerics.Statistics;

namespace Clientele.Analytics.Lifetime;

/// <summary>Maximum-likelihood fit of the BG/NBD model.</summary>
public static class BgNbd
{
    /// <summary>
    /// Fits r, α, a, b by maximum likelihood. Clients sharing (x, t_x, T) are one weighted row. Throws
    /// <see cref="ModelFitException"/> for no clients, invalid values (NaN, negative, recency beyond T), no repeat
    /// purchase at all (drop-out cannot be estimated), or an optimisation that does not converge.
    /// </summary>
    public static BgNbdFit Fit(ReadOnlySpan<LifetimeSummary> clients)
    {
        LifetimeData.CheckSummaries(clients, "BG/NBD");
        var anyRepeat = false;
        double maxAge = 0;
        foreach (var client in clients)
        {
            anyRepeat |= client.Frequency > 0;
            maxAge = Math.Max(maxAge, client.T);
        }
        if (!anyRepeat)
            throw new ModelFitException("BG/NBD cannot be fitted: no client has a repeat purchase, so nothing tells how clients drop out.");
        if (maxAge <= 0)
            throw new ModelFitException("BG/NBD cannot be fitted: every client has age T = 0.");

        // Two starts a scale apart: α is in the units of T, so it starts at a tenth and at the whole of the longest age.
        double[][] starts = [[1, maxAge / 10, 1, 1], [0.3, maxAge, 0.5, 3]];
        var warm = clients.Length > MaximumLikelihood.WarmStartAbove;
        if (warm)
        {
            // Many clients: the optimum of a sample is close, so the full data start there and need few iterations.
            var sample = new BgNbdLikelihood(MaximumLikelihood.Sample(clients));
            var rough = MaximumLikelihood.TryMaximise("BG/NBD", (parameters, gradient) => sample.Evaluate(parameters[0], parameters[1], parameters[2], parameters[3], gradient),
                sample.Clients, starts);
            starts = rough is null ? starts : [rough.Parameters, .. starts];
        }
        var likelihood = new BgNbdLikelihood(clients);
        var result = MaximumLikelihood.Maximise("BG/NBD",
            (parameters, gradient) => likelihood.Evaluate(parameters[0], parameters[1], parameters[2], parameters[3], gradient),
            likelihood.Clients, starts, firstConverged: warm);
        var fitted = result.Parameters;
        return new BgNbdFit(new BgNbdParameters(fitted[0], fitted[1], fitted[2], fitted[3]), result.LogLikelihood,
            likelihood.Clients, likelihood.DistinctRows, result.Iterations);
    }

    /// <summary>
    /// The log-likelihood summed client by client straight from FHL 2005 eq. (6), without compression or precomputation:
    /// the reference the fast evaluation is checked and benchmarked against.
    /// </summary>
    public static double LogLikelihood(BgNbdParameters model, ReadOnlySpan<LifetimeSummary> clients)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (r, alpha, a, b) = (model.R, model.Alpha, model.A, model.B);
        var total = 0.0;
        foreach (var client in clients)
        {
            var (x, tx, t) = (client.Frequency, client.Recency, client.T);
            var common = SpecialFunctions.GammaLn(r + x) - SpecialFunctions.GammaLn(r) + r * Math.Log(alpha) - SpecialFunctions.BetaLn(a, b);
            var alive = common + SpecialFunctions.BetaLn(a, b + x) - (r + x) * Math.Log(alpha + t);
            if (x == 0)
            {
                total += alive;
                continue;
            }
            var dead = common + SpecialFunctions.BetaLn(a + 1, b + x - 1) - (r + x) * Math.Log(alpha + tx);
            var larger = Math.Max(alive, dead);
            total += larger + Math.Log(Math.Exp(alive - larger) + Math.Exp(dead - larger));
        }
        return total;
    }
}

/// <summary>Maximum-likelihood fit of the Gamma-Gamma spend model.</summary>
public static class GammaGamma
{
    /// <summary>
    /// Fits p, q, γ on the clients with repeat purchases (x &gt; 0; the others carry no repeat values and are left out),
    /// and reports the frequency/value correlation the model assumes away. Throws <see cref="ModelFitException"/> for
    /// invalid values, a repeat client with a mean value ≤ 0, fewer than two repeat clients, or no convergence.
    /// </summary>
    public static GammaGammaFit Fit(ReadOnlySpan<LifetimeSummary> clients)
    {
        LifetimeData.CheckSummaries(clients, "Gamma-Gamma");
        var repeat = new List<LifetimeSummary>(clients.Length);
        for (var i = 0; i < clients.Length; i++)
        {
            var client = clients[i];
            if (client.Frequency == 0)
                continue;
            if (!(client.MonetaryValue > 0) || !double.IsFinite(client.MonetaryValue))
                throw new ModelFitException($"Gamma-Gamma cannot be fitted: client {i + 1} has repeat purchases but a mean value of {client.MonetaryValue}; values must be positive.");
            repeat.Add(client);
        }
        if (repeat.Count < 2)
            throw new ModelFitException("Gamma-Gamma cannot be fitted: it needs at least two clients with repeat purchases and their mean values.");
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(repeat);
        var meanValue = repeat.Average(client => client.MonetaryValue);
        // Starts where the population mean γp/(q−1) equals the observed mean.
        double[][] starts = [[1, 2, meanValue], [5, 5, 4 * meanValue / 5]];
        var warm = repeat.Count > MaximumLikelihood.WarmStartAbove;
        if (warm)
        {
            var sample = new GammaGammaLikelihood(MaximumLikelihood.Sample(span));
            var rough = MaximumLikelihood.TryMaximise("Gamma-Gamma", (parameters, gradient) => sample.Evaluate(parameters[0], parameters[1], parameters[2], gradient),
                sample.Clients, starts, maxParameter: 1e12);
            starts = rough is null ? starts : [rough.Parameters, .. starts];
        }
        var likelihood = new GammaGammaLikelihood(span);
        var result = MaximumLikelihood.Maximise("Gamma-Gamma",
            (parameters, gradient) => likelihood.Evaluate(parameters[0], parameters[1], parameters[2], gradient),
            likelihood.Clients, starts, maxParameter: 1e12, firstConverged: warm);
        var fitted = result.Parameters;
        var correlation = Correlation.Pearson(repeat.Select(c => c.Frequency), repeat.Select(c => c.MonetaryValue));
        return new GammaGammaFit(new GammaGammaParameters(fitted[0], fitted[1], fitted[2]), result.LogLikelihood, likelihood.Clients,
            double.IsFinite(correlation) ? correlation : 0, result.Iterations);
    }

    /// <summary>The log-likelihood of the repeat clients' mean values, client by client (x = 0 clients contribute nothing).</summary>
    public static double LogLikelihood(GammaGammaParameters model, ReadOnlySpan<LifetimeSummary> clients)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (p, q, gamma) = (model.P, model.Q, model.Gamma);
        var total = 0.0;
        foreach (var client in clients)
        {
            var (x, m) = (client.Frequency, client.MonetaryValue);
            if (x == 0)
                continue;
            total += SpecialFunctions.GammaLn(p * x + q) - SpecialFunctions.GammaLn(p * x) - SpecialFunctions.GammaLn(q)
                     + q * Math.Log(gamma) + p * x * Math.Log(x) + (p * x - 1) * Math.Log(m) - (p * x + q) * Math.Log(gamma + x * m);
        }
        return total;
    }
}

/// <summary>What a CLV covers: the horizon, the annual discount rate and the length of one model period in days.</summary>
public sealed record ClvTerms(int HorizonMonths = 12, double AnnualDiscountRate = 0.10, double PeriodDays = 7);

public static class LifetimeValue
{
    /// <summary>
    /// Expected discounted margin over the horizon: month by month, the expected purchases in that month (BG/NBD,
    /// conditional on the history) × the expected average value × the margin rate, discounted to today.
    /// </summary>
    /// <remarks>
    /// A month is 365.25/12 days; month m (1-based) is discounted by (1 + annual rate)^(−m/12), as if its purchases fell
    /// at its end.
    /// </remarks>
    public static double Clv(BgNbdParameters model, LifetimeSummary client, double expectedAverageValue, double marginRate, ClvTerms terms)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.HorizonMonths < 0)
            throw new ArgumentOutOfRangeException(nameof(terms), $"The horizon must be ≥ 0 months (got {terms.HorizonMonths}).");
        if (!(terms.PeriodDays > 0) || !double.IsFinite(terms.PeriodDays))
            throw new ArgumentOutOfRangeException(nameof(terms), $"A period must last a positive number of days (got {terms.PeriodDays}).");
        if (!(terms.AnnualDiscountRate > -1) || !double.IsFinite(terms.AnnualDiscountRate))
            throw new ArgumentOutOfRangeException(nameof(terms), $"The annual discount rate must be above −100% (got {terms.AnnualDiscountRate}).");
        if (!double.IsFinite(expectedAverageValue) || !double.IsFinite(marginRate))
            throw new ArgumentOutOfRangeException(nameof(expectedAverageValue), "The average value and the margin rate must be finite.");

        var periodsPerMonth = DaysPerMonth / terms.PeriodDays;
        var value = 0.0;
        var purchasesSoFar = 0.0;
        for (var month = 1; month <= terms.HorizonMonths; month++)
        {
            var purchasesByMonthEnd = model.ExpectedPurchases(month * periodsPerMonth, client.Frequency, client.Recency, client.T);
            var discount = Math.Pow(1 + terms.AnnualDiscountRate, -month / 12.0);
            value += (purchasesByMonthEnd - purchasesSoFar) * expectedAverageValue * marginRate * discount;
            purchasesSoFar = purchasesByMonthEnd;
        }
        return value;
    }

    /// <summary>Days in an average Gregorian month.</summary>
    public const double DaysPerMonth = 365.25 / 12;
}

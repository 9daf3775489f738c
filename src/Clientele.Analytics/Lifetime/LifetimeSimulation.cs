using MathNet.Numerics.Distributions;

namespace Clientele.Analytics.Lifetime;

/// <summary>
/// One simulated client: purchase times from the first purchase at 0 (in model periods, ascending), the value of each
/// purchase, and how long the client was observed.
/// </summary>
public sealed record SimulatedClient(double ObservedFor, IReadOnlyList<double> PurchaseTimes, IReadOnlyList<double> PurchaseValues)
{
    /// <summary>The exact summary: x = repeat purchases, t_x = time of the last, T = observed length, mean repeat value.</summary>
    public LifetimeSummary Summary()
    {
        var repeats = PurchaseTimes.Count - 1;
        var mean = repeats == 0 ? 0 : PurchaseValues.Skip(1).Average();
        return new LifetimeSummary(repeats, PurchaseTimes[^1], ObservedFor, mean);
    }

    /// <summary>
    /// The summary a transaction log with dates of <paramref name="periodLength"/> resolution would give (as
    /// <see cref="TransactionSummary"/> builds it): purchases in the same period count once with their values added,
    /// times are whole periods since the first purchase's period.
    /// </summary>
    public LifetimeSummary Summary(double periodLength)
    {
        if (!(periodLength > 0))
            throw new ArgumentOutOfRangeException(nameof(periodLength), "A period must have a positive length.");
        var periods = 0;
        var lastPeriod = 0.0;
        var repeatTotal = 0.0;
        for (var i = 1; i < PurchaseTimes.Count; i++)
        {
            var period = Math.Floor(PurchaseTimes[i] / periodLength);
            if (period > lastPeriod)
            {
                periods++;
                lastPeriod = period;
            }
            if (period > 0)
                repeatTotal += PurchaseValues[i];
        }
        return new LifetimeSummary(periods, lastPeriod, Math.Floor(ObservedFor / periodLength), periods == 0 ? 0 : repeatTotal / periods);
    }
}

/// <summary>
/// Draws clients from the generative processes the models assume, for tests, benchmarks and demo data.
/// BG/NBD: each client gets a purchase rate λ ~ Gamma(shape r, rate α) and a drop-out probability p ~ Beta(a, b); the
/// first purchase is at time 0, then purchases follow a Poisson process with rate λ, and after each repeat purchase the
/// client drops out for good with probability p. Gamma-Gamma: each client gets ν ~ Gamma(shape q, rate γ) and each
/// purchase (the first too) is worth z ~ Gamma(shape p, rate ν). The same seed gives the same clients.
/// </summary>
public static class LifetimeSimulation
{
    /// <summary>One client observed for <paramref name="observedFor"/> periods after the first purchase; values are 0 without a spend model.</summary>
    public static SimulatedClient Client(BgNbdParameters purchases, GammaGammaParameters? values, double observedFor, Random random)
    {
        ArgumentNullException.ThrowIfNull(purchases);
        ArgumentNullException.ThrowIfNull(random);
        if (!(observedFor >= 0) || !double.IsFinite(observedFor))
            throw new ArgumentOutOfRangeException(nameof(observedFor), "The observed length must be a finite number ≥ 0.");

        var rate = Gamma.Sample(random, purchases.R, purchases.Alpha);
        var dropOut = Beta.Sample(random, purchases.A, purchases.B);
        var times = new List<double> { 0 };
        var now = 0.0;
        while (rate > 0)
        {
            now += -Math.Log(1 - random.NextDouble()) / rate;
            if (now > observedFor)
                break;
            times.Add(now);
            if (random.NextDouble() < dropOut)
                break;
        }

        var amounts = new double[times.Count];
        if (values is not null)
        {
            var scale = Gamma.Sample(random, values.Q, values.Gamma);
            for (var i = 0; i < amounts.Length; i++)
                amounts[i] = Gamma.Sample(random, values.P, scale);
        }
        return new SimulatedClient(observedFor, times, amounts);
    }

    /// <summary>
    /// Summaries of <paramref name="clients"/> clients whose observed lengths are uniform in [minAge, maxAge]; exact
    /// times, or whole periods of <paramref name="periodLength"/> when given.
    /// </summary>
    public static LifetimeSummary[] Summaries(BgNbdParameters purchases, GammaGammaParameters? values, int clients,
        double minAge, double maxAge, Random random, double? periodLength = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(clients);
        if (!(minAge >= 0 && maxAge >= minAge))
            throw new ArgumentOutOfRangeException(nameof(minAge), "Need 0 ≤ minAge ≤ maxAge.");
        var summaries = new LifetimeSummary[clients];
        for (var i = 0; i < clients; i++)
        {
            var client = Client(purchases, values, minAge + (maxAge - minAge) * random.NextDouble(), random);
            summaries[i] = periodLength is { } length ? client.Summary(length) : client.Summary();
        }
        return summaries;
    }

    /// <summary>
    /// A transaction log dated to the day, as a shop's records are: <paramref name="clients"/> clients whose first
    /// purchase falls at a uniformly random moment between <paramref name="maxAgeWeeks"/> and <paramref name="minAgeWeeks"/>
    /// weeks before the end of <paramref name="calibrationEnd"/>, with the model's rates per week; each purchase is
    /// dated to the day it falls on.
    /// </summary>
    public static List<Transaction> WeeklyLog(BgNbdParameters purchases, int clients, DateOnly calibrationEnd, double minAgeWeeks, double maxAgeWeeks, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(clients);
        ArgumentNullException.ThrowIfNull(random);
        if (!(minAgeWeeks >= 0 && maxAgeWeeks >= minAgeWeeks))
            throw new ArgumentOutOfRangeException(nameof(minAgeWeeks), "Need 0 ≤ minAgeWeeks ≤ maxAgeWeeks.");
        var end = (double)calibrationEnd.AddDays(1).DayNumber;
        var log = new List<Transaction>();
        for (var i = 0; i < clients; i++)
        {
            var age = minAgeWeeks + (maxAgeWeeks - minAgeWeeks) * random.NextDouble();
            var client = Client(purchases, null, age, random);
            var start = end - 7 * age;
            foreach (var time in client.PurchaseTimes)
                log.Add(new Transaction($"c{i}", DateOnly.FromDayNumber((int)Math.Floor(Math.Min(start + 7 * time, end - 1)))));
        }
        return log;
    }
}

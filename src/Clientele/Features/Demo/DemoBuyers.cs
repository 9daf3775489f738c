using MathNet.Numerics.Distributions;

namespace Clientele.Features.Demo;

/// <summary>
/// How demo clients buy: the BG/NBD process (Fader, Hardie and Lee 2005) for when, the Gamma-Gamma model for how much,
/// so that the lifetime models have something real to find in the demo base.
/// <list type="bullet">
/// <item>While alive a client buys as a Poisson process with rate λ ~ Gamma(r, α) per week; after each repeat purchase
/// they drop out with probability p ~ Beta(a, b) — silently, as real clients do.</item>
/// <item>Each purchase is worth z ~ Gamma(<see cref="SpendShape"/>, ν) with the client's ν ~ Gamma(q, γ).</item>
/// </list>
/// Every client's randomness comes from its own seed, so replaying a client with another α gives the same draws on a
/// stretched time axis: <see cref="Calibrate"/> finds the α that yields the requested number of purchases without
/// changing anything else about the base.
/// </summary>
public static class DemoBuyers
{
    public const double R = 0.5, A = 0.5, B = 20, SpendShape = 4, SpendQ = 3, SpendGamma = 20_000;

    /// <summary>One buyer's hidden traits: <paramref name="RateDraw"/> ~ Gamma(r, 1) (so λ = RateDraw / α), the drop-out
    /// probability, the spend scale ν, the observed weeks since the first purchase, and the seed of its purchase times.</summary>
    public sealed record Buyer(int Index, double Weeks, double RateDraw, double DropOut, double SpendRate, int Seed);

    /// <summary>A buyer's simulated life: the weeks of its purchases after the first one, and whether it dropped out.</summary>
    public readonly record struct Life(List<double> RepeatWeeks, bool DroppedOut);

    public static Buyer Draw(Random rng, int index, double weeks) => new(
        index, weeks, Gamma.Sample(rng, R, 1), Beta.Sample(rng, A, B), Gamma.Sample(rng, SpendQ, SpendGamma), rng.Next());

    public static Life Simulate(Buyer buyer, double alpha)
    {
        var rng = new Random(buyer.Seed);
        var rate = buyer.RateDraw / alpha;
        var repeats = new List<double>();
        var t = 0.0;
        while (true)
        {
            // Exponential waiting time by inversion, so the draw is the same whatever α is.
            t += -Math.Log(1 - rng.NextDouble()) / rate;
            if (t > buyer.Weeks || repeats.Count >= 2_000) return new Life(repeats, false);
            repeats.Add(t);
            if (rng.NextDouble() < buyer.DropOut) return new Life(repeats, true);
        }
    }

    /// <summary>Each purchase's value in roubles.</summary>
    public static double Value(Random rng, Buyer buyer) => Gamma.Sample(rng, SpendShape, buyer.SpendRate);

    /// <summary>The α (weeks) whose total purchases — first ones included — come closest to <paramref name="purchases"/>;
    /// the total only falls as α grows, so a bisection on log α finds it.</summary>
    public static double Calibrate(IReadOnlyList<Buyer> buyers, int purchases)
    {
        double Total(double alpha) => buyers.Sum(b => 1 + Simulate(b, alpha).RepeatWeeks.Count);
        double low = Math.Log(0.01), high = Math.Log(10_000);
        for (var i = 0; i < 40; i++)
        {
            var mid = (low + high) / 2;
            if (Total(Math.Exp(mid)) > purchases) low = mid; else high = mid;
        }
        return Math.Exp(Math.Abs(Total(Math.Exp(low)) - purchases) <= Math.Abs(Total(Math.Exp(high)) - purchases) ? low : high);
    }
}

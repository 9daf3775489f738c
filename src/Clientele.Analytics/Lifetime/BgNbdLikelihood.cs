using System.Runtime.InteropServices;
using MathNet.Numerics;

namespace Clientele.Analytics.Lifetime;

/// <summary>
/// The BG/NBD log-likelihood and its gradient over clients compressed to weighted distinct (x, t_x, T) rows.
/// Per client with x &gt; 0, writing s = r+x, c = b+x−1 and D = ln(α+T) − ln(α+t_x) ≥ 0 (FHL 2005 eq. 6 rearranged):
///   ln L = K(x) − s·ln(α+t_x) + ln(a + c·e^(−s·D)),
///   K(x) = lnΓ(r+x) − lnΓ(r) + r ln α + lnΓ(a+b) − lnΓ(b) − lnΓ(a+b+x) + lnΓ(b+x−1);
/// e^(−s·D) ≤ 1 never overflows. For x = 0, ln L = r·(ln α − ln(α+T)). K and its derivatives are computed once per
/// distinct x, the logarithms once per distinct T and t_x, so a row costs one exp and one log.
/// </summary>
internal sealed class BgNbdLikelihood
{
    private readonly double[] xValues;          // distinct x > 0
    private readonly double[] xWeights;         // clients per distinct x > 0
    private readonly double[] ages;             // distinct T over rows with x > 0
    private readonly double[] recencies;        // distinct t_x
    private readonly double[] newcomerAges;     // distinct T of clients with x = 0
    private readonly double[] newcomerWeights;  // clients per such T
    private readonly int[] rowX, rowAge, rowRecency;
    private readonly double[] rowWeight;

    public int Clients { get; }
    private readonly double newcomerWeight;      // clients with x = 0
    public int DistinctRows => rowWeight.Length + newcomerAges.Length;

    public BgNbdLikelihood(ReadOnlySpan<LifetimeSummary> clients)
    {
        Clients = clients.Length;
        var xs = new DistinctValues();
        if (RowCounter.WorthCompressing(clients))
        {
            var rows = new RowCounter(clients);
            var newcomers = new Dictionary<double, int>();
            foreach (var client in clients)
            {
                if (client.Frequency == 0)
                    CollectionsMarshal.GetValueRefOrAddDefault(newcomers, client.T, out _)++;
                else
                    rows.Add(client.Frequency, client.Recency, client.T);
            }
            newcomerAges = [.. newcomers.Keys];
            newcomerWeights = [.. newcomers.Values.Select(count => (double)count)];
            var ts = new DistinctValues();
            var txs = new DistinctValues();
            rowX = new int[rows.Count];
            rowAge = new int[rows.Count];
            rowRecency = new int[rows.Count];
            rowWeight = new double[rows.Count];
            var row = 0;
            foreach (var (x, recency, t, count) in rows.Rows())
            {
                rowX[row] = xs.IndexOf(x);
                rowAge[row] = ts.IndexOf(t);
                rowRecency[row] = txs.IndexOf(recency);
                rowWeight[row] = count;
                row++;
            }
            ages = ts.ToArray();
            recencies = txs.ToArray();
        }
        else
        {
            // Exact times: (nearly) every client is its own row, and hashing would cost more than it saves.
            var newcomers = new List<double>();
            var repeatAges = new List<double>();
            var repeatRecencies = new List<double>();
            var repeatX = new List<int>();
            foreach (var client in clients)
            {
                if (client.Frequency == 0)
                {
                    newcomers.Add(client.T);
                    continue;
                }
                repeatX.Add(xs.IndexOf(client.Frequency));
                repeatAges.Add(client.T);
                repeatRecencies.Add(client.Recency);
            }
            newcomerAges = [.. newcomers];
            newcomerWeights = new double[newcomerAges.Length];
            Array.Fill(newcomerWeights, 1.0);
            rowX = [.. repeatX];
            rowAge = [.. Enumerable.Range(0, rowX.Length)];
            rowRecency = rowAge;
            rowWeight = new double[rowX.Length];
            Array.Fill(rowWeight, 1.0);
            ages = [.. repeatAges];
            recencies = [.. repeatRecencies];
        }
        newcomerWeight = newcomerWeights.Sum();
        xValues = xs.ToArray();
        xWeights = new double[xValues.Length];
        for (var i = 0; i < rowX.Length; i++)
            xWeights[rowX[i]] += rowWeight[i];
    }

    /// <summary>The log-likelihood at (r, α, a, b) and, into <paramref name="gradient"/>, its derivatives by r, α, a, b.</summary>
    public double Evaluate(double r, double alpha, double a, double b, Span<double> gradient)
    {
        var lnAlpha = Math.Log(alpha);
        double ll = 0, dr = 0, dAlpha = 0, da = 0, db = 0;

        // Clients without repeat purchases: r·(ln α − ln(α+T)).
        var newcomerSums = ChunkedSum.Run(newcomerAges.Length, 2, (from, to, acc) =>
        {
            double lnSum = 0, inverseSum = 0;
            for (var i = from; i < to; i++)
            {
                lnSum += newcomerWeights[i] * Math.Log(alpha + newcomerAges[i]);
                inverseSum += newcomerWeights[i] / (alpha + newcomerAges[i]);
            }
            acc[0] += lnSum;
            acc[1] += inverseSum;
        });
        ll += r * (newcomerWeight * lnAlpha - newcomerSums[0]);
        dr += newcomerWeight * lnAlpha - newcomerSums[0];
        dAlpha += r * (newcomerWeight / alpha - newcomerSums[1]);

        // K(x) and its derivatives, once per distinct x.
        var lnGammaR = SpecialFunctions.GammaLn(r);
        var lnGammaAb = SpecialFunctions.GammaLn(a + b);
        var lnGammaB = SpecialFunctions.GammaLn(b);
        var psiR = SpecialFunctions.DiGamma(r);
        var psiAb = SpecialFunctions.DiGamma(a + b);
        var psiB = SpecialFunctions.DiGamma(b);
        var s = new double[xValues.Length];
        var c = new double[xValues.Length];
        for (var k = 0; k < xValues.Length; k++)
        {
            var x = xValues[k];
            var w = xWeights[k];
            s[k] = r + x;
            c[k] = b + x - 1;
            ll += w * (SpecialFunctions.GammaLn(r + x) - lnGammaR + r * lnAlpha + lnGammaAb - lnGammaB
                       - SpecialFunctions.GammaLn(a + b + x) + SpecialFunctions.GammaLn(b + x - 1));
            dr += w * (SpecialFunctions.DiGamma(r + x) - psiR + lnAlpha);
            dAlpha += w * r / alpha;
            da += w * (psiAb - SpecialFunctions.DiGamma(a + b + x));
            db += w * (psiAb - psiB - SpecialFunctions.DiGamma(a + b + x) + SpecialFunctions.DiGamma(b + x - 1));
        }

        var (lnAge, inverseAge) = LogsAndInverses(ages, alpha);
        var (lnRecency, inverseRecency) = LogsAndInverses(recencies, alpha);

        var sums = ChunkedSum.Run(rowWeight.Length, 5, (from, to, acc) =>
        {
            double sll = 0, sdr = 0, sdAlpha = 0, sda = 0, sdb = 0;
            for (var i = from; i < to; i++)
            {
                var k = rowX[i];
                var ti = rowAge[i];
                var txi = rowRecency[i];
                var w = rowWeight[i];
                var sk = s[k];
                var ck = c[k];
                var d = lnAge[ti] - lnRecency[txi];
                var e = Math.Exp(-sk * d);
                var inverseM = 1 / (a + ck * e);
                sll += w * (Math.Log(a + ck * e) - sk * lnRecency[txi]);
                var ceOverM = ck * e * inverseM;
                sdr += w * (-lnRecency[txi] - ceOverM * d);
                sdAlpha += w * (-sk * inverseRecency[txi] - ceOverM * sk * (inverseAge[ti] - inverseRecency[txi]));
                sda += w * inverseM;
                sdb += w * e * inverseM;
            }
            acc[0] += sll;
            acc[1] += sdr;
            acc[2] += sdAlpha;
            acc[3] += sda;
            acc[4] += sdb;
        });

        gradient[0] = dr + sums[1];
        gradient[1] = dAlpha + sums[2];
        gradient[2] = da + sums[3];
        gradient[3] = db + sums[4];
        return ll + sums[0];
    }

    /// <summary>ln(α+v) and 1/(α+v) for each distinct v; split over the cores when every client has its own value.</summary>
    private static (double[] Logs, double[] Inverses) LogsAndInverses(double[] values, double alpha)
    {
        var logs = new double[values.Length];
        var inverses = new double[values.Length];
        ChunkedSum.Run(values.Length, 0, (from, to, _) =>
        {
            for (var i = from; i < to; i++)
            {
                logs[i] = Math.Log(alpha + values[i]);
                inverses[i] = 1 / (alpha + values[i]);
            }
        });
        return (logs, inverses);
    }
}

using System.Runtime.InteropServices;
using MathNet.Numerics;

namespace Clientele.Analytics.Lifetime;

/// <summary>
/// The Gamma-Gamma log-likelihood of repeat clients' mean values and its gradient, over weighted distinct (x, m_x) rows.
/// The mean m of x purchases is Gamma(px, νx) given ν, and ν ~ Gamma(q, γ), so
///   ln f = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln γ + px ln x + (px−1) ln m − (px+q) ln(γ + x·m);
/// the Gamma functions go once per distinct x, the terms in ln m into two constant sums, so a row costs one log.
/// </summary>
internal sealed class GammaGammaLikelihood
{
    private readonly double[] xValues, xWeights;
    private readonly int[] rowX;
    private readonly double[] rowTotal, rowWeight;  // x·m per row: γ + x·m is all a row needs
    private readonly double sumLnMean, sumXLnMean;

    public int Clients { get; }

    public GammaGammaLikelihood(ReadOnlySpan<LifetimeSummary> repeatClients)
    {
        Clients = repeatClients.Length;
        var rows = new Dictionary<(double X, double Mean), int>(repeatClients.Length);
        foreach (var client in repeatClients)
            CollectionsMarshal.GetValueRefOrAddDefault(rows, (client.Frequency, client.MonetaryValue), out _)++;

        var xs = new DistinctValues();
        rowX = new int[rows.Count];
        rowTotal = new double[rows.Count];
        rowWeight = new double[rows.Count];
        var row = 0;
        foreach (var ((x, mean), count) in rows)
        {
            rowX[row] = xs.IndexOf(x);
            rowTotal[row] = x * mean;
            rowWeight[row] = count;
            sumLnMean += count * Math.Log(mean);
            sumXLnMean += count * x * Math.Log(mean);
            row++;
        }
        xValues = xs.ToArray();
        xWeights = new double[xValues.Length];
        for (var i = 0; i < rowX.Length; i++)
            xWeights[rowX[i]] += rowWeight[i];
    }

    /// <summary>The log-likelihood at (p, q, γ) and, into <paramref name="gradient"/>, its derivatives by p, q, γ.</summary>
    public double Evaluate(double p, double q, double gamma, Span<double> gradient)
    {
        var lnGamma = Math.Log(gamma);
        var lnGammaQ = SpecialFunctions.GammaLn(q);
        var psiQ = SpecialFunctions.DiGamma(q);
        double ll = p * sumXLnMean - sumLnMean, dp = sumXLnMean, dq = 0, dGamma = 0;
        var shape = new double[xValues.Length];
        for (var k = 0; k < xValues.Length; k++)
        {
            var x = xValues[k];
            var w = xWeights[k];
            shape[k] = p * x + q;
            ll += w * (SpecialFunctions.GammaLn(p * x + q) - SpecialFunctions.GammaLn(p * x) - lnGammaQ + q * lnGamma + p * x * Math.Log(x));
            dp += w * x * (SpecialFunctions.DiGamma(p * x + q) - SpecialFunctions.DiGamma(p * x) + Math.Log(x));
            dq += w * (SpecialFunctions.DiGamma(p * x + q) - psiQ + lnGamma);
            dGamma += w * q / gamma;
        }

        var sums = ChunkedSum.Run(rowWeight.Length, 4, (from, to, acc) =>
        {
            double sll = 0, sdp = 0, sdq = 0, sdGamma = 0;
            for (var i = from; i < to; i++)
            {
                var k = rowX[i];
                var w = rowWeight[i];
                var lnTotal = Math.Log(gamma + rowTotal[i]);
                sll -= w * shape[k] * lnTotal;
                sdp -= w * xValues[k] * lnTotal;
                sdq -= w * lnTotal;
                sdGamma -= w * shape[k] / (gamma + rowTotal[i]);
            }
            acc[0] += sll;
            acc[1] += sdp;
            acc[2] += sdq;
            acc[3] += sdGamma;
        });

        gradient[0] = dp + sums[1];
        gradient[1] = dq + sums[2];
        gradient[2] = dGamma + sums[3];
        return ll + sums[0];
    }
}

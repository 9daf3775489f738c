using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Clientele.Analytics.Lifetime;

/// <summary>
/// Maximises a log-likelihood over positive parameters by BFGS on their logarithms (so every step stays in the valid
/// region and the very different scales of α and a, b become comparable). The objective is the mean negative
/// log-likelihood per client, so the tolerances mean the same for 100 clients and for a million.
/// </summary>
internal static class MaximumLikelihood
{
    /// <summary>Log-likelihood at the parameters; fills the gradient by the parameters (not their logarithms).</summary>
    public delegate double LogLikelihood(ReadOnlySpan<double> parameters, Span<double> gradient);

    public sealed record Result(double[] Parameters, double LogLikelihood, int Iterations);

    private const int MaxIterations = 500;
    private const double GradientTolerance = 1e-8;

    /// <summary>Maximises from each start in turn and keeps the best converged optimum; throws when none converges.</summary>
    public static Result Maximise(string model, LogLikelihood logLikelihood, int clients, IReadOnlyList<double[]> starts, double maxParameter = 1e8)
    {
        Result? best = null;
        string? lastFailure = null;
        foreach (var start in starts)
        {
            try
            {
                var result = MaximiseFrom(logLikelihood, clients, start);
                if (result.Parameters.Any(value => !(value > 0 && value < maxParameter)))
                    lastFailure = $"the parameters drift to the edge of their range ({string.Join(", ", result.Parameters.Select(v => v.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)))}), so the data do not determine them";
                else if (best is null || result.LogLikelihood > best.LogLikelihood)
                    best = result;
            }
            catch (Exception failure) when (failure is OptimizationException or ArithmeticException or ArgumentException)
            {
                lastFailure = failure.Message;
            }
        }
        return best ?? throw new ModelFitException($"The {model} fit did not converge: {lastFailure}");
    }

    private static Result MaximiseFrom(LogLikelihood logLikelihood, int clients, double[] start)
    {
        var count = start.Length;
        var parameters = new double[count];
        var gradient = new double[count];
        var objective = ObjectiveFunction.Gradient(logParameters =>
        {
            for (var i = 0; i < count; i++)
                parameters[i] = Math.Exp(logParameters[i]);
            var value = logLikelihood(parameters, gradient);
            if (!double.IsFinite(value) || gradient.Any(g => !double.IsFinite(g)))
                throw new ArithmeticException($"the log-likelihood is not finite at ({string.Join(", ", parameters)})");
            // d/d ln θ = θ·d/dθ; minimise the mean negative log-likelihood.
            var scaled = Vector<double>.Build.Dense(count, i => -parameters[i] * gradient[i] / clients);
            return (-value / clients, scaled);
        });
        var minimizer = new BfgsMinimizer(GradientTolerance, 1e-12, 1e-14, MaxIterations);
        var found = minimizer.FindMinimum(objective, Vector<double>.Build.DenseOfEnumerable(start.Select(value => Math.Log(value))));
        if (found.ReasonForExit is ExitCondition.ExceedIterations or ExitCondition.InvalidValues or ExitCondition.ManuallyStopped)
            throw new OptimizationException($"the optimiser stopped: {found.ReasonForExit} after {found.Iterations} iterations");
        var optimum = found.MinimizingPoint.Select(value => Math.Exp(value)).ToArray();
        // The stopping rules include "no more progress": insist the optimum is a stationary point as well.
        var check = new double[count];
        var logLikelihoodAtOptimum = logLikelihood(optimum, check);
        var gradientNorm = Math.Sqrt(Enumerable.Range(0, count).Sum(i => Math.Pow(optimum[i] * check[i] / clients, 2)));
        if (!(gradientNorm < 1e-4))
            throw new OptimizationException($"the optimiser stopped ({found.ReasonForExit}) where the gradient is still {gradientNorm:G3}");
        return new Result(optimum, logLikelihoodAtOptimum, found.Iterations);
    }
}

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

    /// <summary>
    /// Maximises from each start in turn and keeps the best converged optimum (or, with <paramref name="firstConverged"/>,
    /// the first); throws when none converges.
    /// </summary>
    public static Result Maximise(string model, LogLikelihood logLikelihood, int clients, IReadOnlyList<double[]> starts,
        double maxParameter = 1e8, bool firstConverged = false)
    {
        Result? best = null;
        string? lastFailure = null;
        foreach (var start in starts)
        {
            try
            {
                var result = firstConverged && best is null && lastFailure is null
                    ? PolishOrMaximise(logLikelihood, clients, start)
                    : MaximiseFrom(logLikelihood, clients, start, newton: false);
                if (result.Parameters.Any(value => !(value > 0 && value < maxParameter)))
                    lastFailure = $"the parameters drift to the edge of their range ({string.Join(", ", result.Parameters.Select(v => v.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)))}), so the data do not determine them";
                else if (best is null || result.LogLikelihood > best.LogLikelihood)
                    best = result;
                if (firstConverged && best is not null)
                    break;
            }
            catch (Exception failure) when (failure is OptimizationException or ArithmeticException or ArgumentException)
            {
                lastFailure = failure.Message;
            }
        }
        return best ?? throw new ModelFitException($"The {model} fit did not converge: {lastFailure}");
    }

    /// <summary>The same, with null instead of the exception: for a warm start, where the full data may still succeed.</summary>
    public static Result? TryMaximise(string model, LogLikelihood logLikelihood, int clients, IReadOnlyList<double[]> starts, double maxParameter = 1e8)
    {
        try
        {
            return Maximise(model, logLikelihood, clients, starts, maxParameter);
        }
        catch (ModelFitException)
        {
            return null;
        }
    }

    /// <summary>Above this many clients a fit first runs on a sample, so the full data are only needed near the optimum.</summary>
    public const int WarmStartAbove = 100_000;

    /// <summary>Every k-th client, about <paramref name="size"/> of them: a deterministic sample for the warm start.</summary>
    public static LifetimeSummary[] Sample(ReadOnlySpan<LifetimeSummary> clients, int size = 25_000)
    {
        var stride = Math.Max(1, clients.Length / size);
        var sample = new LifetimeSummary[(clients.Length + stride - 1) / stride];
        for (var i = 0; i < sample.Length; i++)
            sample[i] = clients[i * stride];
        return sample;
    }

    /// <summary>
    /// From a start already close to the optimum (a sample's), BFGS would still spend a dozen iterations learning the
    /// curvature from scratch; Newton steps with the Hessian taken by differencing the analytic gradient need two or
    /// three. A line search keeps them safe; should they fail anyway, BFGS takes over from the same start.
    /// </summary>
    private static Result PolishOrMaximise(LogLikelihood logLikelihood, int clients, double[] start)
    {
        try
        {
            return MaximiseFrom(logLikelihood, clients, start, newton: true);
        }
        catch (Exception failure) when (failure is OptimizationException or ArithmeticException or ArgumentException)
        {
            return MaximiseFrom(logLikelihood, clients, start, newton: false);
        }
    }

    private static Result MaximiseFrom(LogLikelihood logLikelihood, int clients, double[] start, bool newton)
    {
        var count = start.Length;
        var parameters = new double[count];
        var gradient = new double[count];

        // The mean negative log-likelihood and its gradient by the log-parameters (d/d ln θ = θ·d/dθ).
        (double Value, Vector<double> Gradient) Evaluate(Vector<double> logParameters)
        {
            for (var i = 0; i < count; i++)
                parameters[i] = Math.Exp(logParameters[i]);
            var value = logLikelihood(parameters, gradient);
            if (!double.IsFinite(value) || gradient.Any(g => !double.IsFinite(g)))
                throw new ArithmeticException($"the log-likelihood is not finite at ({string.Join(", ", parameters)})");
            return (-value / clients, Vector<double>.Build.Dense(count, i => -parameters[i] * gradient[i] / clients));
        }

        (double, Vector<double>, Matrix<double>) EvaluateWithHessian(Vector<double> logParameters)
        {
            const double step = 1e-5;
            var (value, at) = Evaluate(logParameters);
            var hessian = Matrix<double>.Build.Dense(count, count);
            for (var j = 0; j < count; j++)
            {
                var moved = logParameters.Clone();
                moved[j] += step;
                var (_, there) = Evaluate(moved);
                hessian.SetColumn(j, (there - at) / step);
            }
            return (value, at, (hessian + hessian.Transpose()) / 2);
        }

        var initial = Vector<double>.Build.DenseOfEnumerable(start.Select(value => Math.Log(value)));
        var found = newton
            ? new NewtonMinimizer(GradientTolerance, 50, useLineSearch: true).FindMinimum(ObjectiveFunction.GradientHessian(EvaluateWithHessian), initial)
            : new BfgsMinimizer(GradientTolerance, 1e-12, 1e-14, MaxIterations).FindMinimum(ObjectiveFunction.Gradient(Evaluate), initial);
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

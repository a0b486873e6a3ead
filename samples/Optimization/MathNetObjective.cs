using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using Micrograd;

namespace Optimization;

/// <summary>
/// A compiled Micrograd function as the objective Math.NET Numerics' minimizers call: value and gradient from one
/// <see cref="CompiledFunction.Evaluate(ReadOnlySpan{double}, Span{double})"/>, the Hessian from
/// <see cref="CompiledFunction.Hessian"/>. Counts the evaluations it is asked for.
/// </summary>
public sealed class MathNetObjective(CompiledFunction function)
{
    /// <summary>How many times a minimizer has asked for the function (with its derivatives) so far.</summary>
    public int Evaluations { get; private set; }

    /// <summary>Value and gradient, for <see cref="BfgsMinimizer"/> and <see cref="LimitedMemoryBfgsMinimizer"/>.</summary>
    public IObjectiveFunction WithGradient() => ObjectiveFunction.Gradient(point =>
    {
        Evaluations++;
        var gradient = Vector<double>.Build.Dense(function.InputCount);
        double value = function.Evaluate(Coordinates(point), gradient.AsArray());
        return (value, gradient);
    });

    /// <summary>Value, gradient and Hessian, for <see cref="NewtonMinimizer"/>.</summary>
    public IObjectiveFunction WithGradientAndHessian() => ObjectiveFunction.GradientHessian(point =>
    {
        Evaluations++;
        double[] coordinates = Coordinates(point);
        var gradient = Vector<double>.Build.Dense(function.InputCount);
        double value = function.Evaluate(coordinates, gradient.AsArray());
        return (value, gradient, Matrix<double>.Build.DenseOfArray(function.Hessian(coordinates)));
    });

    // A dense vector's own array, without a copy.
    private static double[] Coordinates(Vector<double> point) => point.AsArray() ?? point.ToArray();
}

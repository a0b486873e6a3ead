using System;
using System.Collections.Generic;

namespace Micrograd;

public static partial class Gradients
{
    /// <summary>
    /// Builds the graph of <paramref name="function"/> once, at <paramref name="point"/>, and returns it as a
    /// <see cref="CompiledFunction"/>: value and gradient at any other point by replaying that graph, many times,
    /// without building or allocating anything (as <c>term.Compile(variables)</c> does in AutoDiff).
    /// </summary>
    /// <param name="function">
    /// Builds the output from its inputs, one leaf per coordinate of <paramref name="point"/>. It is called once here,
    /// and again only by <see cref="CompiledFunction.MatchesRebuild"/>.
    /// </param>
    /// <param name="point">Where to build the graph; it fixes the number of inputs.</param>
    /// <returns>The compiled function.</returns>
    /// <remarks>
    /// What is recorded is the graph, not your code (see <see cref="CompiledGraph"/>): an <c>if</c> or a loop in
    /// <paramref name="function"/> that reads a value's <see cref="Value.Data"/> runs once, at
    /// <paramref name="point"/>, and its outcome is frozen, as with <c>torch.jit.trace</c>. Operations with kinks
    /// (<see cref="Value.Relu"/>, <see cref="Value.Abs"/>, <see cref="Value.Max"/>, <see cref="Value.Min"/>, ...)
    /// are part of the graph and decide again at every point.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> or <paramref name="point"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="function"/> returned <see langword="null"/>.</exception>
    /// <exception cref="NotSupportedException">
    /// The graph holds an operation of your own made from numbers, which cannot compute itself again (see
    /// <see cref="Value.Compile"/>).
    /// </exception>
    /// <example>
    /// <code>
    /// CompiledFunction f = Gradients.Compile(v => 100 * (v[1] - v[0] * v[0]).Pow(2) + (1 - v[0]).Pow(2), [-1.2, 1.0]);
    /// double[] x = [-1.2, 1.0];
    /// double[] gradient = new double[2];
    /// for (int step = 0; step &lt; 10_000; step++)
    /// {
    ///     f.Evaluate(x, gradient); // allocates nothing
    ///     x[0] -= 0.001 * gradient[0];
    ///     x[1] -= 0.001 * gradient[1];
    /// }
    /// </code>
    /// </example>
    public static CompiledFunction Compile(Func<IReadOnlyList<Value>, Value> function, IReadOnlyList<double> point)
    {
        if (function is null)
        {
            throw new ArgumentNullException(nameof(function));
        }

        Value[] leaves = Leaves(point, nameof(point));
        return new CompiledFunction(function, leaves, Call(function, leaves));
    }
}

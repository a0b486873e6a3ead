using System;
using System.Collections.Generic;

namespace Micrograd;

public static partial class Gradients
{
    /// <summary>
    /// The value of <paramref name="function"/> at <paramref name="point"/> and its gradient there, from one graph
    /// and one reverse sweep: what an optimizer asks for at every step.
    /// </summary>
    /// <param name="function">Builds the output from its inputs, one leaf per coordinate of <paramref name="point"/>. It is called once.</param>
    /// <param name="point">Where to evaluate.</param>
    /// <returns>
    /// <c>Value</c>, f(point), and <c>Gradient</c>, ∂f/∂xᵢ for each coordinate: the numbers <see cref="Value.Backward"/>
    /// would give, bit for bit.
    /// </returns>
    /// <remarks>
    /// Like <see cref="Of"/>, it reads and writes no <see cref="Value.Grad"/>, so values the function captures (a
    /// model's parameters, say) keep theirs. To evaluate the same function at many points, compile it once with
    /// <see cref="Compile"/>.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> or <paramref name="point"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="function"/> returned <see langword="null"/>.</exception>
    /// <example>
    /// <code>
    /// // f(x, y) = x²y: the gradient is (2xy, x²)
    /// var (value, gradient) = Gradients.ValueAndGradient(v => v[0] * v[0] * v[1], [3.0, 5.0]);
    /// Console.WriteLine(value);                      // 45
    /// Console.WriteLine(string.Join(", ", gradient)); // 30, 9
    /// </code>
    /// </example>
    public static (double Value, double[] Gradient) ValueAndGradient(Func<IReadOnlyList<Value>, Value> function, IReadOnlyList<double> point)
    {
        if (function is null)
        {
            throw new ArgumentNullException(nameof(function));
        }

        Value[] leaves = Leaves(point, nameof(point));
        Value output = Call(function, leaves);
        IReadOnlyList<Value> derivatives = Of(output, leaves);
        var gradient = new double[leaves.Length];
        for (int i = 0; i < gradient.Length; i++)
        {
            gradient[i] = derivatives[i].Data;
        }

        return (output.Data, gradient);
    }
}

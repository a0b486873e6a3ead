using System;
using System.Collections.Generic;

namespace Micrograd;

public static partial class Gradients
{
    /// <summary>
    /// The matrix of second derivatives of <paramref name="function"/> at <paramref name="point"/>:
    /// H[i, j] = ∂²f/∂xᵢ∂xⱼ, from one differentiable gradient and one more sweep per input.
    /// </summary>
    /// <param name="function">Builds the output from its inputs, one leaf per coordinate of <paramref name="point"/>. It is called once.</param>
    /// <param name="point">Where to differentiate.</param>
    /// <returns>The n × n Hessian, for n coordinates.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> or <paramref name="point"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="function"/> returned <see langword="null"/>.</exception>
    /// <example>
    /// <code>
    /// // f(x, y) = x²y: H = [[2y, 2x], [2x, 0]]
    /// double[,] h = Gradients.Hessian(v => v[0] * v[0] * v[1], [3.0, 5.0]); // [[10, 6], [6, 0]]
    /// </code>
    /// </example>
    public static double[,] Hessian(Func<IReadOnlyList<Value>, Value> function, IReadOnlyList<double> point)
    {
        if (function is null)
        {
            throw new ArgumentNullException(nameof(function));
        }

        Value[] leaves = Leaves(point, nameof(point));
        IReadOnlyList<Value> gradient = Of(Call(function, leaves), leaves, createGraph: true);
        var hessian = new double[leaves.Length, leaves.Length];
        for (int i = 0; i < leaves.Length; i++)
        {
            IReadOnlyList<Value> row = Of(gradient[i], leaves);
            for (int j = 0; j < leaves.Length; j++)
            {
                hessian[i, j] = row[j].Data;
            }
        }

        return hessian;
    }

    /// <summary>
    /// The Hessian of <paramref name="function"/> at <paramref name="point"/> times <paramref name="vector"/>, H·v, in
    /// two sweeps whatever the number of inputs: the gradient as a graph, then the gradient of its dot product with
    /// <paramref name="vector"/>. The Hessian itself is never formed.
    /// </summary>
    /// <param name="function">Builds the output from its inputs, one leaf per coordinate of <paramref name="point"/>. It is called once.</param>
    /// <param name="point">Where to differentiate.</param>
    /// <param name="vector">The vector to multiply by, as long as <paramref name="point"/>.</param>
    /// <returns>H·v.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/>, <paramref name="point"/> or <paramref name="vector"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="vector"/> is not as long as <paramref name="point"/>.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="function"/> returned <see langword="null"/>.</exception>
    public static double[] HessianVectorProduct(Func<IReadOnlyList<Value>, Value> function, IReadOnlyList<double> point, IReadOnlyList<double> vector)
    {
        if (function is null)
        {
            throw new ArgumentNullException(nameof(function));
        }

        Value[] leaves = Leaves(point, nameof(point));
        if (vector is null)
        {
            throw new ArgumentNullException(nameof(vector));
        }

        if (vector.Count != leaves.Length)
        {
            throw new ArgumentException(
                "The vector must be as long as the point: point has " + leaves.Length + " coordinates and vector has " + vector.Count + ".",
                nameof(vector));
        }

        IReadOnlyList<Value> gradient = Of(Call(function, leaves), leaves, createGraph: true);
        var directions = new Value[leaves.Length];
        for (int i = 0; i < directions.Length; i++)
        {
            directions[i] = new Value(vector[i]);
        }

        IReadOnlyList<Value> product = Of(Value.Dot(gradient, directions), leaves);
        var result = new double[leaves.Length];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = product[i].Data;
        }

        return result;
    }

    /// <summary>
    /// The matrix of first derivatives of a function with several outputs at <paramref name="point"/>:
    /// J[i, j] = ∂fᵢ/∂xⱼ, one sweep per output.
    /// </summary>
    /// <param name="function">Builds the outputs from the inputs, one leaf per coordinate of <paramref name="point"/>. It is called once.</param>
    /// <param name="point">Where to differentiate.</param>
    /// <returns>The m × n Jacobian, for m outputs and n coordinates.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> or <paramref name="point"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="function"/> returned <see langword="null"/> or a list containing <see langword="null"/>.</exception>
    /// <example>
    /// <code>
    /// // polar to Cartesian: (r cos θ, r sin θ)
    /// double[,] j = Gradients.Jacobian(v => [v[0] * v[1].Cos(), v[0] * v[1].Sin()], [2.0, 0.0]); // [[1, 0], [0, 2]]
    /// </code>
    /// </example>
    public static double[,] Jacobian(Func<IReadOnlyList<Value>, IReadOnlyList<Value>> function, IReadOnlyList<double> point)
    {
        if (function is null)
        {
            throw new ArgumentNullException(nameof(function));
        }

        Value[] leaves = Leaves(point, nameof(point));
        IReadOnlyList<Value> outputs = function(Array.AsReadOnly(leaves))
            ?? throw new InvalidOperationException("The function returned null instead of a list of values.");
        var jacobian = new double[outputs.Count, leaves.Length];
        for (int i = 0; i < outputs.Count; i++)
        {
            Value output = outputs[i] ?? throw new InvalidOperationException("The function's outputs must not contain null (index " + i + ").");
            IReadOnlyList<Value> row = Of(output, leaves);
            for (int j = 0; j < leaves.Length; j++)
            {
                jacobian[i, j] = row[j].Data;
            }
        }

        return jacobian;
    }

    /// <summary>One new leaf per coordinate of <paramref name="point"/>.</summary>
    private static Value[] Leaves(IReadOnlyList<double> point, string parameterName)
    {
        if (point is null)
        {
            throw new ArgumentNullException(parameterName);
        }

        var leaves = new Value[point.Count];
        for (int i = 0; i < leaves.Length; i++)
        {
            leaves[i] = new Value(point[i]);
        }

        return leaves;
    }
}

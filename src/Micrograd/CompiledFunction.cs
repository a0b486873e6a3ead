using System;
using System.Collections.Generic;

namespace Micrograd;

/// <summary>
/// A function of n numbers, its graph built once by <see cref="Gradients.Compile"/> and replayed at every new point:
/// the value and the gradient in one call that allocates nothing, the Hessian and Hessian-vector products on top. It
/// plays the part of AutoDiff's compiled term, and is what an optimizer's objective function (Math.NET Numerics'
/// <c>IObjectiveFunction</c>, say) calls at each step.
/// </summary>
/// <remarks>
/// <para>
/// Replay runs each operation's own definition (see <see cref="CompiledGraph"/>), so <see cref="Evaluate(ReadOnlySpan{double}, Span{double})"/>
/// gives the numbers that building the graph again at the new point and calling <see cref="Value.Backward"/> would
/// give, bit for bit, NaN and infinities included. Operations with kinks (<see cref="Value.Relu"/>,
/// <see cref="Value.Abs"/>, <see cref="Value.Max"/>, <see cref="Value.Min"/>, ...) decide again at each point.
/// </para>
/// <para>
/// What is recorded is the graph, not your code: as with <c>torch.jit.trace</c>, an <c>if</c> or a loop in the
/// function that read a value's <see cref="Value.Data"/> ran once, at the point the function was compiled at, and
/// its outcome is frozen. If you are unsure whether your function does that, <see cref="MatchesRebuild"/> compares
/// the replay with a rebuild at a point of your choice.
/// </para>
/// <para>
/// Values the function captured rather than received (a model's parameters, say) are read at each call: change
/// their <see cref="Value.Data"/> and the next call sees it. Their <see cref="Value.Grad"/> is left as it was. A
/// compiled function belongs to one thread at a time.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// // The Rosenbrock function; its minimum is f(1, 1) = 0.
/// CompiledFunction rosenbrock = Gradients.Compile(v => 100 * (v[1] - v[0] * v[0]).Pow(2) + (1 - v[0]).Pow(2), [0.0, 0.0]);
/// double[] gradient = new double[2];
/// double value = rosenbrock.Evaluate([-1.2, 1.0], gradient); // 24.2; gradient is (-215.6, -88)
/// </code>
/// </example>
public sealed class CompiledFunction
{
    // Operations whose derivative, built as a graph by Gradients.Of with createGraph: true, has the same shape at
    // every point: no branch on the numbers. The derivative graph of a function made only of these is built once
    // and replayed; any other operation (a kink, a power with a value as exponent, an operation of your own) may
    // choose a different shape at a different point, so its derivative graph is built again at each point.
    private static readonly HashSet<string> s_sameShapeDerivatives = new(StringComparer.Ordinal)
    {
        "+", "-", "*", "/", "neg", "exp", "log", "tanh", "sigmoid", "sin", "cos", "sqrt", "sum", "dot",
    };

    private readonly Func<IReadOnlyList<Value>, Value> _function;
    private readonly Value[] _inputs; // one leaf per coordinate
    private readonly CompiledGraph _program; // the function's graph
    private readonly KeptGradients _kept; // the graph's other leaves: constants and captured values
    private readonly bool _derivativeKeepsItsShape;
    private SecondOrder? _secondOrder; // built at the first Hessian when _derivativeKeepsItsShape

    internal CompiledFunction(Func<IReadOnlyList<Value>, Value> function, Value[] inputs, Value output)
    {
        _function = function;
        _inputs = inputs;
        _program = output.Compile();
        _kept = new KeptGradients(output, inputs, out _derivativeKeepsItsShape);
    }

    /// <summary>The number of coordinates of a point: the length of the point the function was compiled at.</summary>
    public int InputCount => _inputs.Length;

    /// <summary>
    /// The value of the function at <paramref name="point"/>: a forward replay only, cheaper than
    /// <see cref="Evaluate(ReadOnlySpan{double}, Span{double})"/>. Allocates nothing.
    /// </summary>
    /// <param name="point">The point, <see cref="InputCount"/> numbers.</param>
    /// <returns>f(point).</returns>
    /// <exception cref="ArgumentException"><paramref name="point"/> does not have <see cref="InputCount"/> numbers.</exception>
    public double Evaluate(ReadOnlySpan<double> point)
    {
        CheckLength(point.Length, nameof(point));
        MoveTo(point);
        _program.Forward();
        return _program.Output.Data;
    }

    /// <summary>
    /// The value of the function at <paramref name="point"/>, and its gradient there written to
    /// <paramref name="gradient"/>: one forward and one backward replay. Allocates nothing.
    /// </summary>
    /// <param name="point">The point, <see cref="InputCount"/> numbers.</param>
    /// <param name="gradient">Receives ∂f/∂xᵢ for each coordinate; <see cref="InputCount"/> numbers long.</param>
    /// <returns>f(point).</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="point"/> or <paramref name="gradient"/> does not have <see cref="InputCount"/> numbers.
    /// </exception>
    public double Evaluate(ReadOnlySpan<double> point, Span<double> gradient)
    {
        CheckLength(point.Length, nameof(point));
        CheckLength(gradient.Length, nameof(gradient));
        MoveTo(point);
        _program.Forward();
        Backward(_program, _kept);
        for (int i = 0; i < gradient.Length; i++)
        {
            gradient[i] = _inputs[i].Grad;
        }

        return _program.Output.Data;
    }

    /// <summary>
    /// The matrix of second derivatives at <paramref name="point"/>, H[i, j] = ∂²f/∂xᵢ∂xⱼ: the numbers
    /// <see cref="Gradients.Hessian"/> gives, bit for bit, without calling the function again.
    /// </summary>
    /// <param name="point">The point, <see cref="InputCount"/> numbers.</param>
    /// <returns>The n × n Hessian.</returns>
    /// <remarks>
    /// The gradient is built once as a graph and replayed when every operation of the function has a derivative of
    /// the same shape everywhere (arithmetic, powers with a constant exponent, <c>Exp</c>, <c>Log</c>, <c>Tanh</c>,
    /// <c>Sigmoid</c>, <c>Sin</c>, <c>Cos</c>, <c>Sqrt</c>, <c>Sum</c>, <c>Dot</c>); otherwise it is built again
    /// at each point on the replayed graph. Then each row is a backward sweep of its own component of the gradient:
    /// replayed from a compiled program when those programs are small together (a sparse Hessian, as the chained
    /// Rosenbrock function's), with <see cref="Gradients.Of"/> otherwise.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="point"/> does not have <see cref="InputCount"/> numbers.</exception>
    /// <exception cref="NotSupportedException">
    /// The graph holds an operation of your own whose local gradients were not given as values.
    /// </exception>
    public double[,] Hessian(ReadOnlySpan<double> point)
    {
        CheckLength(point.Length, nameof(point));
        IReadOnlyList<Value> gradient = GradientGraphAt(point);
        int n = _inputs.Length;
        var hessian = new double[n, n];
        if (_secondOrder?.Rows() is { } rows)
        {
            // Each row is one backward replay of that gradient component's own small program.
            _secondOrder.Kept.Save();
            for (int i = 0; i < n; i++)
            {
                foreach (Value input in _inputs)
                {
                    input.Grad = 0;
                }

                rows[i].Backward();
                for (int j = 0; j < n; j++)
                {
                    hessian[i, j] = _inputs[j].Grad;
                }
            }

            _secondOrder.Kept.Restore();
            return hessian;
        }

        for (int i = 0; i < n; i++)
        {
            IReadOnlyList<Value> row = Gradients.Of(gradient[i], _inputs);
            for (int j = 0; j < n; j++)
            {
                hessian[i, j] = row[j].Data;
            }
        }

        return hessian;
    }

    /// <summary>
    /// The Hessian at <paramref name="point"/> times <paramref name="vector"/>, H·v, written to
    /// <paramref name="product"/>: the numbers <see cref="Gradients.HessianVectorProduct"/> gives, bit for bit,
    /// in two sweeps whatever the number of inputs. Allocates nothing after the first call when the function's
    /// derivative keeps its shape (see <see cref="Hessian"/>).
    /// </summary>
    /// <param name="point">The point, <see cref="InputCount"/> numbers.</param>
    /// <param name="vector">The vector v, <see cref="InputCount"/> numbers.</param>
    /// <param name="product">Receives H·v; <see cref="InputCount"/> numbers long.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="point"/>, <paramref name="vector"/> or <paramref name="product"/> does not have
    /// <see cref="InputCount"/> numbers.
    /// </exception>
    /// <exception cref="NotSupportedException">
    /// The graph holds an operation of your own whose local gradients were not given as values.
    /// </exception>
    public void HessianVectorProduct(ReadOnlySpan<double> point, ReadOnlySpan<double> vector, Span<double> product)
    {
        CheckLength(point.Length, nameof(point));
        CheckLength(vector.Length, nameof(vector));
        CheckLength(product.Length, nameof(product));
        if (_derivativeKeepsItsShape)
        {
            SecondOrder secondOrder = _secondOrder ??= new SecondOrder(_program.Output, _inputs);
            MoveTo(point);
            for (int i = 0; i < vector.Length; i++)
            {
                secondOrder.Directions[i].Data = vector[i];
            }

            secondOrder.Program.Forward();
            Backward(secondOrder.Program, secondOrder.Kept);
            for (int i = 0; i < product.Length; i++)
            {
                product[i] = _inputs[i].Grad;
            }

            return;
        }

        IReadOnlyList<Value> gradient = GradientGraphAt(point);
        var directions = new Value[vector.Length];
        for (int i = 0; i < directions.Length; i++)
        {
            directions[i] = new Value(vector[i]);
        }

        IReadOnlyList<Value> result = Gradients.Of(Value.Dot(gradient, directions), _inputs);
        for (int i = 0; i < product.Length; i++)
        {
            product[i] = result[i].Data;
        }
    }

    /// <summary>
    /// Whether replaying at <paramref name="point"/> gives what calling the function again there and
    /// back-propagating gives: the same value and the same gradient, bit for bit (any NaN matching any NaN). A
    /// <see langword="false"/> means the function chose its graph by reading <see cref="Value.Data"/> (an
    /// <c>if</c>, a loop, a number taken out of the graph) and chooses differently at this point: compile it
    /// there, or write the choice with graph operations (<see cref="Value.Max"/>, <see cref="Value.Relu"/>, ...).
    /// </summary>
    /// <param name="point">Where to compare, <see cref="InputCount"/> numbers.</param>
    /// <returns><see langword="true"/> when the replay and the rebuild agree.</returns>
    /// <exception cref="ArgumentException"><paramref name="point"/> does not have <see cref="InputCount"/> numbers.</exception>
    /// <exception cref="InvalidOperationException">The function returned <see langword="null"/>.</exception>
    /// <example>
    /// <code>
    /// // Frozen control flow: at the compile point x &gt; 0, so the graph is x * x everywhere.
    /// CompiledFunction f = Gradients.Compile(v => v[0].Data &gt; 0 ? v[0] * v[0] : -v[0], [1.0]);
    /// Console.WriteLine(f.MatchesRebuild([2.0]));  // True
    /// Console.WriteLine(f.MatchesRebuild([-2.0])); // False: a rebuild takes the other branch
    /// </code>
    /// </example>
    public bool MatchesRebuild(ReadOnlySpan<double> point)
    {
        double[] coordinates = point.ToArray();
        var gradient = new double[coordinates.Length];
        double value = Evaluate(coordinates, gradient); // checks the point's length
        (double rebuiltValue, double[] rebuiltGradient) = Gradients.ValueAndGradient(_function, coordinates);
        bool same = Same(value, rebuiltValue);
        for (int i = 0; i < gradient.Length; i++)
        {
            same &= Same(gradient[i], rebuiltGradient[i]);
        }

        return same;
    }

    /// <summary>Returns a short description, such as <c>CompiledFunction(2 inputs, 9 values)</c>.</summary>
    /// <returns>The number of inputs and of values the function computes.</returns>
    public override string ToString() =>
        "CompiledFunction(" + ArgumentChecks.Count(InputCount, "input") + ", " + ArgumentChecks.Count(_program.Count, "value") + ")";

    private static bool Same(double a, double b) =>
        BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b) || (double.IsNaN(a) && double.IsNaN(b));

    /// <summary>Sets the inputs to <paramref name="point"/> and their gradients to 0, ready for a backward replay.</summary>
    private void MoveTo(ReadOnlySpan<double> point)
    {
        Value[] inputs = _inputs;
        for (int i = 0; i < inputs.Length; i++)
        {
            inputs[i].Data = point[i];
            inputs[i].Grad = 0;
        }
    }

    /// <summary>Back-propagates through <paramref name="program"/>, leaving the gradients of leaves other than the inputs as they were.</summary>
    private static void Backward(CompiledGraph program, KeptGradients kept)
    {
        kept.Save();
        program.Backward();
        kept.Restore();
    }

    /// <summary>The gradient as a graph over the inputs, its data computed at <paramref name="point"/>.</summary>
    private IReadOnlyList<Value> GradientGraphAt(ReadOnlySpan<double> point)
    {
        MoveTo(point);
        if (_derivativeKeepsItsShape)
        {
            SecondOrder secondOrder = _secondOrder ??= new SecondOrder(_program.Output, _inputs);
            secondOrder.Program.Forward();
            return secondOrder.Gradient;
        }

        _program.Forward();
        return Gradients.Of(_program.Output, _inputs, createGraph: true);
    }

    private void CheckLength(int length, string parameterName)
    {
        if (length != _inputs.Length)
        {
            throw new ArgumentException(
                "The function has " + _inputs.Length + " inputs, but " + parameterName + " has " + length + " numbers.",
                parameterName);
        }
    }

    private static bool KeepsItsShape(string operation) =>
        s_sameShapeDerivatives.Contains(operation)
        || (operation.Length > 2 && operation.StartsWith("**", StringComparison.Ordinal)); // a constant exponent, "**2"

    /// <summary>
    /// The gradient of the function as a graph, built once over its graph, and its product with a vector of leaves,
    /// compiled: replaying it gives H·v at a new point, and recomputes the gradient graph on the way.
    /// </summary>
    private sealed class SecondOrder
    {
        private CompiledGraph[]? _rows;
        private bool _rowsTried;

        public SecondOrder(Value output, Value[] inputs)
        {
            Gradient = Gradients.Of(output, inputs, createGraph: true);
            Directions = new Value[inputs.Length];
            for (int i = 0; i < Directions.Length; i++)
            {
                Directions[i] = new Value(0.0);
            }

            Value product = Value.Dot(Gradient, Directions);
            Program = product.Compile();
            Kept = new KeptGradients(product, inputs, out _);
        }

        public IReadOnlyList<Value> Gradient { get; }

        public Value[] Directions { get; }

        /// <summary>
        /// One compiled program per component of the gradient, for the Hessian's rows, or <see langword="null"/> when
        /// together they would be more than a few times the size of <see cref="Program"/>: a sparse Hessian (each
        /// component depends on few values, as in the chained Rosenbrock function) then costs about one sweep of
        /// the whole graph instead of one sweep per row.
        /// </summary>
        public CompiledGraph[]? Rows()
        {
            if (_rowsTried)
            {
                return _rows;
            }

            _rowsTried = true;
            long budget = (4L * Program.Count) + Gradient.Count;
            long total = 0;
            var rows = new CompiledGraph[Gradient.Count];
            for (int i = 0; i < rows.Length; i++)
            {
                rows[i] = Gradient[i].Compile();
                total += rows[i].Count;
                if (total > budget)
                {
                    return null; // dense: each row is a sweep of Gradients.Of instead
                }
            }

            _rows = rows;
            return rows;
        }

        public CompiledGraph Program { get; }

        public KeptGradients Kept { get; }
    }

    /// <summary>
    /// The leaves of a graph other than the inputs (constants, and values the function captured), whose gradients a
    /// backward replay would add to: saved before it and put back after.
    /// </summary>
    private sealed class KeptGradients
    {
        private readonly Value[] _leaves;
        private readonly double[] _gradients;

        /// <summary>Finds the leaves of <paramref name="output"/>'s graph, and whether all its operations have derivatives of one shape.</summary>
        public KeptGradients(Value output, Value[] inputs, out bool derivativeKeepsItsShape)
        {
            var isInput = new HashSet<Value>(inputs, ReferenceComparer.Instance);
            var leaves = new List<Value>();
            derivativeKeepsItsShape = true;
            if (output.IsLeaf)
            {
                if (!isInput.Contains(output))
                {
                    leaves.Add(output);
                }
            }
            else
            {
                // The engine's one sort gives the interior values; their leaf inputs are the rest.
                var seen = new HashSet<Value>(ReferenceComparer.Instance);
                using Value.Traversal.Sorted order = Value.Traversal.Sort(output, zeroGradients: false);
                for (int i = 0; i < order.Count; i++)
                {
                    Value.Node node = order.Node(i);
                    derivativeKeepsItsShape &= KeepsItsShape(node.Name);
                    foreach (Value input in node.InputList)
                    {
                        if (input.IsLeaf && !isInput.Contains(input) && seen.Add(input))
                        {
                            leaves.Add(input);
                        }
                    }
                }
            }

            _leaves = leaves.ToArray();
            _gradients = new double[_leaves.Length];
        }

        public void Save()
        {
            for (int i = 0; i < _leaves.Length; i++)
            {
                _gradients[i] = _leaves[i].Grad;
            }
        }

        public void Restore()
        {
            for (int i = 0; i < _leaves.Length; i++)
            {
                _leaves[i].Grad = _gradients[i];
            }
        }
    }
}

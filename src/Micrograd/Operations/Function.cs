using System;
using System.Collections.Generic;

namespace Micrograd;

public partial class Value
{
    /// <summary>
    /// An operation of your own, in the style of micrograd's 2026 engine: you compute the result and its local
    /// derivatives (the partial derivative of the result with respect to each input, at these inputs), and
    /// <see cref="Backward"/> does the chaining. The new value's <see cref="Operator"/> is <paramref name="name"/>, and
    /// it takes part in <see cref="Inputs"/> and the graph pictures like any built-in operation.
    /// </summary>
    /// <param name="name">The operation's name, shown by <see cref="Operator"/> and in graph pictures.</param>
    /// <param name="inputs">The values the result is computed from. A value may appear more than once.</param>
    /// <param name="data">The result.</param>
    /// <param name="localGradients">∂result/∂input for each input, in the same order.</param>
    /// <returns>A new value whose gradient flows to <c>inputs[i]</c> times <c>localGradients[i]</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/>, <paramref name="inputs"/> or <paramref name="localGradients"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="inputs"/> contains <see langword="null"/>, or the two lists have different lengths.</exception>
    /// <example>
    /// <code>
    /// // softsign(x) = x / (1 + |x|), with d/dx = 1 / (1 + |x|)²
    /// static Value Softsign(Value x)
    /// {
    ///     double d = 1 + Math.Abs(x.Data);
    ///     return Value.Function("softsign", [x], x.Data / d, [1 / (d * d)]);
    /// }
    /// </code>
    /// </example>
    public static Value Function(string name, IReadOnlyList<Value> inputs, double data, IReadOnlyList<double> localGradients)
    {
        CheckFunctionArguments(name, inputs, localGradients?.Count);
        Value[] ownInputs = CopyInputs(inputs, nameof(inputs));
        var ownGradients = new double[inputs.Count];
        for (int i = 0; i < ownGradients.Length; i++)
        {
            ownGradients[i] = localGradients![i];
        }

        return new FunctionNode(name!, ownInputs, data, ownGradients);
    }

    /// <summary>
    /// An operation of your own whose local derivatives are themselves values computed from the inputs, so that
    /// <see cref="Gradients.Of"/> with <c>createGraph: true</c> can differentiate through it again, to any order.
    /// Otherwise the same as <see cref="Function(string, IReadOnlyList{Value}, double, IReadOnlyList{double})"/>,
    /// which stops a second derivative with a <see cref="NotSupportedException"/>.
    /// </summary>
    /// <param name="name">The operation's name, shown by <see cref="Operator"/> and in graph pictures.</param>
    /// <param name="inputs">The values the result is computed from. A value may appear more than once.</param>
    /// <param name="data">The result.</param>
    /// <param name="localGradients">
    /// ∂result/∂input for each input, in the same order, built from the inputs with <see cref="Value"/> arithmetic.
    /// <see cref="Backward"/> uses their data; <see cref="Gradients.Of"/> differentiates them.
    /// </param>
    /// <returns>A new value whose gradient flows to <c>inputs[i]</c> times <c>localGradients[i]</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/>, <paramref name="inputs"/> or <paramref name="localGradients"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Either list contains <see langword="null"/>, or the two have different lengths.</exception>
    /// <example>
    /// <code>
    /// // softsign(x) = x / (1 + |x|), with d/dx = 1 / (1 + |x|)², as a value so that it has derivatives too
    /// static Value Softsign(Value x)
    /// {
    ///     Value d = 1 + x.Abs();
    ///     return Value.Function("softsign", [x], x.Data / d.Data, [1 / (d * d)]);
    /// }
    /// </code>
    /// </example>
    public static Value Function(string name, IReadOnlyList<Value> inputs, double data, IReadOnlyList<Value> localGradients)
    {
        CheckFunctionArguments(name, inputs, localGradients?.Count);
        Value[] ownInputs = CopyInputs(inputs, nameof(inputs));
        Value[] gradientValues = CopyInputs(localGradients!, nameof(localGradients));
        double[] ownGradients = Array.ConvertAll(gradientValues, gradient => gradient._data);
        return new FunctionNode(name!, ownInputs, data, ownGradients, gradientValues: gradientValues);
    }

    /// <summary>
    /// An operation of your own, given as a function that computes the result and the local derivatives from the
    /// inputs' data. Unlike <see cref="Function(string, IReadOnlyList{Value}, double, IReadOnlyList{double})"/>,
    /// the node can compute itself again, so a <see cref="CompiledGraph"/> can replay it.
    /// </summary>
    /// <param name="name">The operation's name, shown by <see cref="Operator"/> and in graph pictures.</param>
    /// <param name="inputs">The values the result is computed from.</param>
    /// <param name="evaluate">
    /// Given the inputs' data (first argument) and an array to fill with ∂result/∂input for each input (second
    /// argument, as long as the inputs), returns the result. It is called now and again at every
    /// <see cref="CompiledGraph.Forward"/>; both arrays are reused from call to call.
    /// </param>
    /// <returns>A new value whose gradient flows to each input times its local gradient.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/>, <paramref name="inputs"/> or <paramref name="evaluate"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="inputs"/> contains <see langword="null"/>.</exception>
    /// <example>
    /// <code>
    /// static Value Softsign(Value x) => Value.Function("softsign", [x], (input, gradients) =>
    /// {
    ///     double d = 1 + Math.Abs(input[0]);
    ///     gradients[0] = 1 / (d * d);
    ///     return input[0] / d;
    /// });
    /// </code>
    /// </example>
    public static Value Function(string name, IReadOnlyList<Value> inputs, Func<double[], double[], double> evaluate)
    {
        if (name is null)
        {
            ThrowArgumentNull(nameof(name));
        }

        if (inputs is null)
        {
            ThrowArgumentNull(nameof(inputs));
        }

        if (evaluate is null)
        {
            ThrowArgumentNull(nameof(evaluate));
        }

        Value[] ownInputs = CopyInputs(inputs!, nameof(inputs));

        var node = new FunctionNode(name!, ownInputs, 0.0, new double[ownInputs.Length], evaluate);
        node.Recompute();
        return node;
    }

    /// <summary>The checks both overloads with local gradients share; <paramref name="gradientCount"/> is null for a null list.</summary>
    private static void CheckFunctionArguments(string name, IReadOnlyList<Value> inputs, int? gradientCount)
    {
        if (name is null)
        {
            ThrowArgumentNull(nameof(name));
        }

        if (inputs is null)
        {
            ThrowArgumentNull(nameof(inputs));
        }

        if (gradientCount is null)
        {
            ThrowArgumentNull("localGradients");
        }

        if (gradientCount != inputs!.Count)
        {
            throw new ArgumentException(
                "There must be one local gradient per input: inputs has " + inputs.Count + " values and localGradients has " + gradientCount + ".",
                "localGradients");
        }
    }

    private static Value[] CopyInputs(IReadOnlyList<Value> inputs, string parameterName)
    {
        Value[] copy = Copy(inputs);
        for (int i = 0; i < copy.Length; i++)
        {
            if (copy[i] is null)
            {
                throw new ArgumentException("The list must not contain null (index " + i + ").", parameterName);
            }
        }

        return copy;
    }

    /// <summary>A user-defined operation: its result and local gradients were computed by the caller.</summary>
    private sealed class FunctionNode : WideNode
    {
        private readonly string _name;
        private readonly Value[] _inputs;
        private readonly double[] _localGradients;
        private readonly bool _hasInterior;
        private readonly Func<double[], double[], double>? _evaluate; // null when the caller gave numbers
        private readonly double[]? _inputData;
        private readonly Value[]? _gradientValues; // the local gradients as values, when the caller gave them so

        public FunctionNode(
            string name, Value[] inputs, double data, double[] localGradients, Func<double[], double[], double>? evaluate = null, Value[]? gradientValues = null)
            : base(data)
        {
            _name = name;
            _inputs = inputs;
            _localGradients = localGradients;
            _hasInterior = Array.Exists(inputs, input => input._isInterior);
            _evaluate = evaluate;
            _inputData = evaluate is null ? null : new double[inputs.Length];
            _gradientValues = gradientValues;
        }

        private protected override string? NotReplayableBecause => _evaluate is not null
            ? null
            : "the user-defined operation '" + _name + "' was given its value and local gradients as numbers, so it "
              + "cannot compute them again for new inputs; make it with the Value.Function overload that takes an evaluate function";

        public override double[] LocalDerivatives(out string formula)
        {
            formula = "out = " + _name + "(…):  ∂out/∂inputᵢ as given by its definition";
            return (double[])_localGradients.Clone();
        }

        // The caller's function computes the value and fills the local gradients again. Compile refuses a node
        // without one (NotReplayableBecause), so it is there whenever this runs.
        private protected override void Recompute()
        {
            double[] inputData = _inputData!;
            for (int i = 0; i < inputData.Length; i++)
            {
                inputData[i] = _inputs[i]._data;
            }

            _data = _evaluate!(inputData, _localGradients);
        }

        // d(result)/d(input i) = localGradients[i], as given: numbers, or values that have derivatives of their own
        public override void PropagateToInputs(Scalar gradient, Adjoints adjoints)
        {
            if (adjoints.CreateGraph && _gradientValues is null)
            {
                throw new NotSupportedException(
                    "Cannot differentiate through the user-defined operation '" + _name + "' with createGraph: true: its local "
                    + "gradients are numbers, which have no derivatives of their own. Build it with the Value.Function "
                    + "overload whose localGradients are values computed from the inputs (Value.Function(name, inputs, data, "
                    + "IReadOnlyList<Value> localGradients)); that one can be differentiated to any order.");
            }

            for (int i = 0; i < _inputs.Length; i++)
            {
                Scalar local = _gradientValues is null ? _localGradients[i] : adjoints.Operand(_gradientValues[i]);
                adjoints.Add(_inputs[i], gradient * local);
            }
        }

        // d(result)/d(input i) = localGradients[i], as given
        private protected override void PropagateToInputs()
        {
            double gradient = _grad;
            for (int i = 0; i < _inputs.Length; i++)
            {
                _inputs[i]._grad += gradient * _localGradients[i];
            }
        }

        private protected override string OperatorName => _name;

        private protected override IReadOnlyList<Value> InputList => Array.AsReadOnly(_inputs);

        public override int PushInputs(ref Slot[] stack, int top, uint expanded) =>
            _hasInterior ? PushUnvisited(_inputs, ref stack, top, expanded) : top;
    }
}

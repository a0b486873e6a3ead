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
        if (name is null)
        {
            ThrowArgumentNull(nameof(name));
        }

        if (inputs is null)
        {
            ThrowArgumentNull(nameof(inputs));
        }

        if (localGradients is null)
        {
            ThrowArgumentNull(nameof(localGradients));
        }

        if (localGradients!.Count != inputs!.Count)
        {
            throw new ArgumentException(
                "There must be one local gradient per input: inputs has " + inputs.Count + " values and localGradients has " + localGradients.Count + ".",
                nameof(localGradients));
        }

        var ownInputs = new Value[inputs.Count];
        var ownGradients = new double[inputs.Count];
        for (int i = 0; i < ownInputs.Length; i++)
        {
            ownInputs[i] = inputs[i] ?? throw new ArgumentException("The inputs must not contain null (index " + i + ").", nameof(inputs));
            ownGradients[i] = localGradients[i];
        }

        return new FunctionNode(name!, ownInputs, data, ownGradients);
    }

    /// <summary>A user-defined operation: its result and local gradients were computed by the caller.</summary>
    private sealed class FunctionNode : Value
    {
        private readonly string _name;
        private readonly Value[] _inputs;
        private readonly double[] _localGradients;
        private readonly bool _hasInterior;

        public FunctionNode(string name, Value[] inputs, double data, double[] localGradients)
            : base(data, isInterior: true)
        {
            _name = name;
            _inputs = inputs;
            _localGradients = localGradients;
            _hasInterior = Array.Exists(inputs, input => input._isInterior);
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

        private protected override int PushInputs(ref Value[] stack, int top, uint expanded) =>
            _hasInterior ? PushUnvisited(_inputs, ref stack, top, expanded) : top;
    }
}

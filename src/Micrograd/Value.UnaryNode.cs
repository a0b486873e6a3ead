using System.Collections.Generic;

namespace Micrograd;

public partial class Value
{
    /// <summary>Applies a unary function to a value: one new node.</summary>
    internal static Value Unary<TFunction>(Value input, TFunction function)
        where TFunction : struct, IUnaryFunction =>
        new UnaryNode<TFunction>(input, function);

    /// <summary>A value computed from one input; the graph-walking half, shared by every unary function.</summary>
    private abstract class UnaryNode : Node
    {
        internal readonly Value Input;

        protected UnaryNode(double data, Value input)
            : base(data, NodeShape.Unary)
        {
            Input = input;
        }

        private protected override IReadOnlyList<Value> InputList => new[] { Input };
    }

    /// <summary>
    /// A value computed by <typeparamref name="TFunction"/> from one input. The function is a struct, so each
    /// function gets its own compiled copy of this class with the function's code inlined.
    /// </summary>
    private sealed class UnaryNode<TFunction> : UnaryNode
        where TFunction : struct, IUnaryFunction
    {
        private TFunction _function; // empty for most functions; the exponent of a constant power, the slope of a leaky ReLU

        public UnaryNode(Value input, TFunction function)
            : base(function.Forward(input._data), input)
        {
            _function = function;
        }

        private protected override string OperatorName => _function.Name;

        private protected override void Recompute() => _data = _function.Forward(Input._data);

        public override double[] LocalDerivatives(out string formula)
        {
            double derivative = _function.Backward(1.0, Input._data, _data).Number;
            formula = "out = " + _function.Name + "(a):  ∂out/∂a = " + _function.DerivativeText + " = " + Format(derivative);
            return [derivative];
        }

        public override void PropagateToInputs(Scalar gradient, Adjoints adjoints) =>
            adjoints.Add(Input, _function.Backward(gradient, adjoints.Operand(Input), adjoints.Operand(this)));

        private protected override void PropagateToInputs() =>
            Input._grad += _function.Backward(_grad, Input._data, _data).Number;
    }
}

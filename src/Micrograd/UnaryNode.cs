using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Micrograd;

/// <summary>
/// A function of one value: its name, its forward value y = f(x), and its chain rule. Each built-in unary operation
/// is one such struct under <c>Operations/</c>.
/// </summary>
internal interface IUnaryFunction
{
    /// <summary>The operation's name, as <see cref="Value.Operator"/> shows it.</summary>
    string Name { get; }

    /// <summary>The local derivative as a person reads it, in terms of the input <c>a</c> and the output <c>out</c>, such as <c>"1 − out²"</c>.</summary>
    string DerivativeText { get; }

    /// <summary>The forward value y = f(x).</summary>
    double Forward(double x);

    /// <summary>
    /// The chain rule: <paramref name="gradient"/> (dL/dy) times dy/dx, given the input <paramref name="x"/> and the
    /// output <paramref name="y"/>. One expression, so that a derivative that is a mask (ReLU) can pass or block the
    /// gradient rather than multiply it by 0 (∞ × 0 would be NaN).
    /// </summary>
    Scalar Backward(Scalar gradient, Scalar x, Scalar y);
}

public partial class Value
{
    /// <summary>Applies a unary function to a value: one new node.</summary>
    internal static Value Unary<TFunction>(Value input, TFunction function)
        where TFunction : struct, IUnaryFunction =>
        new UnaryNode<TFunction>(input, function);

    /// <summary>A value computed from one input: the input the traversal reads.</summary>
    private abstract class UnaryNode : Node
    {
        public readonly Value Input;

        protected UnaryNode(double data, Value input)
            : base(data, NodeShape.Unary) => Input = input;

        public override IReadOnlyList<Value> InputList => new[] { Input };
    }

    /// <summary>
    /// A value computed by <typeparamref name="TFunction"/> from one input. The function is a struct, so each function
    /// gets its own compiled copy of this class, with the function's code inlined.
    /// </summary>
    private sealed class UnaryNode<TFunction> : UnaryNode
        where TFunction : struct, IUnaryFunction
    {
        private readonly TFunction _function; // empty for most; the exponent of a constant power, the slope of a leaky ReLU

        public UnaryNode(Value input, TFunction function)
            : base(function.Forward(input._data), input) => _function = function;

        public override string Name => _function.Name;

        public override string DerivativeText => "out = " + _function.Name + "(a):  ∂out/∂a = " + _function.DerivativeText + " = {0}";

        public override void Forward() => _data = _function.Forward(Input._data);

        private protected override void Backward(IntoGrad sink) => Backward(_grad, sink);

        private protected override void Backward(Scalar gradient, Adjoints sink) => Backward(gradient, sink.Into);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Backward<TSink>(Scalar gradient, TSink sink)
            where TSink : struct, IGradientSink =>
            sink.Add(Input, _function.Backward(gradient, sink.Operand(Input), sink.Operand(this)));
    }
}

using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Micrograd;

// What an operation is made of. An operation (a file under Operations/) states three things side by side: its name,
// its forward value, and its local derivative written as the chain rule over Scalar, which Backward() uses with
// numbers and Gradients.Of uses again with values to build a differentiable graph. The node types here carry
// those definitions into the graph: a node holds its inputs, computes its data with the forward value, and passes
// its gradient on to its inputs with the chain rule. That is all a node type provides.

/// <summary>A function of two values: its name, its forward value y = f(a, b), and its chain rule. Each built-in binary operation is one such struct.</summary>
internal interface IBinaryFunction
{
    /// <summary>The operation's name, as <see cref="Value.Operator"/> shows it.</summary>
    string Name { get; }

    /// <summary>The two local derivatives as a person reads them, in terms of <c>a</c>, <c>b</c> and <c>out</c>, such as <c>("b", "a")</c>.</summary>
    (string Left, string Right) DerivativeTexts { get; }

    /// <summary>The forward value y = f(a, b).</summary>
    double Forward(double a, double b);

    /// <summary>The chain rule: <paramref name="gradient"/> (dL/dy) times dy/da and times dy/db.</summary>
    (Scalar Left, Scalar Right) Backward(Scalar gradient, Scalar a, Scalar b, Scalar y);
}

/// <summary>
/// Where a chain rule sends what it passes on: the inputs' <see cref="Value.Grad"/> (<see cref="IntoGrad"/>), or a
/// <see cref="Adjoints"/> table that keeps gradients apart from them (<see cref="Gradients.Of"/>, the graph page).
/// </summary>
internal interface IGradientSink
{
    /// <summary>Whether the gradients are values of a new graph (<c>createGraph: true</c>) rather than numbers.</summary>
    bool BuildsGraph { get; }

    /// <summary>
    /// Whether a contribution that is exactly zero may be left out. True only where numbers are added into
    /// <see cref="Value.Grad"/>; a sink that builds a graph needs every term to differentiate it again.
    /// </summary>
    bool MaySkipZeros { get; }

    /// <summary>A value as the chain rule reads it: its number, or the value itself when building a graph.</summary>
    Scalar Operand(Value value);

    /// <summary>Adds <paramref name="contribution"/> to the gradient of <paramref name="input"/>.</summary>
    void Add(Value input, Scalar contribution);
}

/// <summary>The sink of <see cref="Value.Backward"/>: numbers, added to each input's <see cref="Value.Grad"/>.</summary>
internal readonly struct IntoGrad : IGradientSink
{
    public bool BuildsGraph => false;

    public bool MaySkipZeros => true;

    public Scalar Operand(Value value) => value.Data;

    public void Add(Value input, Scalar contribution) => input.Grad += contribution.Number;
}

public partial class Value
{
    /// <summary>How the traversal reads a value's inputs: a unary or binary node's fields directly, any other node's through its lists.</summary>
    internal enum NodeShape : byte
    {
        Leaf,
        Unary,
        Binary,
        Wide,
    }

    /// <summary>
    /// An interior value: the contract every operation's node type fulfils. It has a name, inputs, a forward value
    /// (computed when the node is made and again when a <see cref="CompiledGraph"/> replays it), and a chain rule.
    /// </summary>
    internal abstract class Node : Value
    {
        private protected Node(double data, NodeShape shape)
            : base(data, shape)
        {
        }

        /// <summary>The operation's name; see <see cref="Value.Operator"/>.</summary>
        public abstract string Name { get; }

        /// <summary>The inputs in operand order; see <see cref="Value.Inputs"/>.</summary>
        public abstract IReadOnlyList<Value> InputList { get; }

        /// <summary>
        /// The node's formula and local derivatives as a person reads them, for the graph page, such as
        /// <c>"out = a * b:  ∂out/∂a = b = {0},  ∂out/∂b = a = {1}"</c>: <c>{i}</c> stands for the derivative with
        /// respect to input i, which the page writes in (Pictures/).
        /// </summary>
        public abstract string DerivativeText { get; }

        /// <summary>Computes <see cref="Value.Data"/> again from the inputs' current data, with the forward value.</summary>
        public abstract void Forward();

        /// <summary>
        /// The chain rule at this node: passes this node's gradient on to its inputs, each times the local
        /// derivative. Into their <see cref="Value.Grad"/> when <paramref name="sink"/> is <see langword="null"/> (as
        /// <see cref="Value.Backward"/> does), otherwise into <paramref name="sink"/>, whose gradient of this node is
        /// passed on.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)] // Backward(null) then is one virtual call
        public void Backward(Adjoints? sink)
        {
            if (sink is null)
            {
                Backward(new IntoGrad());
            }
            else if (sink.TryGetGradient(this, out Scalar gradient))
            {
                Backward(gradient, sink);
            }
        }

        // What a node type writes: two lines that run its one chain rule with these numbers or into a sink.
        private protected abstract void Backward(IntoGrad sink);

        private protected abstract void Backward(Scalar gradient, Adjoints sink);
    }

    /// <summary>Applies a binary function to two values: one new node.</summary>
    private static Value Binary<TFunction>(Value left, Value right, string leftName, string rightName)
        where TFunction : struct, IBinaryFunction
    {
        ArgumentChecks.NotNull(left, leftName);
        ArgumentChecks.NotNull(right, rightName);
        return new BinaryNode<TFunction>(left, right);
    }

    /// <summary>Applies a binary function to two values known not to be null: one new node.</summary>
    internal static Value BinaryOf<TFunction>(Value left, Value right)
        where TFunction : struct, IBinaryFunction =>
        new BinaryNode<TFunction>(left, right);

    /// <summary>A value computed from two inputs: the inputs the traversal reads.</summary>
    private abstract class BinaryNode : Node
    {
        public readonly Value Left;
        public readonly Value Right;

        protected BinaryNode(double data, Value left, Value right)
            : base(data, NodeShape.Binary)
        {
            Left = left;
            Right = right;
        }

        public override IReadOnlyList<Value> InputList => new[] { Left, Right };
    }

    /// <summary>A value computed by <typeparamref name="TFunction"/> from two inputs, with the function's code inlined.</summary>
    private sealed class BinaryNode<TFunction> : BinaryNode
        where TFunction : struct, IBinaryFunction
    {
        public BinaryNode(Value left, Value right)
            : base(default(TFunction).Forward(left._data, right._data), left, right)
        {
        }

        public override string Name => default(TFunction).Name;

        public override string DerivativeText
        {
            get
            {
                (string left, string right) = default(TFunction).DerivativeTexts;
                return "out = a " + default(TFunction).Name + " b:  ∂out/∂a = " + left + " = {0},  ∂out/∂b = " + right + " = {1}";
            }
        }

        public override void Forward() => _data = default(TFunction).Forward(Left._data, Right._data);

        private protected override void Backward(IntoGrad sink) => Backward(_grad, sink);

        private protected override void Backward(Scalar gradient, Adjoints sink) => Backward(gradient, sink.Into);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Backward<TSink>(Scalar gradient, TSink sink)
            where TSink : struct, IGradientSink
        {
            (Scalar left, Scalar right) = default(TFunction).Backward(
                gradient, sink.Operand(Left), sink.Operand(Right), sink.Operand(this));
            sink.Add(Left, left);
            sink.Add(Right, right);
        }
    }
}

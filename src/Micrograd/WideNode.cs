using System;
using System.Collections.Generic;

namespace Micrograd;

/// <summary>
/// An operation on any number of inputs (a sum, a dot product, an operation of your own), as a struct that holds its
/// inputs: its name, its forward value, and its chain rule, the same three things a unary or binary function states.
/// </summary>
internal interface IWideFunction
{
    /// <summary>The operation's name, as <see cref="Value.Operator"/> shows it.</summary>
    string Name { get; }

    /// <summary>The formula and local derivatives as a person reads them; see <see cref="Value.Node.DerivativeText"/>.</summary>
    string DerivativeText { get; }

    /// <summary>The inputs in operand order.</summary>
    IReadOnlyList<Value> Inputs { get; }

    /// <summary>The inputs as the traversal reads them.</summary>
    Value.InputLists Lists { get; }

    /// <summary>The forward value, from the inputs' current data.</summary>
    double Forward();

    /// <summary>The chain rule: <paramref name="gradient"/> (dL/dout) times ∂out/∂input, into <paramref name="sink"/> for each input.</summary>
    void Backward<TSink>(Scalar gradient, Scalar output, TSink sink)
        where TSink : struct, IGradientSink;
}

public partial class Value
{
    /// <summary>A node with any number of inputs, which the traversal reads through their lists.</summary>
    internal abstract class WideNode : Node
    {
        private protected WideNode(double data)
            : base(data, NodeShape.Wide)
        {
        }

        /// <summary>The inputs as the traversal reads them.</summary>
        public abstract InputLists Lists { get; }
    }

    /// <summary>A node computed by <typeparamref name="TFunction"/>, with the function's code inlined.</summary>
    private sealed class WideNode<TFunction> : WideNode
        where TFunction : struct, IWideFunction
    {
        private TFunction _function; // not read-only: a forward value may keep what its chain rule needs

        public WideNode(TFunction function)
            : base(function.Forward()) => _function = function;

        /// <summary>The operation this node computes.</summary>
        public TFunction Operation => _function;

        public override string Name => _function.Name;

        public override string DerivativeText => _function.DerivativeText;

        public override IReadOnlyList<Value> InputList => _function.Inputs;

        public override InputLists Lists => _function.Lists;

        public override void Forward() => _data = _function.Forward();

        private protected override void Backward(IntoGrad sink) => _function.Backward(_grad, _data, sink);

        private protected override void Backward(Scalar gradient, Adjoints sink) => _function.Backward(gradient, sink.Operand(this), sink.Into);
    }

    /// <summary>
    /// Inputs that several nodes share (those of one <see cref="AffineMap.Apply"/>, which every row takes): the
    /// traversal scans them once per sort. The call that shares them derives from this, so that it is one object.
    /// </summary>
    internal class SharedInputs
    {
        public SharedInputs(Value[] values)
        {
            Values = values;
            HasComputed = HasComputedValue(values);
        }

        public Value[] Values { get; }

        public bool HasComputed { get; }

        /// <summary>The sort that last scanned them.</summary>
        internal uint ScannedBy;
    }

    /// <summary>What the traversal reads of a wide node's inputs: up to one value and three lists, leaving out lists of leaves only.</summary>
    internal readonly struct InputLists
    {
        public InputLists(Value? single = null, Value[]? first = null, Value[]? second = null, SharedInputs? shared = null)
        {
            Single = single;
            First = first;
            Second = second;
            Shared = shared;
        }

        public Value? Single { get; }

        public Value[]? First { get; }

        public Value[]? Second { get; }

        public SharedInputs? Shared { get; }
    }

    /// <summary>Whether any of <paramref name="values"/> was computed by an operation: a list of leaves only needs no visit.</summary>
    internal static bool HasComputedValue(Value[] values)
    {
        foreach (Value value in values)
        {
            if (value._shape != NodeShape.Leaf)
            {
                return true;
            }
        }

        return false;
    }
}

using System.Collections.Generic;

namespace Micrograd;

public partial class Value
{
    /// <summary>Applies a binary function to two values: one new node.</summary>
    private static Value Binary<TFunction>(Value left, Value right, string leftName, string rightName)
        where TFunction : struct, IBinaryFunction
    {
        CheckNotNull(left, leftName);
        CheckNotNull(right, rightName);
        return new BinaryNode<TFunction>(left, right);
    }

    /// <summary>Applies a binary function to two values known not to be null: one new node.</summary>
    internal static Value BinaryOf<TFunction>(Value left, Value right)
        where TFunction : struct, IBinaryFunction =>
        new BinaryNode<TFunction>(left, right);

    /// <summary>A value computed from two inputs; the graph-walking half, shared by every binary function.</summary>
    private abstract class BinaryNode : Node
    {
        internal readonly Value Left;
        internal readonly Value Right;

        protected BinaryNode(double data, Value left, Value right)
            : base(data, NodeShape.Binary)
        {
            Left = left;
            Right = right;
        }

        private protected override IReadOnlyList<Value> InputList => new[] { Left, Right };
    }

    /// <summary>A value computed by <typeparamref name="TFunction"/> from two inputs, with the function's code inlined.</summary>
    private sealed class BinaryNode<TFunction> : BinaryNode
        where TFunction : struct, IBinaryFunction
    {
        public BinaryNode(Value left, Value right)
            : base(default(TFunction).Forward(left._data, right._data), left, right)
        {
        }

        private protected override string OperatorName => default(TFunction).Name;

        private protected override void Recompute() => _data = default(TFunction).Forward(Left._data, Right._data);

        public override double[] LocalDerivatives(out string formula)
        {
            (Scalar leftScalar, Scalar rightScalar) = default(TFunction).Backward(1.0, Left._data, Right._data, _data);
            double left = leftScalar.Number;
            double right = rightScalar.Number;
            (string leftText, string rightText) = default(TFunction).DerivativeTexts;
            formula = "out = a " + default(TFunction).Name + " b:  ∂out/∂a = " + leftText + " = " + Format(left)
                + ",  ∂out/∂b = " + rightText + " = " + Format(right);
            return [left, right];
        }

        public override void PropagateToInputs(Scalar gradient, Adjoints adjoints)
        {
            (Scalar left, Scalar right) = default(TFunction).Backward(
                gradient, adjoints.Operand(Left), adjoints.Operand(Right), adjoints.Operand(this));
            adjoints.Add(Left, left);
            adjoints.Add(Right, right);
        }

        private protected override void PropagateToInputs()
        {
            (Scalar left, Scalar right) = default(TFunction).Backward(_grad, Left._data, Right._data, _data);
            Left._grad += left.Number;
            Right._grad += right.Number;
        }
    }
}

using System.Runtime.CompilerServices;

namespace Micrograd;

// The four arithmetic operators and negation. Each operator is followed by its local derivative: the rule
// that Backward applies to pass this node's gradient (out._grad) on to its inputs. Inputs add to their
// gradient (+=) because a value used twice receives a contribution from each use.
public sealed partial class Value
{
    /// <summary>Converts a constant into a leaf <see cref="Value"/>, so that <c>2.0 * x</c> and <c>x + 1</c> read naturally.</summary>
    /// <param name="data">The constant.</param>
    /// <remarks>There is deliberately no conversion back to <see cref="double"/>: read <see cref="Data"/> instead, so that a value never silently drops out of the graph.</remarks>
    public static implicit operator Value(double data) => new(data);

    // ---- a + b ------------------------------------------------------------------------------------------

    /// <summary>Adds two values.</summary>
    /// <param name="left">The first operand.</param>
    /// <param name="right">The second operand.</param>
    /// <returns>A value whose gradient flows unchanged to both operands.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="left"/> or <paramref name="right"/> is <see langword="null"/>.</exception>
    public static Value operator +(Value left, Value right)
    {
        CheckOperands(left, right);
        return new(left._data + right._data, Operation.Add, left, right);
    }

    // d(a + b)/da = 1, d(a + b)/db = 1
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddBackward()
    {
        _left!._grad += _grad;
        Right._grad += _grad;
    }

    // ---- a - b ------------------------------------------------------------------------------------------

    /// <summary>Subtracts one value from another.</summary>
    /// <param name="left">The value to subtract from.</param>
    /// <param name="right">The value to subtract.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="left"/> or <paramref name="right"/> is <see langword="null"/>.</exception>
    public static Value operator -(Value left, Value right)
    {
        CheckOperands(left, right);
        return new(left._data - right._data, Operation.Subtract, left, right);
    }

    // d(a - b)/da = 1, d(a - b)/db = -1
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SubtractBackward()
    {
        _left!._grad += _grad;
        Right._grad -= _grad;
    }

    // ---- a * b ------------------------------------------------------------------------------------------

    /// <summary>Multiplies two values.</summary>
    /// <param name="left">The first factor.</param>
    /// <param name="right">The second factor.</param>
    /// <returns>The product.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="left"/> or <paramref name="right"/> is <see langword="null"/>.</exception>
    public static Value operator *(Value left, Value right)
    {
        CheckOperands(left, right);
        return new(left._data * right._data, Operation.Multiply, left, right);
    }

    // d(a * b)/da = b, d(a * b)/db = a
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void MultiplyBackward()
    {
        Value right = Right;
        _left!._grad += _grad * right._data;
        right._grad += _grad * _left._data;
    }

    // ---- a / b ------------------------------------------------------------------------------------------

    /// <summary>Divides one value by another. Division by zero gives an infinity or NaN, as in IEEE 754.</summary>
    /// <param name="left">The dividend.</param>
    /// <param name="right">The divisor.</param>
    /// <returns>The quotient.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="left"/> or <paramref name="right"/> is <see langword="null"/>.</exception>
    public static Value operator /(Value left, Value right)
    {
        CheckOperands(left, right);
        return new(left._data / right._data, Operation.Divide, left, right);
    }

    // d(a / b)/da = 1 / b, d(a / b)/db = -a / b²
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void DivideBackward()
    {
        Value right = Right;
        double divisor = right._data;
        _left!._grad += _grad / divisor;
        right._grad += -_grad * _left._data / (divisor * divisor);
    }

    // ---- -a ---------------------------------------------------------------------------------------------

    /// <summary>Negates a value.</summary>
    /// <param name="value">The value to negate.</param>
    /// <returns>The negation.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public static Value operator -(Value value)
    {
        if (value is null)
        {
            ThrowArgumentNull(nameof(value));
        }

        return new(-value!._data, Operation.Negate, value);
    }

    // d(-a)/da = -1
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void NegateBackward() => _left!._grad -= _grad;

    /// <summary>Returns the value itself: unary plus creates no node.</summary>
    /// <param name="value">The value.</param>
    /// <returns><paramref name="value"/>.</returns>
    public static Value operator +(Value value) => value;

    // ---- Mixed with double: the constant becomes a leaf, exactly as micrograd wraps it in a Value. ----------

    /// <summary>Adds a constant to a value.</summary>
    /// <param name="left">The value.</param>
    /// <param name="right">The constant.</param>
    /// <returns>The sum.</returns>
    public static Value operator +(Value left, double right) => left + new Value(right);

    /// <summary>Adds a value to a constant.</summary>
    /// <param name="left">The constant.</param>
    /// <param name="right">The value.</param>
    /// <returns>The sum.</returns>
    public static Value operator +(double left, Value right) => new Value(left) + right;

    /// <summary>Subtracts a constant from a value.</summary>
    /// <param name="left">The value.</param>
    /// <param name="right">The constant.</param>
    /// <returns>The difference.</returns>
    public static Value operator -(Value left, double right) => left - new Value(right);

    /// <summary>Subtracts a value from a constant.</summary>
    /// <param name="left">The constant.</param>
    /// <param name="right">The value.</param>
    /// <returns>The difference.</returns>
    public static Value operator -(double left, Value right) => new Value(left) - right;

    /// <summary>Multiplies a value by a constant.</summary>
    /// <param name="left">The value.</param>
    /// <param name="right">The constant.</param>
    /// <returns>The product.</returns>
    public static Value operator *(Value left, double right) => left * new Value(right);

    /// <summary>Multiplies a constant by a value.</summary>
    /// <param name="left">The constant.</param>
    /// <param name="right">The value.</param>
    /// <returns>The product.</returns>
    public static Value operator *(double left, Value right) => new Value(left) * right;

    /// <summary>Divides a value by a constant.</summary>
    /// <param name="left">The value.</param>
    /// <param name="right">The constant.</param>
    /// <returns>The quotient.</returns>
    public static Value operator /(Value left, double right) => left / new Value(right);

    /// <summary>Divides a constant by a value.</summary>
    /// <param name="left">The constant.</param>
    /// <param name="right">The value.</param>
    /// <returns>The quotient.</returns>
    public static Value operator /(double left, Value right) => new Value(left) / right;

    // ---- Named equivalents, for languages without operator overloading. --------------------------------------

    /// <summary>Adds two values; the same as <c>left + right</c>.</summary>
    /// <param name="left">The first operand.</param>
    /// <param name="right">The second operand.</param>
    /// <returns>The sum.</returns>
    public static Value Add(Value left, Value right) => left + right;

    /// <summary>Subtracts <paramref name="right"/> from <paramref name="left"/>; the same as <c>left - right</c>.</summary>
    /// <param name="left">The value to subtract from.</param>
    /// <param name="right">The value to subtract.</param>
    /// <returns>The difference.</returns>
    public static Value Subtract(Value left, Value right) => left - right;

    /// <summary>Multiplies two values; the same as <c>left * right</c>.</summary>
    /// <param name="left">The first factor.</param>
    /// <param name="right">The second factor.</param>
    /// <returns>The product.</returns>
    public static Value Multiply(Value left, Value right) => left * right;

    /// <summary>Divides <paramref name="left"/> by <paramref name="right"/>; the same as <c>left / right</c>.</summary>
    /// <param name="left">The dividend.</param>
    /// <param name="right">The divisor.</param>
    /// <returns>The quotient.</returns>
    public static Value Divide(Value left, Value right) => left / right;

    /// <summary>Negates a value; the same as <c>-value</c>.</summary>
    /// <param name="value">The value to negate.</param>
    /// <returns>The negation.</returns>
    public static Value Negate(Value value) => -value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CheckOperands(Value left, Value right)
    {
        if (left is null)
        {
            ThrowArgumentNull(nameof(left));
        }

        if (right is null)
        {
            ThrowArgumentNull(nameof(right));
        }
    }
}

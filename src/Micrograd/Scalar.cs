using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Micrograd;

/// <summary>
/// A number, or a <see cref="Value"/> standing for one: what every operation's local derivative is written over.
/// The same definition then gives a number to <see cref="Value.Backward"/> and, given values, a new graph to
/// <see cref="Gradients.Of"/> with <c>createGraph: true</c>, so that a derivative can be differentiated again.
/// </summary>
/// <remarks>
/// On numbers every operator is one machine operation: the type test folds away once inlined, because a
/// number's value field is a known null. Mixing a number with a value makes the number a constant leaf.
/// Comparisons compare the current data; a branch on them (ReLU's mask, say) is constant almost everywhere,
/// so it contributes no derivative of its own, as in PyTorch.
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
internal readonly struct Scalar
{
    private readonly double _number;
    private readonly Value? _value; // null for a plain number

    public Scalar(double number)
    {
        _number = number;
        _value = null;
    }

    public Scalar(Value value)
    {
        _number = 0;
        _value = value;
    }

    /// <summary>The number this is; only for a scalar known to be a number, as everywhere in <see cref="Value.Backward"/>.</summary>
    public double Number
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            Debug.Assert(_value is null, "A graph scalar was read as a number.");
            return _number;
        }
    }

    /// <summary>The current number, whether this is a number or a value.</summary>
    public double Data => _value is null ? _number : _value.Data;

    public bool IsNumber => _value is null;

    /// <summary>This scalar as a value: itself if it is one, else a new constant leaf.</summary>
    public Value ToValue() => _value ?? new Value(_number);

    public static implicit operator Scalar(double number) => new(number);

    public static Scalar operator +(Scalar a, Scalar b) => Apply<AddFunction>(a, b);

    public static Scalar operator -(Scalar a, Scalar b) => Apply<SubtractFunction>(a, b);

    public static Scalar operator *(Scalar a, Scalar b) => Apply<MultiplyFunction>(a, b);

    public static Scalar operator /(Scalar a, Scalar b) => Apply<DivideFunction>(a, b);

    public static Scalar operator -(Scalar a) => Apply(a, default(NegateFunction));

    public static bool operator <(Scalar a, Scalar b) => a.Data < b.Data;

    public static bool operator >(Scalar a, Scalar b) => a.Data > b.Data;

    public static bool operator <=(Scalar a, Scalar b) => a.Data <= b.Data;

    public static bool operator >=(Scalar a, Scalar b) => a.Data >= b.Data;

    public static bool operator ==(Scalar a, Scalar b) => a.Data == b.Data;

    // Stryker disable once all : the compiler requires != beside ==; the engine never calls it
    public static bool operator !=(Scalar a, Scalar b) => a.Data != b.Data;

    // Stryker disable once all : required beside ==; the engine never compares scalars as objects
    public override bool Equals(object? obj) => obj is Scalar other && this == other;

    public override int GetHashCode() => Data.GetHashCode();

    public static Scalar Exp(Scalar x) => Apply(x, default(ExpFunction));

    public static Scalar Log(Scalar x) => Apply(x, default(LogFunction));

    public static Scalar Tanh(Scalar x) => Apply(x, default(TanhFunction));

    public static Scalar Sigmoid(Scalar x) => Apply(x, default(SigmoidFunction));

    public static Scalar Sin(Scalar x) => Apply(x, default(SinFunction));

    public static Scalar Cos(Scalar x) => Apply(x, default(CosFunction));

    public static Scalar Sqrt(Scalar x) => Apply(x, default(SqrtFunction));

    public static Scalar Pow(Scalar x, double exponent) => Apply(x, new PowerConstantFunction(exponent));

    public static Scalar Pow(Scalar x, Scalar exponent) => Apply<PowerFunction>(x, exponent);

    // Stryker disable once all : the debugger's display of a scalar; the engine never calls it
    public override string ToString() => _value is null ? _number.ToString("R", CultureInfo.InvariantCulture) : _value.ToString();

    /// <summary>A binary operation on two scalars: its own forward value for numbers, its own node otherwise.</summary>
    // Node returns a Value that this wraps, so that both arms build the result alike: on numbers the result then
    // stays in a register (a Scalar returned by the call would keep it in memory, a store and a load per operation).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Scalar Apply<TFunction>(Scalar a, Scalar b)
        where TFunction : struct, IBinaryFunction =>
        a._value is null && b._value is null ? new Scalar(default(TFunction).Forward(a._number, b._number)) : new Scalar(Node<TFunction>(a, b));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Scalar Apply<TFunction>(Scalar x, TFunction function)
        where TFunction : struct, IUnaryFunction =>
        x._value is null ? new Scalar(function.Forward(x._number)) : new Scalar(Node(x._value, function));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Value Node<TFunction>(Scalar a, Scalar b)
        where TFunction : struct, IBinaryFunction
    {
        // 1 · v is v exactly, value and derivatives alike: skip the node (the seed of every sweep is 1).
        if (typeof(TFunction) == typeof(MultiplyFunction))
        {
            if (a._value is null && a._number == 1)
            {
                return b._value!;
            }

            if (b._value is null && b._number == 1)
            {
                return a._value!;
            }
        }

        return Value.BinaryOf<TFunction>(a.ToValue(), b.ToValue());
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Value Node<TFunction>(Value x, TFunction function)
        where TFunction : struct, IUnaryFunction =>
        Value.Unary(x, function);
}

using System;

namespace Micrograd;

/// <summary>
/// A function of one value, such as <see cref="Tanh"/> or <see cref="LeakyRelu"/>, as an object: pass it where
/// an operation is chosen at run time, such as the activation of an <see cref="AffineMap"/>. Every built-in
/// unary operation of <see cref="Value"/> has one here.
/// </summary>
/// <example>
/// <code>
/// UnaryOperation activation = UnaryOperation.Gelu;
/// Value y = activation.Apply(new Value(1.0)); // the same as new Value(1.0).Gelu()
/// </code>
/// </example>
public abstract partial class UnaryOperation
{
    private protected UnaryOperation()
    {
    }

    /// <summary>The operation's name, as <see cref="Value.Operator"/> shows it, such as <c>"tanh"</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Applies the operation to a value: one new node in the graph.</summary>
    /// <param name="value">The input.</param>
    /// <returns>The result, with <paramref name="value"/> as its input.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public abstract Value Apply(Value value);

    /// <summary>Computes the operation on a number, without building a graph.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The result, the same as <see cref="Value.Data"/> of <see cref="Apply"/>'s result.</returns>
    public abstract double Evaluate(double x);

    /// <summary>Returns <see cref="Name"/>.</summary>
    /// <returns>The operation's name.</returns>
    public override string ToString() => Name;

    /// <summary>Computes every row of <paramref name="map"/> on <paramref name="inputs"/>, with this operation as the activation.</summary>
    internal abstract Value[] ApplyAffine(AffineMap map, Value[] inputs);
}

/// <summary>The one implementation of <see cref="UnaryOperation"/>, for each function struct.</summary>
internal sealed class UnaryOperation<TFunction> : UnaryOperation
    where TFunction : struct, IUnaryFunction
{
    private readonly TFunction _function;

    public UnaryOperation(TFunction function) => _function = function;

    public override string Name => _function.Name;

    public override Value Apply(Value value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        return Value.Unary(value, _function);
    }

    public override double Evaluate(double x) => _function.Forward(x);

    internal override Value[] ApplyAffine(AffineMap map, Value[] inputs) => Value.Affine(map, inputs, _function);
}

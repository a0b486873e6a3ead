namespace Micrograd;

public partial class UnaryOperation
{
    /// <summary>No function at all: what an affine node without an activation applies to its sum.</summary>
    internal static UnaryOperation Identity { get; } = new UnaryOperation<IdentityFunction>(default);
}

/// <summary>x itself; never a node of its own, only the missing activation of an affine node.</summary>
internal readonly struct IdentityFunction : IUnaryFunction
{
    public string Name => string.Empty;

    public string DerivativeText => "1";

    public double Forward(double x) => x;

    // dx/dx = 1
    public Scalar Backward(Scalar gradient, Scalar x, Scalar y) => gradient;
}

namespace Micrograd;

/// <summary>
/// A function of one value: its name, its forward value, and its local derivative. Each built-in unary
/// operation is one such struct under <c>Operations/</c>; <see cref="Value"/>'s unary node type, the affine
/// node of <see cref="AffineMap"/>, and everything else that needs the function use this one definition.
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
    /// The chain rule at this node: <paramref name="gradient"/> (dL/dy) times the local derivative dy/dx, given
    /// the input <paramref name="x"/> and the output <paramref name="y"/>. Written as one expression so that an
    /// operation whose derivative is a mask (ReLU) can pass or block the gradient, as PyTorch does, rather
    /// than multiply it by 0 (∞ × 0 would be NaN). Written over <see cref="Scalar"/>, so that the one formula gives a
    /// number for <see cref="Value.Backward"/> and, given values, a differentiable graph for <see cref="Gradients.Of"/>;
    /// use <see cref="Scalar"/>'s functions (<c>Scalar.Tanh</c>, …) where the formula needs one.
    /// </summary>
    Scalar Backward(Scalar gradient, Scalar x, Scalar y);
}

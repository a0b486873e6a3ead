namespace Micrograd;

/// <summary>
/// A function of two values: its name, its forward value, and its two local derivatives. Each built-in binary
/// operation is one such struct under <c>Operations/</c>.
/// </summary>
internal interface IBinaryFunction
{
    /// <summary>The operation's name, as <see cref="Value.Operator"/> shows it.</summary>
    string Name { get; }

    /// <summary>The two local derivatives as a person reads them, in terms of <c>a</c>, <c>b</c> and <c>out</c>, such as <c>("b", "a")</c>.</summary>
    (string Left, string Right) DerivativeTexts { get; }

    /// <summary>The forward value y = f(a, b).</summary>
    double Forward(double a, double b);

    /// <summary>
    /// The chain rule at this node: <paramref name="gradient"/> (dL/dy) times dy/da and times dy/db, given the
    /// inputs and the output <paramref name="y"/>, over <see cref="Scalar"/> as <see cref="IUnaryFunction.Backward"/> is.
    /// </summary>
    (Scalar Left, Scalar Right) Backward(Scalar gradient, Scalar a, Scalar b, Scalar y);
}

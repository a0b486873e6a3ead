namespace Micrograd.Tests.Reference;

/// <summary>softsign(x) = x / (1 + |x|), d/dx = 1 / (1 + |x|)²: the user-defined operation the tests share.</summary>
internal static class Softsign
{
    /// <summary>With its local gradient as a number.</summary>
    public static Value Numeric(Value x)
    {
        double d = 1 + Math.Abs(x.Data);
        return Value.Function("softsign", [x], x.Data / d, [1 / (d * d)]);
    }

    /// <summary>With its local gradient as a value built from the input, so that it can be differentiated again.</summary>
    public static Value Differentiable(Value x)
    {
        Value d = 1 + x.Abs();
        return Value.Function("softsign", [x], x.Data / d.Data, [1 / (d * d)]);
    }
}

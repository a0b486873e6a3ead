namespace Micrograd.Tests.HigherOrder;

/// <summary>Differentiates the same way again and again, as the higher-order tests need.</summary>
internal static class Successive
{
    /// <summary>The n-th derivative of <paramref name="output"/> with respect to <paramref name="input"/>, n = 1, 2, …, <paramref name="orders"/>.</summary>
    public static double[] Derivatives(Value output, Value input, int orders)
    {
        var derivatives = new double[orders];
        Value current = output;
        for (int n = 0; n < orders; n++)
        {
            current = Gradients.Of(current, [input], createGraph: true)[0];
            derivatives[n] = current.Data;
        }

        return derivatives;
    }
}

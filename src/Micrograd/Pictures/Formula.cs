using System.Globalization;

namespace Micrograd.Pictures;

/// <summary>How the pictures write numbers and an operation's derivative text with its numbers.</summary>
internal static class Formula
{
    /// <summary>A number as every picture shows it: four decimals, invariant culture.</summary>
    public static string Number(double number) => number.ToString("F4", CultureInfo.InvariantCulture);

    /// <summary>An operation's derivative text (<see cref="Value.Node.DerivativeText"/>) with each <c>{i}</c> replaced by the derivative with respect to input i.</summary>
    public static string WithNumbers(string derivativeText, double[] derivatives)
    {
        string text = derivativeText;
        for (int i = 0; i < derivatives.Length && text.IndexOf('{') >= 0; i++)
        {
            text = text.Replace("{" + i.ToString(CultureInfo.InvariantCulture) + "}", Number(derivatives[i]));
        }

        return text;
    }
}

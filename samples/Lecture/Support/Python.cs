using System.Globalization;

namespace Micrograd.Samples.Lecture;

/// <summary>Numbers printed as Python prints them, so that a chapter's output reads digit for digit like the lecture's.</summary>
public static class Python
{
    /// <summary>
    /// Python's <c>repr(float)</c>: the shortest digits that read back as the same double, in positional form
    /// with at least one decimal (<c>20.0</c>, <c>0.0001</c>) when the decimal point falls within 16 digits
    /// either side of them, and otherwise in exponent form with a signed, two-digit-minimum exponent
    /// (<c>2.999378523327323e-06</c>, <c>1e+16</c>).
    /// </summary>
    /// <example><c>Python.Repr(3 * 3.0 * 3.0 - 4 * 3.0 + 5)</c> is <c>"20.0"</c>, where .NET prints <c>20</c>.</example>
    public static string Repr(double x)
    {
        if (double.IsNaN(x))
        {
            return "nan";
        }

        if (double.IsInfinity(x))
        {
            return x > 0 ? "inf" : "-inf";
        }

        string sign = x < 0 || (x == 0 && double.IsNegative(x)) ? "-" : "";
        if (x == 0)
        {
            return sign + "0.0";
        }

        // .NET's "R" gives the same shortest digits as Python's repr, only laid out differently: take them apart.
        string shortest = Math.Abs(x).ToString("R", CultureInfo.InvariantCulture);
        int e = shortest.IndexOf('E', StringComparison.Ordinal);
        int exponent = e < 0 ? 0 : int.Parse(shortest[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        string mantissa = e < 0 ? shortest : shortest[..e];
        int point = mantissa.IndexOf('.', StringComparison.Ordinal);
        string digits = mantissa.Replace(".", "", StringComparison.Ordinal);
        int decimalPoint = (point < 0 ? mantissa.Length : point) + exponent; // x = 0.<digits> * 10^decimalPoint
        int leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        decimalPoint -= leadingZeros;

        if (decimalPoint > -4 && decimalPoint <= 16)
        {
            if (decimalPoint <= 0)
            {
                return sign + "0." + new string('0', -decimalPoint) + digits;
            }

            if (decimalPoint >= digits.Length)
            {
                return sign + digits + new string('0', decimalPoint - digits.Length) + ".0";
            }

            return sign + digits[..decimalPoint] + "." + digits[decimalPoint..];
        }

        int power = decimalPoint - 1;
        string fraction = digits.Length > 1 ? "." + digits[1..] : "";
        return sign + digits[0] + fraction + "e" + (power < 0 ? "-" : "+") + Math.Abs(power).ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>Python's <c>repr</c> of a list of floats: <c>[0.5, -1.0]</c>.</summary>
    public static string Repr(IEnumerable<double> values) => "[" + string.Join(", ", values.Select(Repr)) + "]";

    /// <summary>How the lecture's <c>Value.__repr__</c> prints a value: <c>Value(data=-8.0)</c>.</summary>
    public static string ValueRepr(double data) => "Value(data=" + Repr(data) + ")";

    /// <summary>Python's <c>repr</c> of a list of the lecture's values: <c>[Value(data=0.5), Value(data=-1.0)]</c>.</summary>
    public static string ValueRepr(IEnumerable<double> data) => "[" + string.Join(", ", data.Select(ValueRepr)) + "]";

    /// <summary>Python's <c>f"{x:.4f}"</c>, as the lecture's graph boxes print data and grad.</summary>
    public static string Fixed4(double x) => x.ToString("F4", CultureInfo.InvariantCulture);
}

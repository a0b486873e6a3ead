using System.Globalization;
using System.Text;

namespace Micrograd.Pictures;

/// <summary>Writes numbers and strings as JavaScript literals that are safe inside an HTML <c>&lt;script&gt;</c> element.</summary>
internal static class Js
{
    /// <summary>A number in its shortest round-trip form; NaN and the infinities as their JavaScript names.</summary>
    public static StringBuilder Number(this StringBuilder text, double number)
    {
        if (double.IsNaN(number))
        {
            return text.Append("NaN");
        }

        if (double.IsInfinity(number))
        {
            return text.Append(number > 0 ? "Infinity" : "-Infinity");
        }

        return text.Append(number.ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>A number rounded to a few decimals, for coordinates and recorded curves, where full precision only costs bytes.</summary>
    public static StringBuilder Rounded(this StringBuilder text, double number, int decimals)
    {
        if (double.IsNaN(number) || double.IsInfinity(number))
        {
            return text.Number(number);
        }

        return text.Append(System.Math.Round(number, decimals).ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>A quoted string, or <c>null</c>. Characters that could end the script element or a line are escaped.</summary>
    public static StringBuilder String(this StringBuilder text, string? value)
    {
        if (value is null)
        {
            return text.Append("null");
        }

        text.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '<': text.Append("\\u003c"); break;
                case '>': text.Append("\\u003e"); break;
                case '&': text.Append("\\u0026"); break;
                case '\u2028': text.Append("\\u2028"); break;
                case '\u2029': text.Append("\\u2029"); break;
                default:
                    if (c < ' ')
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.Append('"');
    }

    /// <summary>Text for an HTML element's content or a quoted attribute.</summary>
    public static string Html(string value) =>
        value.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Micrograd;

/// <summary>The outcome of <see cref="Gradients.Check"/>: the analytic and the numeric derivative for each input.</summary>
public sealed class GradientCheck
{
    internal GradientCheck(double[] point, double output, double[] analytic, double[] numeric, double tolerance)
    {
        Point = Array.AsReadOnly(point);
        Output = output;
        Analytic = Array.AsReadOnly(analytic);
        Numeric = Array.AsReadOnly(numeric);
        Tolerance = tolerance;
        var errors = new double[point.Length];
        double maxError = 0;
        bool passed = true;
        for (int i = 0; i < errors.Length; i++)
        {
            errors[i] = RelativeError(analytic[i], numeric[i]);
            passed &= errors[i] <= tolerance; // false for NaN
            maxError = Math.Max(maxError, errors[i]); // NaN if either is NaN
        }

        Errors = Array.AsReadOnly(errors);
        MaxError = maxError;
        Passed = passed;
    }

    /// <summary><see langword="true"/> when every input's error is at most <see cref="Tolerance"/> (a NaN on either side fails).</summary>
    public bool Passed { get; }

    /// <summary>The largest of <see cref="Errors"/>; NaN if any is NaN.</summary>
    public double MaxError { get; }

    /// <summary>The tolerance the check was made with.</summary>
    public double Tolerance { get; }

    /// <summary>The point the function was checked at.</summary>
    public IReadOnlyList<double> Point { get; }

    /// <summary>The function's value at <see cref="Point"/>.</summary>
    public double Output { get; }

    /// <summary>The derivative with respect to each input computed by <see cref="Value.Backward"/>.</summary>
    public IReadOnlyList<double> Analytic { get; }

    /// <summary>The derivative with respect to each input from central differences.</summary>
    public IReadOnlyList<double> Numeric { get; }

    /// <summary>
    /// For each input, |analytic − numeric| / max(1, |analytic|, |numeric|): relative for large derivatives,
    /// absolute for derivatives smaller than 1. Infinite derivatives that agree give 0.
    /// </summary>
    public IReadOnlyList<double> Errors { get; }

    /// <summary>Returns a small table: one line per input with its point, both derivatives and the error.</summary>
    /// <returns>The table, in the invariant culture.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("Gradient check ").Append(Passed ? "passed" : "FAILED")
            .Append(": max error ").Append(Format(MaxError)).Append(", tolerance ").Append(Format(Tolerance)).Append('\n');
        text.Append(string.Format(CultureInfo.InvariantCulture, "{0,5}  {1,-24} {2,-24} {3,-24} {4}\n", "input", "point", "analytic", "numeric", "error"));
        for (int i = 0; i < Point.Count; i++)
        {
            text.Append(string.Format(
                CultureInfo.InvariantCulture,
                "{0,5}  {1,-24} {2,-24} {3,-24} {4}{5}\n",
                i,
                Point[i].ToString("R", CultureInfo.InvariantCulture),
                Analytic[i].ToString("R", CultureInfo.InvariantCulture),
                Numeric[i].ToString("R", CultureInfo.InvariantCulture),
                Format(Errors[i]),
                Errors[i] <= Tolerance ? string.Empty : "  <-"));
        }

        return text.ToString();
    }

    private static double RelativeError(double analytic, double numeric)
    {
        if (analytic == numeric)
        {
            return 0; // also two equal infinities
        }

        double scale = Math.Max(1, Math.Max(Math.Abs(analytic), Math.Abs(numeric)));
        return Math.Abs(analytic - numeric) / scale;
    }

    private static string Format(double number) => number.ToString("G3", CultureInfo.InvariantCulture);
}

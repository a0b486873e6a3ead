using System;
using System.Collections.Generic;

namespace Micrograd.Nn;

/// <summary>Checks the length of a module's input, and turns plain numbers into leaves.</summary>
internal static class InputLength
{
    public static void Check<T>(IReadOnlyList<T> inputs, int expected, string parameterName)
    {
        if (inputs is null)
        {
            throw new ArgumentNullException(parameterName);
        }

        if (inputs.Count != expected)
        {
            throw new ArgumentException(
                "Expected " + expected + " inputs but got " + inputs.Count + ".", parameterName);
        }
    }

    public static Value[] ToValues(double[] inputs, int expected, string parameterName)
    {
        Check(inputs, expected, parameterName);
        return Array.ConvertAll(inputs, x => new Value(x));
    }

#if NET
    public static Value[] ToValues(ReadOnlySpan<double> inputs, int expected, string parameterName)
    {
        if (inputs.Length != expected)
        {
            throw new ArgumentException(
                "Expected " + expected + " inputs but got " + inputs.Length + ".", parameterName);
        }

        var values = new Value[inputs.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = new Value(inputs[i]);
        }

        return values;
    }
#endif
}

using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Micrograd;

/// <summary>
/// The library's checks of list arguments, in one place: a null list or a null element is an
/// <see cref="ArgumentNullException"/> that names the argument as the caller wrote it, and the element's index.
/// </summary>
internal static class ArgumentChecks
{
    /// <summary>Throws unless <paramref name="argument"/> is set.</summary>
    public static void NotNull(object? argument, string parameterName)
    {
        if (argument is null)
        {
            Throw(parameterName, null);
        }
    }

    /// <summary>
    /// Throws if <paramref name="list"/> or one of its elements is null; the message names the element as
    /// <c>list[i]</c>.
    /// </summary>
    public static void Elements<T>(IReadOnlyList<T>? list, string parameterName)
        where T : class
    {
        if (list is null)
        {
            Throw(parameterName, null);
        }

        for (int i = 0; i < list!.Count; i++)
        {
            if (list[i] is null)
            {
                Throw(parameterName, parameterName + "[" + i + "] is null.");
            }
        }
    }

    /// <summary>A count with its noun, such as <c>1 value</c> or <c>2 values</c>, for messages.</summary>
    public static string Count(int count, string noun) => count + " " + noun + (count == 1 ? string.Empty : "s");

    /// <summary>
    /// A copy of a list of values that a node can own, refusing a null list or element: the element is named
    /// <c>list[i]</c>, or <paramref name="path"/><c>[i]</c> for a list inside an argument (a row of weights, say).
    /// </summary>
    public static Value[] Copy(IReadOnlyList<Value>? values, string parameterName, string? path = null)
    {
        NotNull(values, parameterName);
        Value[] copy = CopyOf(values!);
        for (int i = 0; i < copy.Length; i++) // the array itself: no interface call per element, on a hot path
        {
            if (copy[i] is null)
            {
                Throw(parameterName, (path ?? parameterName) + "[" + i + "] is null.");
            }
        }

        return copy;
    }

    /// <summary>
    /// A copy of a list of values. Arrays and lists are copied in bulk: storing values one at a time into a Value[]
    /// costs a covariant type check each, since Value is not sealed.
    /// </summary>
    private static Value[] CopyOf(IReadOnlyList<Value> values)
    {
        switch (values)
        {
            case Value[] array when array.GetType() == typeof(Value[]):
                return (Value[])array.Clone();
            case List<Value> list:
                return list.ToArray();
            case ArraySegment<Value> segment:
                var part = new Value[segment.Count];
                Array.Copy(segment.Array!, segment.Offset, part, 0, segment.Count);
                return part;
            default:
                var copy = new Value[values.Count];
                for (int i = 0; i < copy.Length; i++)
                {
                    copy[i] = values[i];
                }

                return copy;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Throw(string parameterName, string? message) =>
        throw new ArgumentNullException(parameterName, message); // a null message gives the standard one
}

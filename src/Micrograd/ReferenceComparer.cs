using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Micrograd;

/// <summary>
/// Compares by identity, whatever <c>Equals</c> says (netstandard2.0 has no ReferenceEqualityComparer). It serves as
/// an <see cref="IEqualityComparer{T}"/> of values too, the interface being contravariant.
/// </summary>
internal sealed class ReferenceComparer : IEqualityComparer<object>
{
    public static readonly ReferenceComparer Instance = new();

    private ReferenceComparer()
    {
    }

    public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

    public int GetHashCode(object obj) => RuntimeHelpers.GetHashCode(obj);
}

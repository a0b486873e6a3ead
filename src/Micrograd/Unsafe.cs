#if !NET
namespace Micrograd;

/// <summary>
/// netstandard2.0 has no System.Runtime.CompilerServices.Unsafe: an ordinary cast does the same (where .NET 8 and later
/// skip the type check that the traversal knows to be unneeded).
/// </summary>
internal static class Unsafe
{
    public static T As<T>(object value)
        where T : class => (T)value;
}
#endif

#if NET
using System.Numerics;

namespace Micrograd;

// On .NET 8 and later, Value takes part in generic math: code written against the operator interfaces (a
// generic Sum<T> over IAdditionOperators, say) builds graphs when given values.
public partial class Value :
    IAdditionOperators<Value, Value, Value>,
    ISubtractionOperators<Value, Value, Value>,
    IMultiplyOperators<Value, Value, Value>,
    IDivisionOperators<Value, Value, Value>,
    IUnaryNegationOperators<Value, Value>,
    IUnaryPlusOperators<Value, Value>,
    IAdditiveIdentity<Value, Value>,
    IMultiplicativeIdentity<Value, Value>
{
    /// <summary>A new leaf equal to 0 (new on every call, so graphs never share it).</summary>
    static Value IAdditiveIdentity<Value, Value>.AdditiveIdentity => new(0.0);

    /// <summary>A new leaf equal to 1 (new on every call, so graphs never share it).</summary>
    static Value IMultiplicativeIdentity<Value, Value>.MultiplicativeIdentity => new(1.0);
}
#endif

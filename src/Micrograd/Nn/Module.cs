using System.Collections.Generic;

namespace Micrograd.Nn;

/// <summary>Something with trainable parameters: a <see cref="Neuron"/>, a <see cref="Layer"/> or an <see cref="MLP"/>.</summary>
public abstract class Module
{
    /// <summary>
    /// The trainable parameters, in a stable order: a neuron's weights then its bias; a layer's neurons in order;
    /// a network's layers in order. The same list is returned on every call.
    /// </summary>
    /// <returns>The parameters, as leaves of every graph the module builds.</returns>
    public abstract IReadOnlyList<Value> Parameters();

    /// <summary>Sets the gradient of every parameter to zero; call it before each <see cref="Value.Backward"/> of a training step.</summary>
    public void ZeroGrad()
    {
        foreach (Value parameter in Parameters())
        {
            parameter.Grad = 0;
        }
    }

    /// <summary>The parameters of several modules, one after the other.</summary>
    private protected static Value[] CollectParameters(IEnumerable<Module> modules)
    {
        var parameters = new List<Value>();
        foreach (Module module in modules)
        {
            parameters.AddRange(module.Parameters());
        }

        return parameters.ToArray();
    }
}

using System;
using System.Collections.Generic;

namespace Micrograd.Nn;

/// <summary>
/// A module with a forward pass over a fixed number of inputs: a <see cref="Neuron"/> gives one value, a
/// <see cref="Layer"/> or an <see cref="MLP"/> a list of values. The three ways to call it are written here once.
/// </summary>
/// <typeparam name="TOutput">What the forward pass returns.</typeparam>
public abstract class Module<TOutput> : Module
{
    // Only the library's modules: each knows how to share its input array, which ForwardShared relies on.
    private protected Module()
    {
    }

    /// <summary>How many inputs the module takes.</summary>
    public abstract int InputCount { get; }

    /// <summary>Runs the module on values that may themselves come from a graph.</summary>
    /// <param name="inputs">Exactly <see cref="InputCount"/> values.</param>
    /// <returns>The module's output.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="inputs"/> does not have <see cref="InputCount"/> elements.</exception>
    public TOutput Forward(IReadOnlyList<Value> inputs)
    {
        InputLength.Check(inputs, InputCount, nameof(inputs));
        return ForwardShared(Value.CopyVector(inputs, nameof(inputs)));
    }

    /// <summary>Runs the module on plain numbers, which become leaves of the graph.</summary>
    /// <param name="inputs">Exactly <see cref="InputCount"/> numbers.</param>
    /// <returns>The module's output.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="inputs"/> does not have <see cref="InputCount"/> elements.</exception>
    public TOutput Forward(params double[] inputs) => ForwardShared(InputLength.ToValues(inputs, InputCount, nameof(inputs)));

#if NET
    /// <summary>Runs the module on plain numbers, which become leaves of the graph.</summary>
    /// <param name="inputs">Exactly <see cref="InputCount"/> numbers.</param>
    /// <returns>The module's output.</returns>
    /// <exception cref="ArgumentException"><paramref name="inputs"/> does not have <see cref="InputCount"/> elements.</exception>
    public TOutput Forward(ReadOnlySpan<double> inputs) => ForwardShared(InputLength.ToValues(inputs, InputCount, nameof(inputs)));
#endif

    /// <summary>The forward pass over an input array of the right length that no one will change, so the nodes may keep it.</summary>
    private protected abstract TOutput ForwardShared(Value[] inputs);
}

// The lecture's neural network (second notebook, step 49): a Neuron is tanh(w . x + b), a Layer is a list of
// neurons, an MLP is a chain of layers. `uniform` draws each weight and bias from [-1, 1], as the lecture's
// random.uniform(-1, 1) does: the weights first, then the bias, neuron by neuron.
namespace Micrograd.Samples.Lecture.Engine;

public sealed class Neuron
{
    private readonly Value[] _w;
    private readonly Value _b;

    public Neuron(int nin, Func<double> uniform)
    {
        _w = Enumerable.Range(0, nin).Select(_ => new Value(uniform())).ToArray();
        _b = new Value(uniform());
    }

    public Value Call(IReadOnlyList<Value> x)
    {
        Value act = _b; // the sum starts at the bias: ((b + w0*x0) + w1*x1) + w2*x2
        for (int i = 0; i < _w.Length; i++)
        {
            act += _w[i] * x[i];
        }

        return act.Tanh();
    }

    public List<Value> Parameters() => [.. _w, _b];
}

public sealed class Layer(int nin, int nout, Func<double> uniform)
{
    private readonly Neuron[] _neurons = Enumerable.Range(0, nout).Select(_ => new Neuron(nin, uniform)).ToArray();

    public List<Value> Call(IReadOnlyList<Value> x) => _neurons.Select(n => n.Call(x)).ToList();

    public List<Value> Parameters() => _neurons.SelectMany(n => n.Parameters()).ToList();
}

public sealed class MLP
{
    private readonly Layer[] _layers;

    public MLP(int nin, int[] nouts, Func<double> uniform)
    {
        int[] sz = [nin, .. nouts];
        _layers = Enumerable.Range(0, nouts.Length).Select(i => new Layer(sz[i], sz[i + 1], uniform)).ToArray();
    }

    // The lecture's MLP returns the single output unwrapped when the last layer has one neuron; C# keeps a list.
    public List<Value> Call(IReadOnlyList<Value> x)
    {
        foreach (Layer layer in _layers)
        {
            x = layer.Call(x);
        }

        return [.. x];
    }

    public List<Value> Parameters() => _layers.SelectMany(l => l.Parameters()).ToList();
}

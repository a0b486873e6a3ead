using Micrograd.Nn;
using TorchSharp;
using static TorchSharp.torch;
using Tensor = TorchSharp.torch.Tensor;

namespace Micrograd.Tests.Reference;

/// <summary>The same network as a Micrograd <see cref="MLP"/>, built from TorchSharp float64 tensors with the weights copied in.</summary>
internal sealed class TorchNetwork
{
    private readonly MLP _model;

    public TorchNetwork(MLP model)
    {
        _model = model;
        foreach (Layer layer in model.Layers)
        {
            var weights = new double[layer.OutputCount, layer.InputCount];
            var biases = new double[layer.OutputCount];
            for (int o = 0; o < layer.OutputCount; o++)
            {
                for (int i = 0; i < layer.InputCount; i++)
                {
                    weights[o, i] = layer.Neurons[o].Weights[i].Data;
                }

                biases[o] = layer.Neurons[o].Bias.Data;
            }

            Weights.Add(torch.nn.Parameter(torch.tensor(weights, dtype: ScalarType.Float64)));
            Biases.Add(torch.nn.Parameter(torch.tensor(biases, dtype: ScalarType.Float64)));
        }
    }

    public List<TorchSharp.Modules.Parameter> Weights { get; } = [];

    public List<TorchSharp.Modules.Parameter> Biases { get; } = [];

    /// <summary>Every parameter tensor: the weight matrices, then the bias vectors (for the optimizers).</summary>
    public IEnumerable<TorchSharp.Modules.Parameter> Parameters() => Weights.Concat(Biases);

    /// <summary>Forward pass over a batch: rows are samples.</summary>
    public Tensor Forward(double[,] inputs)
    {
        Tensor h = torch.tensor(inputs, dtype: ScalarType.Float64);
        for (int l = 0; l < Weights.Count; l++)
        {
            h = Apply(_model.Layers[l].Activation, h.matmul(Weights[l].t()) + Biases[l]);
        }

        return h;
    }

    /// <summary>Every parameter's value and gradient in Micrograd's order.</summary>
    public IEnumerable<(double Data, double Grad)> Flatten()
    {
        for (int l = 0; l < Weights.Count; l++)
        {
            double[] w = Weights[l].data<double>().ToArray();
            double[] b = Biases[l].data<double>().ToArray();
            double[]? wg = Weights[l].grad?.data<double>().ToArray();
            double[]? bg = Biases[l].grad?.data<double>().ToArray();
            int inputs = (int)Weights[l].shape[1];
            for (int o = 0; o < b.Length; o++)
            {
                for (int i = 0; i < inputs; i++)
                {
                    yield return (w[o * inputs + i], wg?[o * inputs + i] ?? 0);
                }

                yield return (b[o], bg?[o] ?? 0);
            }
        }
    }

    private static Tensor Apply(Activation activation, Tensor t) => activation switch
    {
        Activation.Linear => t,
        Activation.Tanh => t.tanh(),
        Activation.Relu => t.relu(),
        Activation.Sigmoid => t.sigmoid(),
        Activation.LeakyRelu => t.leaky_relu(0.01),
        Activation.Gelu => t.gelu(TorchSharp.Modules.GELU.Approximate.tanh),
        _ => throw new ArgumentOutOfRangeException(nameof(activation)),
    };
}

using Micrograd.Samples.MicroGpt;
using TorchSharp;
using static TorchSharp.torch;
using Tensor = TorchSharp.torch.Tensor;

namespace Micrograd.Samples.MicroGpt.Reference;

/// <summary>
/// microgpt as TorchSharp float64 tensors, with the weights copied from a <see cref="Gpt"/>: the whole
/// document at once, attention masked to earlier positions (which is what the KV cache computes), softmax
/// cross-entropy averaged over the positions. Used by the tests as the reference and by the benchmarks as the
/// tensor-library baseline (this file is linked into tests/Micrograd.Benchmarks).
/// </summary>
internal sealed class TorchGpt
{
    private readonly Dictionary<string, TorchSharp.Modules.Parameter> _weights = [];

    public TorchGpt(Gpt model)
    {
        foreach ((string name, Value[][] rows) in model.StateDict)
        {
            var data = new double[rows.Length, rows[0].Length];
            for (int o = 0; o < rows.Length; o++)
            {
                for (int i = 0; i < rows[o].Length; i++)
                {
                    data[o, i] = rows[o][i].Data;
                }
            }

            _weights[name] = torch.nn.Parameter(torch.tensor(data, dtype: ScalarType.Float64));
        }

        Parameters = [.. _weights.Values];
    }

    /// <summary>The weight matrices in the model's state-dict order.</summary>
    public IReadOnlyList<TorchSharp.Modules.Parameter> Parameters { get; }

    public TorchSharp.Modules.Parameter this[string name] => _weights[name];

    private static Tensor Rmsnorm(Tensor x) => x * (x.square().mean([-1], keepdim: true) + 1e-5).pow(-0.5);

    /// <summary>The mean loss of one document (tokens with BOS at both ends), as <see cref="Gpt.Loss"/>.</summary>
    public Tensor Loss(int[] tokens)
    {
        int n = Math.Min(Gpt.BlockSize, tokens.Length - 1);
        Tensor inputs = torch.tensor(tokens[..n].Select(t => (long)t).ToArray());
        Tensor targets = torch.tensor(tokens[1..(n + 1)].Select(t => (long)t).ToArray());
        Tensor x = _weights["wte"].index_select(0, inputs) + _weights["wpe"].narrow(0, 0, n);
        x = Rmsnorm(x);
        Tensor future = torch.ones(n, n, dtype: ScalarType.Bool).triu(1);
        for (int li = 0; li < Gpt.NLayer; li++)
        {
            Tensor xResidual = x;
            x = Rmsnorm(x);
            Tensor q = x.matmul(_weights[$"layer{li}.attn_wq"].t()).view(n, Gpt.NHead, Gpt.HeadDim).transpose(0, 1);
            Tensor k = x.matmul(_weights[$"layer{li}.attn_wk"].t()).view(n, Gpt.NHead, Gpt.HeadDim).transpose(0, 1);
            Tensor v = x.matmul(_weights[$"layer{li}.attn_wv"].t()).view(n, Gpt.NHead, Gpt.HeadDim).transpose(0, 1);
            Tensor logits = q.matmul(k.transpose(1, 2)) / Math.Sqrt(Gpt.HeadDim);
            Tensor weights = logits.masked_fill(future, double.NegativeInfinity).softmax(-1);
            Tensor heads = weights.matmul(v).transpose(0, 1).reshape(n, Gpt.NEmbd);
            x = heads.matmul(_weights[$"layer{li}.attn_wo"].t()) + xResidual;
            xResidual = x;
            x = Rmsnorm(x);
            x = x.matmul(_weights[$"layer{li}.mlp_fc1"].t()).relu();
            x = x.matmul(_weights[$"layer{li}.mlp_fc2"].t()) + xResidual;
        }

        Tensor output = x.matmul(_weights["lm_head"].t());
        return torch.nn.functional.cross_entropy(output, targets);
    }
}

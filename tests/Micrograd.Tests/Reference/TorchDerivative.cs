using TorchSharp;
using Tensor = TorchSharp.torch.Tensor;

namespace Micrograd.Tests.Reference;

/// <summary><c>torch.autograd.grad</c> with <c>create_graph: true</c>: derivatives that can be differentiated again.</summary>
internal static class TorchDerivative
{
    /// <summary>
    /// ∂output/∂inputs[i] for each input, as tensors of a graph. Each input is tied into the output with weight 0
    /// (finite inputs only), so that an input a derivative no longer depends on gets a 0 rather than an error.
    /// </summary>
    public static Tensor[] Of(Tensor output, params Tensor[] inputs)
    {
        Tensor tied = output;
        foreach (Tensor input in inputs)
        {
            tied = tied + 0.0 * input.sum();
        }

        return torch.autograd.grad([tied], inputs, retain_graph: true, create_graph: true).ToArray();
    }

    /// <summary>The n-th derivative of <paramref name="output"/> with respect to one input, n = 1, 2, …, <paramref name="orders"/>.</summary>
    public static double[] Successive(Tensor output, Tensor input, int orders)
    {
        var derivatives = new double[orders];
        Tensor current = output;
        for (int n = 0; n < orders; n++)
        {
            current = Of(current, input)[0];
            derivatives[n] = Torch.Data(current);
        }

        return derivatives;
    }
}

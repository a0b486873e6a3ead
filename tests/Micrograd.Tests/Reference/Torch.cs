using TorchSharp;
using static TorchSharp.torch;

namespace Micrograd.Tests.Reference;

/// <summary>Float64 scalars in TorchSharp: the reference every gradient here is checked against.</summary>
internal static class Torch
{
    public static Tensor Scalar(double data) => torch.tensor(data, dtype: ScalarType.Float64, requires_grad: true);

    public static double Data(Tensor tensor) => tensor.item<double>();

    /// <summary>The gradient PyTorch accumulated, or 0 where none reached the tensor (micrograd's convention).</summary>
    public static double Grad(Tensor tensor) => tensor.grad is null ? 0.0 : tensor.grad.item<double>();
}

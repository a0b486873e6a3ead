using TorchSharp;
using Tensor = TorchSharp.torch.Tensor;

namespace Micrograd.Tests.Reference;

/// <summary>
/// micrograd's README expression (its test_more_ops), built once here: with tanh as the README writes it, or with relu
/// as the Python original's test does; over values, and over TorchSharp tensors for the reference.
/// </summary>
internal static class MicrogradReadme
{
    public static Value Expression(Value a, Value b, bool useRelu = false)
    {
        Value Squash(Value v) => useRelu ? v.Relu() : v.Tanh();
        var c = a + b;
        var d = a * b + b.Pow(3);
        c += c + 1;
        c += 1 + c + (-a);
        d += d * 2 + Squash(b + a);
        d += 3 * d + Squash(b - a);
        var e = c - d;
        var f = e.Pow(2);
        var g = f / 2.0;
        g += 10.0 / f;
        return g;
    }

    public static Tensor Expression(Tensor a, Tensor b, bool useRelu = false)
    {
        Tensor Squash(Tensor v) => useRelu ? v.relu() : v.tanh();
        Tensor c = a + b;
        Tensor d = a * b + b.pow(3);
        c = c + (c + 1);
        c = c + (1 + c + (-a));
        d = d + (d * 2 + Squash(b + a));
        d = d + (3 * d + Squash(b - a));
        Tensor e = c - d;
        Tensor f = e.pow(2);
        Tensor g = f / 2.0;
        return g + (10.0 / f);
    }
}

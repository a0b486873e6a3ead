using TorchSharp;
using Tensor = TorchSharp.torch.Tensor;

namespace Micrograd.Tests.Reference;

/// <summary>
/// Every unary operation once, with its <see cref="Value"/> method, TorchSharp's version of it, and a point where
/// it is smooth. The tests of operations, of <see cref="UnaryOperation"/>, of <see cref="AffineMap"/> activations and
/// of <see cref="Gradients.Check"/> all read this table, and a test checks that it names every operation.
/// </summary>
public static class UnaryOperations
{
    public sealed record Entry(string Case, UnaryOperation Operation, Func<Value, Value> Method, Func<Tensor, Tensor> Torch, double SmoothPoint)
    {
        public override string ToString() => Case;
    }

    public static readonly Entry[] All =
    [
        new("neg", UnaryOperation.Negate, x => -x, t => -t, 0.7),
        new("exp", UnaryOperation.Exp, x => x.Exp(), t => t.exp(), 0.7),
        new("log", UnaryOperation.Log, x => x.Log(), t => t.log(), 0.7),
        new("tanh", UnaryOperation.Tanh, x => x.Tanh(), t => t.tanh(), 0.7),
        new("relu", UnaryOperation.Relu, x => x.Relu(), t => t.relu(), 0.7),
        new("relu, inactive", UnaryOperation.Relu, x => x.Relu(), t => t.relu(), -0.7),
        new("sigmoid", UnaryOperation.Sigmoid, x => x.Sigmoid(), t => t.sigmoid(), -0.7),
        new("softplus", UnaryOperation.Softplus, x => x.Softplus(), t => torch.nn.functional.softplus(t), -0.7),
        new("sin", UnaryOperation.Sin, x => x.Sin(), t => t.sin(), 0.7),
        new("cos", UnaryOperation.Cos, x => x.Cos(), t => t.cos(), 0.7),
        new("sqrt", UnaryOperation.Sqrt, x => x.Sqrt(), t => t.sqrt(), 0.7),
        new("abs", UnaryOperation.Abs, x => x.Abs(), t => t.abs(), -0.7),
        new("gelu", UnaryOperation.Gelu, x => x.Gelu(), t => t.gelu(TorchSharp.Modules.GELU.Approximate.tanh), 0.7),
        new("leaky relu", UnaryOperation.LeakyRelu(), x => x.LeakyRelu(), t => torch.nn.functional.leaky_relu(t, 0.01), -0.7),
        new("leaky relu 0.3, positive", UnaryOperation.LeakyRelu(0.3), x => x.LeakyRelu(0.3), t => torch.nn.functional.leaky_relu(t, 0.3), 0.7),
        new("pow 2", UnaryOperation.Pow(2), x => x.Pow(2), t => t.pow(2), 0.7),
        new("pow 3", UnaryOperation.Pow(3), x => x.Pow(3), t => t.pow(3), -0.7),
        new("pow -0.5", UnaryOperation.Pow(-0.5), x => x.Pow(-0.5), t => t.pow(-0.5), 0.7),
        new("pow 2.5", UnaryOperation.Pow(2.5), x => x.Pow(2.5), t => t.pow(2.5), 0.7),
    ];

    public static TheoryData<Entry> Theory()
    {
        var data = new TheoryData<Entry>();
        foreach (Entry entry in All)
        {
            data.Add(entry);
        }

        return data;
    }
}

using Micrograd.Nn;
using Micrograd.Tests.Reference;

namespace Micrograd.Tests.Nn;

/// <summary>
/// A layer's neurons are single nodes that share their inputs. Whatever order a graph reaches them in, they must
/// give exactly the gradients of the same neurons built by hand from Dot, + and the activation (which the
/// operator tests check against TorchSharp).
/// </summary>
public sealed class NeuronGraphTests
{
    [Fact]
    public void Layer_outputs_reused_in_any_order_give_the_hand_built_gradients()
    {
        var random = new Random(21);
        var first = new Layer(3, 4, Activation.Tanh, random);
        var second = new Layer(4, 3, Activation.Relu, random);
        double[] x = [0.3, -1.2, 0.8];

        // Fast path: neuron nodes. The second layer's outputs and the first layer's are mixed, and the first
        // layer's outputs are reached both directly and through the second layer.
        var h = first.Forward(x);
        var y = second.Forward(h);
        Value fast = y[2] * h[1] + h[0].Tanh() * y[0] + Value.Sum(y[1], h[3], h[3]);
        fast.Backward();
        var fastGrads = first.Parameters().Concat(second.Parameters()).Select(p => p.Grad).ToList();
        first.ZeroGrad();
        second.ZeroGrad();

        // Reference: the same neurons from Dot, + and the activation functions.
        var hx = x.Select(v => new Value(v)).ToArray();
        var hh = first.Neurons.Select(n => (Value.Dot(n.Weights, hx) + n.Bias).Tanh()).ToArray();
        var hy = second.Neurons.Select(n => (Value.Dot(n.Weights, hh) + n.Bias).Relu()).ToArray();
        Value slow = hy[2] * hh[1] + hh[0].Tanh() * hy[0] + Value.Sum(hy[1], hh[3], hh[3]);
        slow.Backward();
        var slowGrads = first.Parameters().Concat(second.Parameters()).Select(p => p.Grad).ToList();

        fast.Data.ShouldBeCloseTo(slow.Data, "output");
        for (int i = 0; i < slowGrads.Count; i++)
        {
            fastGrads[i].ShouldBeCloseTo(slowGrads[i], $"gradient of parameter {i}");
        }

        slowGrads.Should().Contain(g => g != 0, "the comparison must not be vacuous");
    }

    [Fact]
    public void A_neuron_node_names_its_formula_and_lists_weights_inputs_and_bias()
    {
        var neuron = new Neuron(2, Activation.Relu, new Random(1));
        var a = new Value(1.0);
        var b = new Value(2.0);
        Value output = neuron.Forward([a, b]);
        output.Operator.Should().Be("ReLU(w·x+b)");
        output.Inputs.Should().Equal(neuron.Weights[0], neuron.Weights[1], a, b, neuron.Bias);
    }
}

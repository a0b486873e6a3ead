using System.Text;
using Micrograd.Nn;

namespace Micrograd.Tests.Nn;

/// <summary>Parameters are labelled as a reader names them, so graph pictures of Nn models can be read.</summary>
public sealed class ParameterLabelTests
{
    [Fact]
    public void A_network_s_parameters_are_labelled_by_layer_neuron_and_weight_index_or_bias()
    {
        var model = new MLP(2, [3, 1], random: new Random(1));

        model.Parameters()[0].Label.Should().Be("L0.N0.w0");
        model.Parameters().Take(3).Select(p => p.Label).Should().Equal("L0.N0.w0", "L0.N0.w1", "L0.N0.b");
        model.Layers[0].Neurons[2].Weights[1].Label.Should().Be("L0.N2.w1");
        model.Layers[1].Neurons[0].Weights[2].Label.Should().Be("L1.N0.w2");
        model.Layers[1].Neurons[0].Bias.Label.Should().Be("L1.N0.b");
        model.Parameters().Select(p => p.Label).Should().OnlyHaveUniqueItems().And.HaveCount(13);
    }

    [Fact]
    public void A_layer_names_its_neurons_and_a_neuron_its_weights_and_bias()
    {
        new Layer(2, 2, random: new Random(1)).Parameters().Select(p => p.Label)
            .Should().Equal("N0.w0", "N0.w1", "N0.b", "N1.w0", "N1.w1", "N1.b");
        new Neuron(3, random: new Random(1)).Parameters().Select(p => p.Label).Should().Equal("w0", "w1", "w2", "b");
    }

    [Fact]
    public void A_loaded_network_has_the_same_labels_as_the_saved_one()
    {
        var model = new MLP(3, [4, 2], Activation.Relu, Activation.Linear, new Random(7));
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;

        MLP.Load(stream).Parameters().Select(p => p.Label).Should().Equal(model.Parameters().Select(p => p.Label));
    }

    [Fact]
    public void The_graph_page_of_a_network_names_its_parameters()
    {
        var model = new MLP(2, [2, 1], random: new Random(1));
        string page = model.Forward(1.0, 2.0)[0].ToHtml();

        page.Should().Contain("\"label\":\"L1.N0.w1\"").And.Contain("\"label\":\"L0.N1.b\"");
    }

    [Fact]
    public void Every_module_runs_through_the_one_forward_family()
    {
        // Neuron, Layer and MLP share Module<TOutput>'s Forward overloads: generic code can run any of them.
        static TOutput Run<TOutput>(Module<TOutput> module) => module.Forward(Enumerable.Repeat(1.0, module.InputCount).ToArray());

        Run(new Neuron(2, Activation.Linear, new Random(1))).Should().BeAssignableTo<Value>();
        Run(new Layer(2, 3, random: new Random(1))).Should().HaveCount(3);
        Run(new MLP(2, [3, 4], random: new Random(1))).Should().HaveCount(4);
    }
}

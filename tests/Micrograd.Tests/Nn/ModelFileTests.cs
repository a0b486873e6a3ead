using System.Text;
using Micrograd.Nn;

namespace Micrograd.Tests.Nn;

/// <summary>Model files round-trip bit for bit, read as JSON a person can follow, and reject anything incomplete.</summary>
public sealed class ModelFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("micrograd-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Save_then_load_gives_identical_weights_and_outputs()
    {
        var model = new MLP(3, [5, 4, 2], Activation.Relu, Activation.Sigmoid, new Random(99));
        model.Parameters()[3].Data = double.NaN;             // unusual values survive too
        model.Parameters()[4].Data = double.NegativeInfinity;
        model.Parameters()[5].Data = 1e-310;                 // subnormal
        model.Parameters()[6].Data = 0.1 + 0.2;              // needs all 17 digits

        var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        MLP loaded = MLP.Load(stream);

        loaded.ToString().Should().Be(model.ToString());
        loaded.Parameters().Select(p => BitConverter.DoubleToInt64Bits(p.Data))
            .Should().Equal(model.Parameters().Select(p => BitConverter.DoubleToInt64Bits(p.Data)));
        loaded.Layers.Select(l => l.Activation).Should().Equal(Activation.Relu, Activation.Relu, Activation.Sigmoid);
    }

    [Fact]
    public void A_loaded_model_computes_exactly_what_the_saved_one_did()
    {
        var model = new MLP(2, [16, 16, 1], Activation.Relu, Activation.Linear, new Random(7));
        string path = Path.Combine(_folder, "model.json");
        model.Save(path);
        MLP loaded = MLP.Load(path);

        loaded.Forward(0.3, -1.7)[0].Data.Should().Be(model.Forward(0.3, -1.7)[0].Data);
    }

    [Fact]
    public void The_file_is_indented_JSON_that_names_the_architecture()
    {
        var model = new MLP(2, [1], Activation.Tanh, Activation.Tanh, new Random(1));
        string path = Path.Combine(_folder, "small.json");
        model.Save(path);
        string text = File.ReadAllText(path);

        text.Should().Contain("\"format\": \"micrograd-mlp\"").And.Contain("\"inputs\": 2").And.Contain("\"activation\": \"Tanh\"");
        text.Split('\n').Length.Should().BeGreaterThan(5, "a person should be able to read it");
    }

    [Fact]
    public void Saving_over_an_existing_file_replaces_it_and_leaves_no_temporary_file()
    {
        string path = Path.Combine(_folder, "model.json");
        File.WriteAllText(path, "old content");
        new MLP(2, [2], random: new Random(3)).Save(path);

        MLP.Load(path).InputCount.Should().Be(2);
        Directory.GetFiles(_folder).Should().Equal(path);
    }

    [Fact]
    public void A_save_that_fails_leaves_nothing_behind()
    {
        string path = Path.Combine(_folder, "missing-folder", "model.json");
        Action act = () => new MLP(2, [2], random: new Random(3)).Save(path);
        act.Should().Throw<DirectoryNotFoundException>();
        Directory.GetFileSystemEntries(_folder).Should().BeEmpty();
    }

    public static TheoryData<string, string, string> BrokenFiles => new()
    {
        { "truncated", Truncated(), "*not complete, valid JSON*" },
        { "not JSON", "weights: 1, 2, 3", "*not complete, valid JSON*" },
        { "empty", "", "*not complete, valid JSON*" },
        { "an array", "[]", "$ is a array; expected object*" },
        { "another format", """{"format":"onnx","version":1,"inputs":2,"layers":[]}""", "$.format is 'onnx'*" },
        { "a newer version", """{"format":"micrograd-mlp","version":2,"inputs":2,"layers":[]}""", "$.version is 2*" },
        { "no layers", """{"format":"micrograd-mlp","version":1,"inputs":2,"layers":[]}""", "$.layers is empty*" },
        { "a layer without neurons", """{"format":"micrograd-mlp","version":1,"inputs":2,"layers":[{"activation":"Tanh","neurons":[]}]}""", "$.layers[0].neurons has 0 neurons; a layer has from 1 to 65536*" },
        { "no inputs", """{"format":"micrograd-mlp","version":1,"layers":[]}""", "$.inputs is missing*" },
        { "zero inputs", """{"format":"micrograd-mlp","version":1,"inputs":0,"layers":[]}""", "$.inputs is 0*" },
        { "an unknown activation", Layer("\"Swish\"", "[1, 2]", "0"), "$.layers[0].activation is 'Swish'; expected one of Linear, Tanh, Relu, Sigmoid*" },
        { "a numeric activation", Layer("\"1\"", "[1, 2]", "0"), "$.layers[0].activation is '1'*" },
        { "too few weights", Layer("\"Tanh\"", "[1]", "0"), "$.layers[0].neurons[0].weights has 1 values, but the layer's input has 2*" },
        { "a weight that is text", Layer("\"Tanh\"", "[1, \"two\"]", "0"), "$.layers[0].neurons[0].weights[1] is the string 'two'; expected a number*" },
        { "no bias", """{"format":"micrograd-mlp","version":1,"inputs":2,"layers":[{"activation":"Tanh","neurons":[{"weights":[1,2]}]}]}""", "$.layers[0].neurons[0].bias is missing*" },
        { "a bias that is null", Layer("\"Tanh\"", "[1, 2]", "null"), "$.layers[0].neurons[0].bias is a null; expected a number*" },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void A_broken_file_is_rejected_with_a_message_that_says_what_is_wrong(string what, string content, string message)
    {
        Action act = () => MLP.Load(new MemoryStream(Encoding.UTF8.GetBytes(content)));
        act.Should().Throw<InvalidDataException>(what).WithMessage(message);
    }

    [Theory]
    [InlineData("bias", "0", "1")]
    [InlineData("bias", "0.5", "0.5")]
    [InlineData("weights", "[1, 2]", "[3, 4]")]
    [InlineData("activation", "\"Tanh\"", "\"Relu\"")]
    public void A_property_given_twice_is_refused_rather_than_one_copy_silently_winning(string name, string first, string second)
    {
        string[] values = { "\"Tanh\"", "[1, 2]", "0" };
        int index = name switch { "activation" => 0, "weights" => 1, _ => 2 };
        values[index] = first + ", \"" + name + "\": " + second;
        string json = "{\"format\":\"micrograd-mlp\",\"version\":1,\"inputs\":2,\"layers\":[{\"activation\":" + values[0] +
            ",\"neurons\":[{\"weights\":" + values[1] + ",\"bias\":" + values[2] + "}]}]}";
        string place = name == "activation" ? "$.layers[0].activation" : "$.layers[0].neurons[0]." + name;

        Action act = () => MLP.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        act.Should().Throw<InvalidDataException>().WithMessage(place + " is given more than once*");
    }

    [Theory]
    [InlineData("micrograd-mlp", "$.format")]
    [InlineData("Tanh", "$.layers[0].activation")]
    [InlineData("NaN", "$.layers[0].neurons[0].bias")]
    public void A_string_that_is_not_valid_UTF8_is_refused_naming_the_place(string text, string place)
    {
        // One byte of the string replaced by 0xFF, which never occurs in UTF-8; found by ModelFilePropertyTests.
        byte[] bytes = Encoding.UTF8.GetBytes(
            "{\"format\":\"micrograd-mlp\",\"version\":1,\"inputs\":1,\"layers\":[{\"activation\":\"Tanh\",\"neurons\":[{\"weights\":[1],\"bias\":\"NaN\"}]}]}");
        int at = Encoding.UTF8.GetString(bytes).IndexOf("\"" + text + "\"", StringComparison.Ordinal) + 2;
        bytes[at] = 0xFF;

        Action act = () => MLP.Load(new MemoryStream(bytes));
        act.Should().Throw<InvalidDataException>().WithMessage(place + " is a string that is not valid Unicode text.");
    }

    [Fact]
    public void Loading_a_broken_file_by_path_names_the_file()
    {
        string path = Path.Combine(_folder, "broken.json");
        File.WriteAllText(path, Truncated());
        Action act = () => MLP.Load(path);
        act.Should().Throw<InvalidDataException>().WithMessage("*broken.json*not complete*");
    }

    private static string Layer(string activation, string weights, string bias) =>
        "{\"format\":\"micrograd-mlp\",\"version\":1,\"inputs\":2,\"layers\":[{\"activation\":" + activation +
        ",\"neurons\":[{\"weights\":" + weights + ",\"bias\":" + bias + "}]}]}";

    private static string Truncated()
    {
        var stream = new MemoryStream();
        new MLP(2, [3, 1], random: new Random(4)).Save(stream);
        string full = Encoding.UTF8.GetString(stream.ToArray());
        return full[..(full.Length * 2 / 3)];
    }
}

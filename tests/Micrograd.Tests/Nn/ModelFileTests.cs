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
        { "not JSON", "weights: 1, 2, 3", "The model file is not complete, valid JSON: it breaks off, or has a mistake, at line 1, byte 1." },
        { "empty", "", "The model file is empty." },
        { "only white space", " \r\n", "The model file is empty." },
        { "an array", "[]", "$ is an array; expected an object." },
        { "another format", """{"format":"onnx","version":1,"inputs":2,"layers":[]}""", "$.format is 'onnx', expected 'micrograd-mlp'." },
        { "a newer version", """{"format":"micrograd-mlp","version":2,"inputs":2,"layers":[]}""", "$.version is 2*" },
        { "no layers", """{"format":"micrograd-mlp","version":1,"inputs":2,"layers":[]}""", "$.layers is empty*" },
        { "a layer without neurons", """{"format":"micrograd-mlp","version":1,"inputs":2,"layers":[{"activation":"Tanh","neurons":[]}]}""", "$.layers[0].neurons is empty; a layer needs at least one neuron." },
        { "no inputs", """{"format":"micrograd-mlp","version":1,"layers":[]}""", "$.inputs is missing*" },
        { "zero inputs", """{"format":"micrograd-mlp","version":1,"inputs":0,"layers":[]}""", "$.inputs is 0*" },
        { "an unknown activation", Layer("\"Swish\"", "[1, 2]", "0"), "$.layers[0].activation is 'Swish'; expected one of Linear, Tanh, Relu, Sigmoid*" },
        { "a numeric activation", Layer("\"1\"", "[1, 2]", "0"), "$.layers[0].activation is '1'*" },
        { "too few weights", Layer("\"Tanh\"", "[1]", "0"), "$.layers[0].neurons[0].weights has 1 value, but the layer has 2 inputs." },
        { "a weight that is text", Layer("\"Tanh\"", "[1, \"two\"]", "0"), "$.layers[0].neurons[0].weights[1] is the string 'two'; expected a number*" },
        { "no bias", """{"format":"micrograd-mlp","version":1,"inputs":2,"layers":[{"activation":"Tanh","neurons":[{"weights":[1,2]}]}]}""", "$.layers[0].neurons[0].bias is missing*" },
        { "a bias that is null", Layer("\"Tanh\"", "[1, 2]", "null"), "$.layers[0].neurons[0].bias is null; expected a number." },
        { "a format that is a number", """{"format":3,"version":1,"inputs":2,"layers":[]}""", "$.format is the number 3; expected a string." },
        { "a version that is text", """{"format":"micrograd-mlp","version":"1","inputs":2,"layers":[]}""", "$.version is the string '1'; expected a number." },
        { "a version of 1.0", """{"format":"micrograd-mlp","version":1.0,"inputs":2,"layers":[]}""", "$.version is the number 1.0; expected a whole number." },
        { "fractional inputs", """{"format":"micrograd-mlp","version":1,"inputs":2.5,"layers":[]}""", "$.inputs is the number 2.5; expected a whole number." },
        { "layers that are an object", """{"format":"micrograd-mlp","version":1,"inputs":2,"layers":{}}""", "$.layers is an object; expected an array." },
        { "a layer that is a number", """{"format":"micrograd-mlp","version":1,"inputs":2,"layers":[5]}""", "$.layers[0] is the number 5; expected an object." },
        { "a neuron that is true", """{"format":"micrograd-mlp","version":1,"inputs":2,"layers":[{"activation":"Tanh","neurons":[true]}]}""", "$.layers[0].neurons[0] is true; expected an object." },
        { "an activation in lower case", Layer("\"tanh\"", "[1, 2]", "0"), "$.layers[0].activation is 'tanh'; expected one of Linear, Tanh, Relu, Sigmoid, LeakyRelu, Gelu." },
        { "an undefined activation number", Layer("\"6\"", "[1, 2]", "0"), "$.layers[0].activation is '6'*" },
        { "a bias of 'nan'", Layer("\"Tanh\"", "[1, 2]", "\"nan\""), "$.layers[0].neurons[0].bias is the string 'nan'; expected a number." },
        { "a second layer that does not fit the first", """{"format":"micrograd-mlp","version":1,"inputs":1,"layers":[{"activation":"Tanh","neurons":[{"weights":[1],"bias":0},{"weights":[1],"bias":0}]},{"activation":"Tanh","neurons":[{"weights":[1],"bias":0}]}]}""", "$.layers[1].neurons[0].weights has 1 value, but the layer has 2 inputs." },
        { "a version of 0", """{"format":"micrograd-mlp","version":0,"inputs":2,"layers":[]}""", "$.version is 0; this library reads version 1." },
        { "negative inputs", """{"format":"micrograd-mlp","version":1,"inputs":-3,"layers":[]}""", "$.inputs is -3; a network needs at least one input." },
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
    public void Special_numbers_written_as_strings_load_as_themselves()
    {
        MLP model = MLP.Load(new MemoryStream(Encoding.UTF8.GetBytes(Layer("\"Linear\"", "[\"NaN\", \"-Infinity\"]", "\"Infinity\""))));
        double.IsNaN(model.Parameters()[0].Data).Should().BeTrue();
        model.Parameters().Skip(1).Select(p => p.Data).Should().Equal(double.NegativeInfinity, double.PositiveInfinity);
        model.Layers[0].Activation.Should().Be(Activation.Linear);
    }

    [Fact]
    public void A_number_beyond_the_range_of_double_loads_as_infinity_as_in_CPython()
    {
        // CPython: json.loads("[1e400, -1e400, 1e-400]") == [inf, -inf, 0.0]
        MLP model = MLP.Load(new MemoryStream(Encoding.UTF8.GetBytes(Layer("\"Linear\"", "[1e400, -1e400]", "1e-400"))));
        model.Parameters().Select(p => p.Data).Should().Equal(double.PositiveInfinity, double.NegativeInfinity, 0.0);
    }

    [Fact]
    public void A_layer_of_more_than_65536_neurons_loads()
    {
        // The 65,536 limit came from a 16-bit row index the engine no longer has.
        MLP.Load(new MemoryStream(Encoding.UTF8.GetBytes(Wide(65_537)))).OutputCount.Should().Be(65_537);

        static string Wide(int neurons) =>
            "{\"format\":\"micrograd-mlp\",\"version\":1,\"inputs\":1,\"layers\":[{\"activation\":\"Relu\",\"neurons\":[" +
            string.Join(",", Enumerable.Repeat("{\"weights\":[0.5],\"bias\":0}", neurons)) + "]}]}";
    }

    [Fact]
    public void Saving_into_a_folder_that_does_not_exist_names_the_path_given_and_the_missing_folder()
    {
        string path = Path.Combine(_folder, "missing", "model.json");
        Action act = () => new MLP(2, [2], random: new Random(3)).Save(path);
        act.Should().Throw<DirectoryNotFoundException>()
            .WithMessage("Cannot save the model to '" + path + "': the folder '" + Path.Combine(_folder, "missing") + "' does not exist.");
    }

    [Fact]
    public void Saving_onto_a_folder_says_it_is_a_folder()
    {
        string path = Path.Combine(_folder, "adir");
        Directory.CreateDirectory(path);
        Action act = () => new MLP(2, [2], random: new Random(3)).Save(path);
        act.Should().Throw<IOException>().WithMessage("Cannot save the model to '" + path + "': it is a folder; give the path of a file.");
    }

    [SkippableFact]
    public void A_save_refused_by_the_file_system_names_the_path_given_and_never_the_temporary_file()
    {
        // /proc refuses new files: the failure comes from creating the temporary file beside the target.
        Skip.IfNot(OperatingSystem.IsLinux(), "needs /proc, a folder where no file can be created");
        const string path = "/proc/self/model.json";
        Action act = () => new MLP(2, [2], random: new Random(3)).Save(path);
        act.Should().Throw<Exception>().Where(e => e is IOException || e is UnauthorizedAccessException)
            .Which.Message.Should().StartWith("Cannot save the model to '" + path + "': ").And.NotContain(".tmp");
    }

    [Fact]
    public void A_broken_file_s_message_gives_the_line_and_character_in_plain_words()
    {
        Action act = () => MLP.Load(new MemoryStream(Encoding.UTF8.GetBytes("{\n  \"format\": \"micrograd-mlp\",\n  \"version\": 1,,\n}")));
        act.Should().Throw<InvalidDataException>()
            .WithMessage("The model file is not complete, valid JSON: it breaks off, or has a mistake, at line 3, byte 16.")
            .Which.Message.Should().NotContain("LineNumber").And.NotContain("isFinalBlock");
    }

    [Fact]
    public void A_save_that_fails_after_writing_removes_its_temporary_file()
    {
        string path = Path.Combine(_folder, "a-folder");
        Directory.CreateDirectory(path);
        Action act = () => new MLP(2, [2], random: new Random(3)).Save(path);
        act.Should().Throw<IOException>("a folder is in the way");
        Directory.GetFileSystemEntries(_folder).Should().Equal(path);
    }

    [Fact]
    public void Loading_a_broken_file_by_path_names_the_file()
    {
        string path = Path.Combine(_folder, "broken.json");
        File.WriteAllText(path, Truncated());
        Action act = () => MLP.Load(path);
        act.Should().Throw<InvalidDataException>().WithMessage("'" + path + "': The model file is not complete, valid JSON: *")
            .WithInnerException<InvalidDataException>().WithMessage("The model file is not complete, valid JSON: *");
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

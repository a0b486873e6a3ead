using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CsCheck;
using Micrograd.Nn;

namespace Micrograd.Tests.Nn;

/// <summary>
/// Model files of random networks: every one loads back bit for bit, and every corruption of one either loads
/// what the corrupted file says or is refused with an <see cref="InvalidDataException"/> that names the place:
/// a JSON path that exists in the file (or the missing property), or the line and byte of a syntax error.
/// Changes known to keep the file valid must load; changes known to break it must be refused at the expected
/// place. <see cref="MLP.Load(Stream)"/> always builds a new network, so a refused file leaves no model behind
/// to be half loaded; the stream it was given is left open.
/// </summary>
public sealed partial class ModelFilePropertyTests
{
    private const string Marker = "__marker__";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Every kind of double: ordinary, tiny, huge, subnormal, signed zeros, infinities and NaN.</summary>
    private static readonly Gen<double> Numbers = Gen.Frequency(
        (4, Gen.Double[-1, 1]),
        (3, Gen.Double),
        (1, Gen.OneOf(0.0, -0.0, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue,
            double.PositiveInfinity, double.NegativeInfinity, double.NaN, 0.1 + 0.2, 1e-310)));

    private static readonly Gen<Network> Networks =
        from inputs in Gen.Int[1, 4]
        from sizes in Gen.Int[1, 4].Array[1, 3]
        from hidden in Gen.Enum<Activation>()
        from output in Gen.Enum<Activation>()
        from values in Numbers.Array[Count(inputs, sizes)]
        select new Network(inputs, sizes, hidden, output, values);

    private static readonly Gen<Corruption> Corruptions =
        from network in Networks
        from kind in Gen.Enum<Kind>()
        from pick in Gen.Int[0, int.MaxValue]
        from variant in Gen.Int[0, int.MaxValue]
        from number in Numbers
        select Corrupt(network, kind, pick, variant, number);

    private enum Kind
    {
        FlipByte,
        Truncate,
        DeleteProperty,
        DuplicateProperty,
        AddUnknownProperty,
        Retype,
        NumberString,
        BadNumberString,
        ChangeNumber,
        ChangeInputs,
        RemoveElement,
        DuplicateElement,
    }

    private enum Outcome
    {
        Loads,
        Refused,
        Either,
    }

    [Fact]
    public void Any_network_loads_back_bit_for_bit()
    {
        Networks.Sample(network =>
        {
            MLP model = network.Build();
            MLP loaded = MLP.Load(new MemoryStream(Save(model)));

            loaded.ToString().Should().Be(model.ToString());
            loaded.Layers.Select(l => l.Activation).Should().Equal(model.Layers.Select(l => l.Activation));
            Bits(loaded.Parameters().Select(p => p.Data)).Should().Equal(Bits(network.Values));
        }, iter: 300);
    }

    [Fact]
    public void Any_corruption_loads_what_the_file_says_or_is_refused_naming_the_place()
    {
        Corruptions.Sample(Check, iter: 2000, print: c => c.ToString());
    }

    private static void Check(Corruption corruption)
    {
        Exception? error = null;
        MLP? loaded = null;
        var stream = new MemoryStream(corruption.Bytes);
        try
        {
            loaded = MLP.Load(stream);
        }
        catch (Exception e)
        {
            error = e;
        }

        if (error is not null)
        {
            error.Should().BeOfType<InvalidDataException>("a corrupted file is invalid data, whatever the corruption ({0})", error);
            stream.CanRead.Should().BeTrue("the stream is left open");
            corruption.Expected.Should().NotBe(Outcome.Loads, "this change keeps the file valid, but it was refused: {0}", error.Message);
            NamesAPlace(error.Message, corruption.Bytes).Should().BeTrue("the message should name a place in the file: {0}", error.Message);
            if (corruption.Place is not null)
            {
                error.Message.Should().StartWith(corruption.Place);
            }
        }
        else
        {
            corruption.Expected.Should().NotBe(Outcome.Refused, "this change makes the file invalid, but it loaded");
            ShouldBeWhatTheFileSays(loaded!, corruption.Bytes);
        }
    }

    /// <summary>The model a valid file describes, read from the JSON as the format documents it.</summary>
    private static void ShouldBeWhatTheFileSays(MLP loaded, byte[] bytes)
    {
        using JsonDocument document = JsonDocument.Parse(bytes);
        JsonElement root = document.RootElement;
        loaded.InputCount.Should().Be(root.GetProperty("inputs").GetInt32());
        JsonElement[] layers = root.GetProperty("layers").EnumerateArray().ToArray();
        loaded.Layers.Should().HaveCount(layers.Length);
        var expected = new List<double>();
        for (int l = 0; l < layers.Length; l++)
        {
            loaded.Layers[l].Activation.ToString().Should().Be(layers[l].GetProperty("activation").GetString());
            JsonElement[] neurons = layers[l].GetProperty("neurons").EnumerateArray().ToArray();
            loaded.Layers[l].OutputCount.Should().Be(neurons.Length);
            foreach (JsonElement neuron in neurons)
            {
                expected.AddRange(neuron.GetProperty("weights").EnumerateArray().Select(ReadNumber));
                expected.Add(ReadNumber(neuron.GetProperty("bias")));
            }
        }

        Bits(loaded.Parameters().Select(p => p.Data)).Should().Equal(Bits(expected));
    }

    private static double ReadNumber(JsonElement element) => element.ValueKind == JsonValueKind.Number
        ? double.Parse(element.GetRawText(), System.Globalization.CultureInfo.InvariantCulture)
        : element.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var other => throw new InvalidOperationException("The file was loaded, but its number '" + other + "' is not one."),
        };

    [GeneratedRegex(@"^\$((\.[A-Za-z]+)|(\[\d+\]))*")]
    private static partial Regex PathAtStart();

    [GeneratedRegex(@"at line \d+, byte \d+\.$")]
    private static partial Regex SyntaxPosition();

    private static bool NamesAPlace(string message, byte[] bytes)
    {
        if (message == "The model file is empty.")
        {
            return bytes.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n');
        }

        if (message.StartsWith("The model file is not complete, valid JSON: ", StringComparison.Ordinal))
        {
            return SyntaxPosition().IsMatch(message);
        }

        Match path = PathAtStart().Match(message);
        if (!path.Success)
        {
            return false;
        }

        using JsonDocument document = JsonDocument.Parse(bytes);
        JsonElement element = document.RootElement;
        string[] steps = Regex.Split(path.Value[1..], @"(?=[.\[])").Where(s => s.Length > 0).ToArray();
        for (int i = 0; i < steps.Length; i++)
        {
            string step = steps[i];
            if (step[0] == '.')
            {
                if (element.ValueKind != JsonValueKind.Object)
                {
                    return false;
                }

                if (!element.TryGetProperty(step[1..], out JsonElement child))
                {
                    return i == steps.Length - 1 && message[path.Length..].StartsWith(" is missing", StringComparison.Ordinal);
                }

                element = child;
            }
            else
            {
                int index = int.Parse(step[1..^1], System.Globalization.CultureInfo.InvariantCulture);
                if (element.ValueKind != JsonValueKind.Array || index >= element.GetArrayLength())
                {
                    return false;
                }

                element = element[index];
            }
        }

        return true;
    }

    private static Corruption Corrupt(Network network, Kind kind, int pick, int variant, double number)
    {
        byte[] original = Save(network.Build());
        string text = Encoding.UTF8.GetString(original);
        switch (kind)
        {
            case Kind.FlipByte:
            {
                byte[] bytes = (byte[])original.Clone();
                int at = pick % bytes.Length;
                bytes[at] = (byte)(bytes[at] ^ (1 + variant % 255));
                return new(kind + " at " + at, bytes, Outcome.Either, null);
            }

            case Kind.Truncate:
            {
                int length = pick % original.Length;
                return new(kind + " to " + length, original[..length], Outcome.Refused, length == 0 ? "The model file is empty." : "The model file is not complete, valid JSON");
            }
        }

        JsonNode? root = JsonNode.Parse(text)!;
        List<Node> nodes = Walk(root, null, null, "$").ToList();
        Node Pick(Func<Node, bool> where)
        {
            List<Node> candidates = nodes.Where(where).ToList();
            return candidates[pick % candidates.Count];
        }

        static bool IsNumber(Node n) => n.Path.EndsWith(".bias", StringComparison.Ordinal) || n.Path.Contains(".weights[", StringComparison.Ordinal);

        switch (kind)
        {
            case Kind.DeleteProperty:
            {
                Node node = Pick(n => n.Name is not null);
                ((JsonObject)NotNull(node.Parent)).Remove(node.Name!);
                return Changed(kind, node.Path, root, Outcome.Refused, node.Path + " is missing");
            }

            case Kind.DuplicateProperty:
            {
                Node node = Pick(n => n.Name is not null);
                var parent = (JsonObject)NotNull(node.Parent);
                string first = node.Value?.ToJsonString() ?? "null";
                string second = variant % 2 == 0 ? first : double.IsFinite(number) ? JsonValue.Create(number).ToJsonString() : "\"NaN\"";
                ReplaceWithMarker(parent, node.Name!);
                string json = root!.ToJsonString().Replace(
                    "\"" + Marker + "\":0", "\"" + node.Name + "\":" + first + ",\"" + node.Name + "\":" + second, StringComparison.Ordinal);
                return new(kind + " " + node.Path, Encoding.UTF8.GetBytes(json), Outcome.Refused, node.Path + " is given more than once");
            }

            case Kind.AddUnknownProperty:
            {
                Node node = Pick(n => n.Value is JsonObject);
                ((JsonObject)node.Value!)["note"] = "written by hand";
                return Changed(kind, node.Path, root, Outcome.Loads, null);
            }

            case Kind.Retype:
            {
                Node node = Pick(_ => true);
                JsonNode?[] replacements = { null, true, false, "text", new JsonObject(), new JsonArray(), 2.5, -1 };
                JsonNode? replacement = replacements[variant % replacements.Length];
                bool stillValid = IsNumber(node) && replacement is JsonValue v && v.GetValueKind() == JsonValueKind.Number;
                Replace(root, node, replacement, out root);
                return Changed(kind, node.Path + " = " + (replacement?.ToJsonString() ?? "null"), root,
                    stillValid ? Outcome.Loads : Outcome.Refused, stillValid ? null : node.Path);
            }

            case Kind.NumberString:
            {
                Node node = Pick(IsNumber);
                string[] names = { "NaN", "Infinity", "-Infinity" };
                Replace(root, node, names[variant % names.Length], out root);
                return Changed(kind, node.Path, root, Outcome.Loads, null);
            }

            case Kind.BadNumberString:
            {
                Node node = Pick(IsNumber);
                string[] names = { "nan", "Inf", "+Infinity", "-NaN", " NaN", "1.5", "", "Infinity " };
                string bad = names[variant % names.Length];
                Replace(root, node, bad, out root);
                return Changed(kind, node.Path + " = '" + bad + "'", root, Outcome.Refused, node.Path + " is the string '" + bad + "'; expected a number");
            }

            case Kind.ChangeNumber:
            {
                Node node = Pick(IsNumber);
                JsonNode replacement = double.IsFinite(number)
                    ? JsonValue.Create(number)
                    : JsonValue.Create(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Replace(root, node, replacement, out root);
                return Changed(kind, node.Path + " = " + number.ToString("R", System.Globalization.CultureInfo.InvariantCulture), root, Outcome.Loads, null);
            }

            case Kind.ChangeInputs:
            {
                int delta = (variant % 2 == 0 ? 1 : -1) * (1 + variant / 2 % 4);
                int inputs = network.Inputs + delta;
                root!["inputs"] = inputs;
                string place = inputs < 1 ? "$.inputs is " + inputs : "$.layers[0].neurons[0].weights has " + network.Inputs + (network.Inputs == 1 ? " value," : " values,");
                return Changed(kind, "$.inputs = " + inputs, root, Outcome.Refused, place);
            }

            case Kind.RemoveElement:
            case Kind.DuplicateElement:
            {
                Node node = Pick(n => n.Index is not null);
                var array = (JsonArray)NotNull(node.Parent);
                int index = node.Index!.Value;
                bool remove = kind == Kind.RemoveElement;
                if (remove)
                {
                    array.RemoveAt(index);
                }
                else
                {
                    array.Insert(index, node.Value!.DeepClone());
                }

                (Outcome outcome, string? place) = ElementOutcome(network, node.Path, array, remove);
                return Changed(kind, node.Path, root, outcome, place);
            }

            default:
                throw new InvalidOperationException("Unknown kind " + kind);
        }
    }

    /// <summary>Whether removing or duplicating one array element keeps the layer sizes consistent, and where it breaks if not.</summary>
    private static (Outcome, string?) ElementOutcome(Network network, string path, JsonArray array, bool remove)
    {
        Match match = Regex.Match(path, @"^\$\.layers\[(\d+)\](\.neurons\[(\d+)\](\.weights\[(\d+)\])?)?$");
        int layer = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        string layerPath = "$.layers[" + layer + "]";
        if (match.Groups[4].Success)
        {
            // A weight more or less: the neuron no longer fits its layer's input.
            return (Outcome.Refused, path[..path.LastIndexOf('[')] + " has ");
        }

        int last = network.Sizes.Length - 1;
        if (match.Groups[2].Success)
        {
            // A neuron more or less: only the output layer may change size.
            if (array.Count == 0)
            {
                return (Outcome.Refused, layerPath + ".neurons is empty");
            }

            return layer == last ? (Outcome.Loads, null) : (Outcome.Refused, "$.layers[" + (layer + 1) + "].neurons[0].weights has ");
        }

        if (array.Count == 0)
        {
            return (Outcome.Refused, "$.layers is empty");
        }

        // A layer more or less: the sizes still chain only if the layer maps its input size to itself, or it was the last.
        int input = layer == 0 ? network.Inputs : network.Sizes[layer - 1];
        if (remove && layer == last)
        {
            return (Outcome.Loads, null);
        }

        if (input == network.Sizes[layer])
        {
            return (Outcome.Loads, null);
        }

        return (Outcome.Refused, "$.layers[" + (remove ? layer : layer + 1) + "].neurons[0].weights has ");
    }

    private static JsonNode NotNull(JsonNode? node) => node!;

    private static void ReplaceWithMarker(JsonObject parent, string name)
    {
        // Keeps the order of the other properties; the marker is swapped for the two copies in the text.
        var pairs = parent.ToList();
        parent.Clear();
        foreach (var (key, value) in pairs)
        {
            if (key == name)
            {
                parent[Marker] = 0;
            }
            else
            {
                parent[key] = value;
            }
        }
    }

    /// <summary>Puts <paramref name="replacement"/> where <paramref name="node"/> was; the root itself may be replaced.</summary>
    private static void Replace(JsonNode? root, Node node, JsonNode? replacement, out JsonNode? newRoot)
    {
        newRoot = root;
        if (node.Parent is null)
        {
            newRoot = replacement;
        }
        else if (node.Name is not null)
        {
            ((JsonObject)node.Parent)[node.Name] = replacement;
        }
        else
        {
            ((JsonArray)node.Parent)[node.Index!.Value] = replacement;
        }
    }

    private static Corruption Changed(Kind kind, string what, JsonNode? root, Outcome outcome, string? place) =>
        new(kind + " " + what, Encoding.UTF8.GetBytes(root?.ToJsonString(Indented) ?? "null"), outcome, place);

    private static IEnumerable<Node> Walk(JsonNode? value, JsonNode? parent, object? key, string path)
    {
        yield return new Node(path, value, parent, key as string, key as int?);
        if (value is JsonObject obj)
        {
            foreach (var (name, child) in obj.ToList())
            {
                foreach (Node node in Walk(child, obj, name, path + "." + name))
                {
                    yield return node;
                }
            }
        }
        else if (value is JsonArray array)
        {
            for (int i = 0; i < array.Count; i++)
            {
                foreach (Node node in Walk(array[i], array, i, path + "[" + i + "]"))
                {
                    yield return node;
                }
            }
        }
    }

    private static byte[] Save(MLP model)
    {
        var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }

    private static long[] Bits(IEnumerable<double> values) =>
        values.Select(v => double.IsNaN(v) ? long.MinValue : BitConverter.DoubleToInt64Bits(v)).ToArray(); // NaN payloads are not kept

    private static int Count(int inputs, int[] sizes)
    {
        int count = 0;
        int previous = inputs;
        foreach (int size in sizes)
        {
            count += size * (previous + 1);
            previous = size;
        }

        return count;
    }

    private sealed record Node(string Path, JsonNode? Value, JsonNode? Parent, string? Name, int? Index);

    private sealed record Corruption(string What, byte[] Bytes, Outcome Expected, string? Place)
    {
        public override string ToString() => What + " (expected: " + Expected + " " + Place + ")\n" + Encoding.UTF8.GetString(Bytes);
    }

    private sealed record Network(int Inputs, int[] Sizes, Activation Hidden, Activation Output, double[] Values)
    {
        public MLP Build()
        {
            var model = new MLP(Inputs, Sizes, Hidden, Output, new Random(0));
            for (int i = 0; i < Values.Length; i++)
            {
                model.Parameters()[i].Data = Values[i];
            }

            return model;
        }

        public override string ToString() =>
            "MLP(" + Inputs + ", [" + string.Join(", ", Sizes) + "], " + Hidden + ", " + Output + ") " +
            string.Join(", ", Values.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
    }
}

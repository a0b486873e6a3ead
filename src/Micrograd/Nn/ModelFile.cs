using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace Micrograd.Nn;

/// <summary>
/// Reads and writes an <see cref="MLP"/> as JSON a person can read:
/// <c>{"format":"micrograd-mlp","version":1,"inputs":2,"layers":[{"activation":"Relu","neurons":[{"weights":[…],"bias":0}]}]}</c>.
/// Numbers are written in their shortest round-trip form, so a model loads back bit for bit; infinities and NaN
/// are written as the strings "Infinity", "-Infinity" and "NaN".
/// </summary>
internal static class ModelFile
{
    private const string Format = "micrograd-mlp";
    private const int Version = 1;

    public static void Write(MLP model, string path)
    {
        string fullPath = Path.GetFullPath(path); // throws ArgumentNullException naming path, as documented
        string folder = Path.GetDirectoryName(fullPath) ?? fullPath;
        if (Directory.Exists(fullPath))
        {
            throw new IOException("Cannot save the model to '" + path + "': it is a folder; give the path of a file.");
        }

        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException("Cannot save the model to '" + path + "': the folder '" + folder + "' does not exist.");
        }

        string temporary = fullPath + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                Write(model, stream);
                stream.Flush(flushToDisk: true);
            }

            if (File.Exists(fullPath))
            {
                File.Replace(temporary, fullPath, destinationBackupFileName: null);
            }
            else
            {
                File.Move(temporary, fullPath);
            }
        }
        catch (UnauthorizedAccessException error)
        {
            throw new UnauthorizedAccessException("Cannot save the model to '" + path + "': permission denied.", error);
        }
        catch (IOException error)
        {
            // The temporary file is this class's business: the message names the user's own path.
            throw new IOException("Cannot save the model to '" + path + "': " + error.Message.Replace(temporary, fullPath), error);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    public static void Write(MLP model, Stream stream)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        // Disposed, and so flushed, when the method returns.
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteString("format", Format);
        writer.WriteNumber("version", Version);
        writer.WriteNumber("inputs", model.InputCount);
        writer.WriteStartArray("layers");
        foreach (Layer layer in model.Layers)
        {
            writer.WriteStartObject();
            writer.WriteString("activation", layer.Activation.ToString());
            writer.WriteStartArray("neurons");
            foreach (Neuron neuron in layer.Neurons)
            {
                writer.WriteStartObject();
                writer.WriteStartArray("weights");
                foreach (Value weight in neuron.Weights)
                {
                    WriteNumber(writer, weight.Data);
                }

                writer.WriteEndArray();
                writer.WritePropertyName("bias");
                WriteNumber(writer, neuron.Bias.Data);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static MLP Read(string path)
    {
        // FileStream throws ArgumentNullException naming path, as documented.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            return Read(stream);
        }
        catch (InvalidDataException error)
        {
            throw new InvalidDataException("'" + path + "': " + error.Message, error);
        }
    }

    public static MLP Read(Stream stream)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        var content = new MemoryStream();
        stream.CopyTo(content);
        if (Array.TrueForAll(content.ToArray(), b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            throw new InvalidDataException("The model file is empty.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content.GetBuffer().AsMemory(0, (int)content.Length));
        }
        catch (JsonException error)
        {
            throw new InvalidDataException(
                "The model file is not complete, valid JSON: it breaks off, or has a mistake, at line " + (error.LineNumber + 1) +
                ", byte " + (error.BytePositionInLine + 1) + ".",
                error);
        }

        using (document)
        {
            // Everything is read and checked before any module is built, so a bad file never half-loads.
            JsonElement root = Expect(document.RootElement, JsonValueKind.Object, "$");
            string format = Text(Property(root, "format", JsonValueKind.String, "$"), "$.format");
            if (format != Format)
            {
                throw new InvalidDataException("$.format is '" + format + "', expected '" + Format + "'.");
            }

            int version = Integer(Property(root, "version", JsonValueKind.Number, "$"), "$.version");
            if (version != Version)
            {
                throw new InvalidDataException("$.version is " + version + "; this library reads version " + Version + ".");
            }

            int inputs = Integer(Property(root, "inputs", JsonValueKind.Number, "$"), "$.inputs");
            if (inputs < 1)
            {
                throw new InvalidDataException("$.inputs is " + inputs + "; a network needs at least one input.");
            }

            JsonElement layersElement = Property(root, "layers", JsonValueKind.Array, "$");
            if (layersElement.GetArrayLength() == 0)
            {
                throw new InvalidDataException("$.layers is empty; a network needs at least one layer.");
            }

            var layers = new List<Layer>();
            int previous = inputs;
            int l = 0;
            foreach (JsonElement layerElement in layersElement.EnumerateArray())
            {
                string at = "$.layers[" + l + "]";
                Expect(layerElement, JsonValueKind.Object, at);
                string activationName = Text(Property(layerElement, "activation", JsonValueKind.String, at), at + ".activation");
                if (!Enum.TryParse(activationName, out Activation activation)
                    || !Enum.IsDefined(typeof(Activation), activation)
                    || activationName != activation.ToString())
                {
                    throw new InvalidDataException(
                        at + ".activation is '" + activationName + "'; expected one of " + string.Join(", ", Enum.GetNames(typeof(Activation))) + ".");
                }

                JsonElement neuronsElement = Property(layerElement, "neurons", JsonValueKind.Array, at);
                if (neuronsElement.GetArrayLength() == 0)
                {
                    throw new InvalidDataException(at + ".neurons is empty; a layer needs at least one neuron.");
                }

                var neurons = new List<Neuron>();
                int n = 0;
                foreach (JsonElement neuronElement in neuronsElement.EnumerateArray())
                {
                    string neuronAt = at + ".neurons[" + n + "]";
                    Expect(neuronElement, JsonValueKind.Object, neuronAt);
                    JsonElement weightsElement = Property(neuronElement, "weights", JsonValueKind.Array, neuronAt);
                    if (weightsElement.GetArrayLength() != previous)
                    {
                        throw new InvalidDataException(
                            neuronAt + ".weights has " + Count(weightsElement.GetArrayLength(), "value") + ", but the layer has " + Count(previous, "input") + ".");
                    }

                    var weights = new double[previous];
                    int w = 0;
                    foreach (JsonElement weight in weightsElement.EnumerateArray())
                    {
                        weights[w] = Number(weight, neuronAt + ".weights[" + w + "]");
                        w++;
                    }

                    double bias = Number(Find(neuronElement, "bias", neuronAt), neuronAt + ".bias");
                    neurons.Add(new Neuron(weights, bias, activation));
                    n++;
                }

                layers.Add(new Layer(neurons.ToArray()));
                previous = neurons.Count;
                l++;
            }

            return new MLP(layers.ToArray());
        }
    }

    private static void WriteNumber(Utf8JsonWriter writer, double number)
    {
        if (double.IsNaN(number) || double.IsInfinity(number))
        {
            writer.WriteStringValue(number.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNumberValue(number);
        }
    }

    private static double Number(JsonElement element, string at)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out double number))
        {
            return number;
        }

        if (element.ValueKind == JsonValueKind.String)
        {
            switch (Text(element, at))
            {
                case "NaN": return double.NaN;
                case "Infinity": return double.PositiveInfinity;
                case "-Infinity": return double.NegativeInfinity;
            }
        }

        throw new InvalidDataException(at + " is " + Describe(element, at) + "; expected a number.");
    }

    private static int Integer(JsonElement element, string at)
    {
        if (element.TryGetInt32(out int value))
        {
            return value;
        }

        throw new InvalidDataException(at + " is " + Describe(element, at) + "; expected a whole number.");
    }

    private static JsonElement Property(JsonElement parent, string name, JsonValueKind kind, string at) =>
        Expect(Find(parent, name, at), kind, at + "." + name);

    // JSON allows a name twice in one object, and TryGetProperty would silently take the last: a file edited by
    // hand with two biases for one neuron is ambiguous, so it is refused.
    private static JsonElement Find(JsonElement parent, string name, string at)
    {
        JsonElement found = default;
        int count = 0;
        foreach (JsonProperty property in parent.EnumerateObject())
        {
            if (property.NameEquals(name))
            {
                found = property.Value;
                count++;
            }
        }

        return count switch
        {
            0 => throw new InvalidDataException(at + "." + name + " is missing."),
            1 => found,
            _ => throw new InvalidDataException(at + "." + name + " is given more than once."),
        };
    }

    private static JsonElement Expect(JsonElement element, JsonValueKind kind, string at)
    {
        if (element.ValueKind != kind)
        {
            throw new InvalidDataException(at + " is " + Describe(element, at) + "; expected " + Describe(kind) + ".");
        }

        return element;
    }

    // A string that is not valid UTF-8, or escapes half a surrogate pair, cannot become a .NET string.
    private static string Text(JsonElement element, string at)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException error)
        {
            throw new InvalidDataException(at + " is a string that is not valid Unicode text.", error);
        }
    }

    private static string Describe(JsonElement element, string at) =>
        element.ValueKind switch
        {
            JsonValueKind.String => "the string '" + Text(element, at) + "'",
            JsonValueKind.Number => "the number " + element.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Null => "null",
            _ => Describe(element.ValueKind),
        };

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        _ => "a number",
    };

    private static string Count(int count, string thing) => count + " " + thing + (count == 1 ? string.Empty : "s");
}

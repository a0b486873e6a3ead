// microgpt in C#: Andrej Karpathy's "most atomic way to train and inference a GPT", a transformer built from
// scalar autograd values, trained on names and then asked to make up new ones. It follows the Python original
// section by section (dataset, tokenizer, parameters, model, Adam, training, inference) and, with the same
// seed, prints the same lines. The model is in Gpt.cs, the optimizer in Adam.cs, Python's random in PythonRandom.cs.
using System.Diagnostics;
using System.Globalization;
using Micrograd;
using Micrograd.Samples.MicroGpt;

if (Options.Parse(args, out int exitCode) is not { } options)
{
    return exitCode;
}

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var random = new PythonRandom(options.Seed);

// Dataset: one name per line (makemore's names.txt, see input.LICENSE), shuffled.
List<string> docs = Dataset.Load(Path.Combine(AppContext.BaseDirectory, "input.txt"));
random.Shuffle(docs);
Console.WriteLine($"num docs: {docs.Count}");

// Tokenizer: one token per character, plus BOS (beginning of sequence) that also ends a name.
var tokenizer = new Tokenizer(docs);
Console.WriteLine($"vocab size: {tokenizer.VocabSize}");

// Parameters and model (Gpt.cs): n_embd 16, n_head 4, n_layer 1, block_size 16, weights from N(0, 0.08²).
var model = new Gpt(tokenizer.VocabSize, random, options.Graph);
Console.WriteLine($"num params: {model.Parameters.Length}");

// Adam (Adam.cs): lr 0.01 decaying linearly, β1 0.85, β2 0.99, ε 1e-8.
var adam = new Adam(model.Parameters);

// Training: one document per step; forward the whole name, back-propagate the mean loss, update.
int numSteps = options.Steps;
var clock = Stopwatch.StartNew();
for (int step = 0; step < numSteps; step++)
{
    string doc = docs[step % docs.Count];
    int[] tokens = tokenizer.Encode(doc);
    Value loss = model.Loss(tokens);
    loss.Backward();
    adam.Step(step, numSteps);
    Console.WriteLine($"step {step + 1,4} / {numSteps,4} | loss {loss.Data:F4}");
}

clock.Stop();
Console.Error.WriteLine($"train time {clock.Elapsed.TotalSeconds:F2}s for {numSteps} steps: {clock.Elapsed.TotalMilliseconds / numSteps:F1} ms/step");

// Inference: start from BOS, sample each next token from softmax(logits / temperature) until BOS comes back.
const double temperature = 0.5;
Console.WriteLine("\n--- inference (new, hallucinated names) ---");
for (int sampleIdx = 0; sampleIdx < 20; sampleIdx++)
{
    var cache = new Gpt.KvCache();
    int tokenId = tokenizer.Bos;
    var sample = new System.Text.StringBuilder();
    for (int posId = 0; posId < Gpt.BlockSize; posId++)
    {
        Value[] logits = model.Forward(tokenId, posId, cache);
        Value[] probs = model.Softmax(logits.Select(l => l * Math.Pow(temperature, -1)).ToArray()); // l / temperature
        tokenId = random.Choice(probs.Select(p => p.Data).ToArray());
        if (tokenId == tokenizer.Bos)
        {
            break;
        }

        sample.Append(tokenizer.Chars[tokenId]);
    }

    Console.WriteLine($"sample {sampleIdx + 1,2}: {sample}");
}

return 0;

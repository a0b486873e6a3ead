// micrograd's demo notebook in C#: train a small network on the moons data set, print its progress, then
// draw its decision boundary, save the model, and write training.html, a page that replays the training.
using System.Diagnostics;
using Micrograd;
using Micrograd.Datasets;
using Micrograd.Nn;
using Micrograd.Samples;
using Micrograd.Samples.MoonsDemo;

if (Options.Parse(args, out int exitCode) is not { } options)
{
    return exitCode;
}

// Everything is written at the end: find out now, before training, whether the folder can be written to.
string folder = Path.GetFullPath(options.OutputFolder);
if (OutputFolder.Problem(folder) is { } problem)
{
    Console.Error.WriteLine($"Cannot write to --output '{options.OutputFolder}': {problem}");
    return CommandLine.UsageError;
}

var random = new Random(options.Seed);
Moons data = Moons.Generate(100, noise: 0.1, random);
var model = new MLP(2, [16, 16, 1], Activation.Relu, Activation.Linear, random);
var optimizer = new Sgd(model.Parameters(), learningRate: 1.0);
Console.WriteLine($"MLP(2, [16, 16, 1]), relu hidden layers, linear output: {model.Parameters().Count} parameters");
Console.WriteLine($"Training for {options.Steps} steps on {data.Points.Count} points (seed {options.Seed})...");

// The page records at most about 200 steps, evenly spread, so that it stays small (about 1 MB for the default run).
TrainingRecorder? recorder = options.Html ? new TrainingRecorder(model, data.Points, data.Classes) : null;
int recordEvery = (options.Steps + 199) / 200;

// Forward: a score per point; hinge loss plus L2 regularisation, as in micrograd's demo. The data never change,
// so the graph has the same shape at every step: build it once, compile it, and replay it with the new weights
// (--rebuild builds it anew at every step instead, as micrograd does; both give the same numbers, bit for bit).
(List<Value> Scores, Value Loss) Build()
{
    var scores = data.Points.Select(point => model.Forward(point)[0]).ToList();
    return (scores, Losses.Hinge(scores, data.SignedLabels) + Losses.L2(model.Parameters(), 1e-4));
}

var clock = Stopwatch.StartNew();
(List<Value> scores, Value loss) = Build();
CompiledGraph? program = options.Rebuild ? null : loss.Compile();
for (int step = 0; step < options.Steps; step++)
{
    if (step > 0)
    {
        if (program is null)
        {
            (scores, loss) = Build();
        }
        else
        {
            program.Forward();
        }
    }

    double accuracy = scores.Zip(data.SignedLabels, (score, label) => score.Data > 0 == label > 0).Count(ok => ok) / (double)scores.Count;

    if (recorder is not null && (step % recordEvery == 0 || step == options.Steps - 1))
    {
        recorder.Record(step, loss.Data, accuracy); // the network that gave this loss, before the update
    }

    // Backward and update, with the learning rate decaying from 1.0 to 0.1.
    optimizer.ZeroGrad();
    if (program is null)
    {
        loss.Backward();
    }
    else
    {
        program.Backward();
    }

    optimizer.LearningRate = 1.0 - 0.9 * step / options.Steps;
    optimizer.Step();

    if (step % 10 == 0 || step == options.Steps - 1)
    {
        Console.WriteLine($"step {step,4}  loss {loss.Data:F6}  accuracy {accuracy,6:P0}  {Bar(accuracy)}");
    }
}

Console.WriteLine($"Trained in {clock.Elapsed.TotalSeconds:F2} s ({(program is null ? "graph rebuilt at every step" : $"graph of {program.Count} values compiled once and replayed")}).");

string picture = Path.Combine(folder, "decision-boundary.png");
string modelFile = Path.Combine(folder, "model.json");
DecisionBoundaryPlot.Save(model, data, picture);
model.Save(modelFile);
Console.WriteLine($"Wrote the decision boundary to {picture}");
Console.WriteLine($"Wrote the trained model to {modelFile} (load it with MLP.Load)");
if (recorder is not null)
{
    string page = Path.Combine(folder, "training.html");
    recorder.Save(page);
    Console.WriteLine($"Wrote the training, {recorder.Count} recorded steps, to {page} (open it in a browser)");
}

return 0;

static string Bar(double fraction) => new string('#', (int)Math.Round(fraction * 20)).PadRight(20, '.');

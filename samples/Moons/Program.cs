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

// The page keeps at most 200 steps, evenly spread, and the last, however many are recorded (TrainingRecorder.MaxSteps),
// so it stays small: about 1.6 MB at most. Recording is timed apart from training.
TrainingRecorder? recorder = options.Html ? new TrainingRecorder(model, data.Points, data.Classes) : null;
var recording = new Stopwatch();

// Forward: a score per point; hinge loss plus L2 regularisation, as in micrograd's demo. The data never change,
// so the graph has the same shape at every step: build it once, compile it, and replay it with the new weights
// (--rebuild builds it anew at every step instead, as micrograd does; both give the same numbers, bit for bit).
(List<Value> Scores, Value Loss) Build()
{
    var scores = data.Points.Select(point => model.Forward(point)[0]).ToList();
    return (scores, Losses.Hinge(scores, data.SignedLabels) + Losses.L2(model.Parameters(), 1e-4));
}

var training = Stopwatch.StartNew();
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

    if (recorder is not null)
    {
        training.Stop();
        recording.Start();
        recorder.Record(step, loss.Data, accuracy); // the network that gave this loss, before the update
        recording.Stop();
        training.Start();
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

training.Stop();
Console.WriteLine($"Trained in {training.Elapsed.TotalSeconds:F2} s ({(program is null ? "graph rebuilt at every step" : $"graph of {program.Count} values compiled once and replayed")}).");

string picture = Path.Combine(folder, "decision-boundary.png");
string modelFile = Path.Combine(folder, "model.json");
try
{
    DecisionBoundaryPlot.Save(model, data, picture);
    model.Save(modelFile);
    Console.WriteLine($"Wrote the decision boundary to {picture}");
    Console.WriteLine($"Wrote the trained model to {modelFile} (load it with MLP.Load)");
    if (recorder is not null)
    {
        string page = Path.Combine(folder, "training.html");
        recording.Start();
        recorder.Save(page);
        recording.Stop();
        Console.WriteLine($"Wrote the training, {recorder.Count} recorded steps, to {page} (open it in a browser; recording took {recording.Elapsed.TotalSeconds:F2} s)");
    }
}
catch (Exception error) when (error is IOException or UnauthorizedAccessException)
{
    // Checked before training, but the folder may have changed since: one line, no stack trace.
    Console.Error.WriteLine($"Cannot write to --output '{options.OutputFolder}': {error.Message}");
    return 1;
}

return 0;

static string Bar(double fraction) => new string('#', (int)Math.Round(fraction * 20)).PadRight(20, '.');

using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using Micrograd.Pictures;

namespace Micrograd.Nn;

/// <summary>
/// Records a network's training, step by step, and writes it as one self-contained HTML page (it loads nothing):
/// the loss and accuracy curves, the network drawn as its layers with each weight coloured by sign and sized by
/// magnitude, and, for a network of two inputs, its decision boundary over the plane with the data on top; a
/// slider and a play button move through the recorded steps.
/// </summary>
/// <remarks>
/// Call <see cref="Record"/> from any training loop, at every step if you like: a call only copies the weights, and
/// the recorder keeps at most <see cref="MaxSteps"/> steps, evenly spread over the calls so far, plus the last one.
/// When a call would keep one step too many, every other kept step is dropped and from then on only every other
/// call is kept, so however long the training, the memory held and the page written stay bounded: about
/// (<see cref="MaxSteps"/> + 1) × (10 bytes per weight + <c>resolution</c>² × 4 / 3 bytes for the decision
/// boundary), 1.6 MB for micrograd's demo network with the defaults. The decision boundaries are computed when the
/// page is written, one per kept step. The boundary is where the first output changes sign, as for a classifier
/// trained with labels -1 and +1.
/// </remarks>
/// <example>
/// <code>
/// var recorder = new TrainingRecorder(model, data.Points, data.Classes);
/// for (int step = 0; step &lt; 100; step++)
/// {
///     Value loss = ...;          // forward
///     recorder.Record(step, loss.Data, accuracy);
///     optimizer.ZeroGrad();
///     loss.Backward();
///     optimizer.Step();
/// }
/// recorder.Save("training.html");
/// </code>
/// </example>
public sealed class TrainingRecorder
{
    private readonly MLP _model;
    private readonly double[][]? _points;
    private readonly int[]? _classes;
    private readonly int _resolution;
    private readonly double _xMin, _xMax, _yMin, _yMax;
    private readonly List<Snapshot> _snapshots = new(); // evenly spread: the calls whose number is a multiple of _stride
    private Snapshot? _last; // the latest call, kept whether or not it is one of _snapshots
    private int _calls;
    private int _stride = 1;
    private int _maxSteps = 200;

    /// <summary>Starts a recording of <paramref name="model"/>'s training.</summary>
    /// <param name="model">The network being trained. Only its weights are read, when <see cref="Record"/> is called.</param>
    /// <param name="points">The training inputs, drawn over the decision boundary and setting its extent; used only when the network has two inputs. <see langword="null"/> draws the square [-2, 2]².</param>
    /// <param name="classes">Each point's class (0, 1, …), which colours it; <see langword="null"/> draws every point alike.</param>
    /// <param name="resolution">How many cells across the decision boundary is computed on, from 8 to 256.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="classes"/> is not as long as <paramref name="points"/>, or a point does not have two coordinates.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="resolution"/> is outside [8, 256].</exception>
    public TrainingRecorder(MLP model, IReadOnlyList<double[]>? points = null, IReadOnlyList<int>? classes = null, int resolution = 60)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        if (resolution < 8 || resolution > 256)
        {
            throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "The resolution must be from 8 to 256.");
        }

        _resolution = resolution;
        if (points is not null && model.InputCount == 2)
        {
            _points = new double[points.Count][];
            for (int i = 0; i < points.Count; i++)
            {
                double[] point = points[i] ?? throw new ArgumentException("A point is null.", nameof(points));
                if (point.Length != 2)
                {
                    throw new ArgumentException("Each point must have two coordinates, as the network has two inputs.", nameof(points));
                }

                _points[i] = new[] { point[0], point[1] };
            }

            if (classes is not null)
            {
                if (classes.Count != points.Count)
                {
                    throw new ArgumentException("There must be one class per point.", nameof(classes));
                }

                _classes = new int[classes.Count];
                for (int i = 0; i < classes.Count; i++)
                {
                    _classes[i] = classes[i];
                }
            }
        }

        (_xMin, _xMax, _yMin, _yMax) = (-2, 2, -2, 2);
        if (_points is { Length: > 0 })
        {
            (_xMin, _xMax, _yMin, _yMax) = (double.MaxValue, double.MinValue, double.MaxValue, double.MinValue);
            foreach (double[] p in _points)
            {
                _xMin = Math.Min(_xMin, p[0]);
                _xMax = Math.Max(_xMax, p[0]);
                _yMin = Math.Min(_yMin, p[1]);
                _yMax = Math.Max(_yMax, p[1]);
            }

            _xMin -= 0.5;
            _xMax += 0.5;
            _yMin -= 0.5;
            _yMax += 0.5;
        }
    }

    /// <summary>How many recorded steps the page shows: at most <see cref="MaxSteps"/> + 1.</summary>
    public int Count => _snapshots.Count + (_last is null || ReferenceEquals(_last, LastKept) ? 0 : 1);

    /// <summary>
    /// The most steps the recorder keeps, evenly spread, besides the last one recorded; 200 unless set, at least 2.
    /// Setting it below the number kept drops every other kept step until they fit.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 2.</exception>
    public int MaxSteps
    {
        get => _maxSteps;
        set
        {
            if (value < 2)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The recorder keeps at least 2 steps.");
            }

            _maxSteps = value;
            while (_snapshots.Count > _maxSteps)
            {
                Thin();
            }
        }
    }

    private Snapshot? LastKept => _snapshots.Count == 0 ? null : _snapshots[_snapshots.Count - 1];

    /// <summary>Records the network as it is now, with the loss and accuracy of this step.</summary>
    /// <param name="step">The training step's number; each must be greater than the one before.</param>
    /// <param name="loss">The loss at this step.</param>
    /// <param name="accuracy">The accuracy at this step, from 0 to 1, if there is one.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is not greater than the last recorded step.</exception>
    public void Record(int step, double loss, double? accuracy = null)
    {
        if (_last is not null && step <= _last.Step)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "Each recorded step must be greater than the one before.");
        }

        var weights = new double[_model.Parameters().Count];
        int k = 0;
        foreach (Layer layer in _model.Layers)
        {
            foreach (Neuron neuron in layer.Neurons)
            {
                foreach (Value w in neuron.Weights)
                {
                    weights[k++] = w.Data;
                }

                weights[k++] = neuron.Bias.Data;
            }
        }

        _last = new Snapshot(step, loss, accuracy, weights);
        if (_calls % _stride == 0)
        {
            _snapshots.Add(_last);
            if (_snapshots.Count > _maxSteps)
            {
                Thin();
            }
        }

        _calls++;
    }

    // Keeps every other step, the first included, and from now on every other call: still evenly spread.
    private void Thin()
    {
        int kept = 0;
        for (int i = 0; i < _snapshots.Count; i += 2)
        {
            _snapshots[kept++] = _snapshots[i];
        }

        _snapshots.RemoveRange(kept, _snapshots.Count - kept);
        _stride *= 2;
    }

    /// <summary>Returns the page of everything recorded so far.</summary>
    /// <param name="title">The page's title; <see langword="null"/> for one naming the network.</param>
    /// <returns>The page's HTML text.</returns>
    /// <exception cref="InvalidOperationException">Nothing has been recorded.</exception>
    public string ToHtml(string? title = null)
    {
        if (_last is null)
        {
            throw new InvalidOperationException("Record at least one step before writing the page.");
        }

        var shown = new List<Snapshot>(_snapshots);
        if (!ReferenceEquals(_last, LastKept))
        {
            shown.Add(_last);
        }

        var sizes = new StringBuilder();
        var activations = new StringBuilder();
        sizes.Append(_model.InputCount);
        foreach (Layer layer in _model.Layers)
        {
            sizes.Append(',').Append(layer.OutputCount);
            activations.Append(activations.Length > 0 ? "," : string.Empty).String(layer.Activation.ToString());
        }

        var data = new StringBuilder();
        data.Append("{\"sizes\":[").Append(sizes).Append("],\"activations\":[").Append(activations).Append(']');
        data.Append(",\"resolution\":").Append(_model.InputCount == 2 ? _resolution : 0);
        data.Append(",\"extent\":[").Number(_xMin).Append(',').Number(_xMax).Append(',').Number(_yMin).Append(',').Number(_yMax).Append(']');
        data.Append(",\"points\":[");
        if (_points is not null)
        {
            for (int i = 0; i < _points.Length; i++)
            {
                data.Append(i > 0 ? "," : string.Empty).Append('[').Rounded(_points[i][0], 4).Append(',').Rounded(_points[i][1], 4)
                    .Append(',').Append(_classes is null ? 0 : _classes[i]).Append(']');
            }
        }

        data.Append("],\"steps\":[");
        for (int i = 0; i < shown.Count; i++)
        {
            Snapshot s = shown[i];
            data.Append(i > 0 ? ",\n" : "\n").Append("{\"step\":").Append(s.Step).Append(",\"loss\":").Rounded(s.Loss, 6);
            data.Append(",\"accuracy\":");
            if (s.Accuracy is double accuracy)
            {
                data.Rounded(accuracy, 6);
            }
            else
            {
                data.Append("null");
            }

            data.Append(",\"weights\":[");
            for (int k = 0; k < s.Weights.Length; k++)
            {
                data.Append(k > 0 ? "," : string.Empty).Rounded(s.Weights[k], 4);
            }

            data.Append("],\"grid\":").String(_model.InputCount == 2 ? Convert.ToBase64String(Grid(s.Weights)) : null).Append('}');
        }

        data.Append("]}");

        string heading = title ?? "Training " + Describe();
        return HtmlTrainingTemplate.Page
            .Replace("%TITLE%", Js.Html(heading))
            .Replace("/*%DATA%*/null", data.ToString());
    }

    /// <summary>Writes the page of everything recorded so far to a file, in UTF-8.</summary>
    /// <param name="path">The file to write; it is replaced if it exists.</param>
    /// <param name="title">The page's title; <see langword="null"/> for one naming the network.</param>
    /// <exception cref="InvalidOperationException">Nothing has been recorded.</exception>
    public void Save(string path, string? title = null) => File.WriteAllText(path, ToHtml(title), new UTF8Encoding(false));

    private string Describe()
    {
        var text = new StringBuilder("MLP(").Append(_model.InputCount).Append(", [");
        for (int i = 0; i < _model.Layers.Count; i++)
        {
            text.Append(i > 0 ? ", " : string.Empty).Append(_model.Layers[i].OutputCount);
        }

        return text.Append("])").ToString();
    }

    // The decision boundary of the network with these weights. Row 0 is the top of the picture. Each cell keeps
    // tanh(score) in a byte: 0 is -1, 255 is +1.
#if NET
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called once per kept step: too few calls for tiered compilation to optimize it
#endif
    private byte[] Grid(double[] weights)
    {
        var grid = new byte[_resolution * _resolution];
        int widest = _model.InputCount;
        foreach (Layer layer in _model.Layers)
        {
            widest = Math.Max(widest, layer.OutputCount);
        }

        var input = new double[widest];
        var output = new double[widest];
        for (int row = 0; row < _resolution; row++)
        {
            for (int column = 0; column < _resolution; column++)
            {
                input[0] = _xMin + (column + 0.5) * (_xMax - _xMin) / _resolution;
                input[1] = _yMax - (row + 0.5) * (_yMax - _yMin) / _resolution;
                double score = Score(weights, input, output);
                double squashed = double.IsNaN(score) ? 0 : Math.Tanh(score);
                grid[row * _resolution + column] = (byte)Math.Round((squashed + 1) * 127.5);
            }
        }

        return grid;
    }

    // The network's first output, in plain numbers: each layer's neurons read their weights, then their bias, from weights.
#if NET
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
#endif
    private double Score(double[] weights, double[] input, double[] output)
    {
        int k = 0, width = _model.InputCount;
        foreach (Layer layer in _model.Layers)
        {
            UnaryOperation? activation = layer.Activation.ToOperation(nameof(layer));
            for (int n = 0; n < layer.OutputCount; n++)
            {
                double sum = 0;
                for (int i = 0; i < width; i++)
                {
                    sum += weights[k++] * input[i];
                }

                sum += weights[k++];
                output[n] = activation is null ? sum : activation.Evaluate(sum);
            }

            width = layer.OutputCount;
            Array.Copy(output, input, width);
        }

        return input[0];
    }

    private sealed class Snapshot
    {
        public Snapshot(int step, double loss, double? accuracy, double[] weights)
        {
            Step = step;
            Loss = loss;
            Accuracy = accuracy;
            Weights = weights;
        }

        public int Step { get; }

        public double Loss { get; }

        public double? Accuracy { get; }

        public double[] Weights { get; }
    }
}

namespace Micrograd.Benchmarks;

/// <summary>
/// The floor for compiled replay: NodeThroughputBenchmarks' expression written by hand as a flat tape, struct of
/// arrays (an operation code and two input indices per value, data and gradients in two arrays), with one switch per
/// value forward and one backward. No objects, no virtual calls: what replay would cost with nothing but arithmetic.
/// </summary>
internal sealed class FlatTape
{
    private const byte Leaf = 0, Multiply = 1, Add = 2, Tanh = 3, Relu = 4;

    private readonly byte[] _operation;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly double[] _data;
    private readonly double[] _grad;
    private readonly int _leaves;

    /// <summary>The tape of <c>steps</c> steps of the expression over the given weights and offsets (the leaves).</summary>
    public FlatTape(double[] weights, double[] offsets, int steps)
    {
        _leaves = weights.Length + offsets.Length;
        int size = _leaves + 4 * steps;
        _operation = new byte[size];
        _left = new int[size];
        _right = new int[size];
        _data = new double[size];
        _grad = new double[size];
        weights.CopyTo(_data, 0);
        offsets.CopyTo(_data, weights.Length);

        int next = _leaves;
        int Emit(byte operation, int left, int right)
        {
            (_operation[next], _left[next], _right[next]) = (operation, left, right);
            return next++;
        }

        int acc = weights.Length; // offsets[0]
        for (int i = 0; i < steps; i++)
        {
            int w = i & 63;
            int b = weights.Length + (i & 63);
            int product = Emit(Multiply, acc, w);
            int sum = Emit(Add, product, b);
            int activated = Emit((i & 1) == 0 ? Tanh : Relu, sum, 0);
            acc = Emit(Add, activated, product);
        }

        Forward();
    }

    public double Output => _data[_data.Length - 1];

    public void Forward()
    {
        byte[] operation = _operation;
        int[] left = _left, right = _right;
        double[] data = _data;
        for (int i = _leaves; i < data.Length; i++)
        {
            switch (operation[i])
            {
                case Multiply: data[i] = data[left[i]] * data[right[i]]; break;
                case Add: data[i] = data[left[i]] + data[right[i]]; break;
                case Tanh: data[i] = Math.Tanh(data[left[i]]); break;
                default: data[i] = data[left[i]] > 0 ? data[left[i]] : 0; break;
            }
        }
    }

    /// <summary>As CompiledGraph.Backward: interior gradients from zero, the output's 1, leaves accumulate.</summary>
    public void Backward()
    {
        byte[] operation = _operation;
        int[] left = _left, right = _right;
        double[] data = _data, grad = _grad;
        Array.Clear(grad, _leaves, grad.Length - _leaves);
        grad[grad.Length - 1] = 1;
        for (int i = grad.Length - 1; i >= _leaves; i--)
        {
            double g = grad[i];
            switch (operation[i])
            {
                case Multiply:
                    grad[left[i]] += g * data[right[i]];
                    grad[right[i]] += g * data[left[i]];
                    break;
                case Add:
                    grad[left[i]] += g;
                    grad[right[i]] += g;
                    break;
                case Tanh:
                    grad[left[i]] += g * (1 - data[i] * data[i]);
                    break;
                default:
                    grad[left[i]] += data[i] > 0 ? g : 0;
                    break;
            }
        }
    }
}

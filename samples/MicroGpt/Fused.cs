namespace Micrograd.Samples.MicroGpt;

/// <summary>
/// The fused path's own nodes, made with <see cref="Value.Function"/>: each computes its result in doubles, in
/// exactly the order of the original's operations (so the result is the same double), and hands the engine
/// its local derivatives, derived by hand below. One node replaces dozens of <c>*</c>, <c>+</c>, <c>exp</c>
/// and <c>**</c> nodes; the tests check every gradient against TorchSharp.
/// </summary>
internal static class Fused
{
    // Value.Function copies its inputs and local gradients into the node, so the lists handed to it can be
    // scratch space, reused from call to call (one per thread).
    [ThreadStatic] private static double[]? t_gradients;

    private static double[] Scratch(int length)
    {
        if (t_gradients is null || t_gradients.Length < length)
        {
            t_gradients = new double[Math.Max(length, 256)];
        }

        return t_gradients;
    }

    /// <summary>
    /// The inputs of one attention output, q_h, every k_t's head slice, then v_t[j] for every t, as a list
    /// that reads them where they are (Value.Function copies them once; filling an array first would copy twice).
    /// </summary>
    private sealed class HeadInputs(Value[] q, List<Value[]> keys, List<Value[]> values, int hs, int j)
        : IReadOnlyList<Value>
    {
        private const int headDim = Gpt.HeadDim; // a constant, so / and % below are shifts and masks

        public int Count { get; } = headDim + keys.Count * headDim + keys.Count;

        public Value this[int index]
        {
            get
            {
                if (index < headDim)
                {
                    return q[hs + index];
                }

                index -= headDim;
                int keysLength = keys.Count * headDim;
                return index < keysLength
                    ? keys[index / headDim][hs + index % headDim]
                    : values[index - keysLength][hs + j];
            }
        }

        public IEnumerator<Value> GetEnumerator()
        {
            for (int i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>
    /// RMSNorm's scale, <c>(sum(xi * xi) / n + 1e-5) ** -0.5</c>, as one node of the inputs x.
    /// d scale / d x_i = -0.5 · a^-1.5 · (1/n) · 2 x_i, with a = ms + 1e-5.
    /// </summary>
    public static Value RmsScale(Value[] x)
    {
        double sumSquares = 0;
        foreach (Value xi in x)
        {
            sumSquares += xi.Data * xi.Data;
        }

        double inverseN = Math.Pow(x.Length, -1);
        double a = sumSquares * inverseN + 1e-5;
        double scale = Math.Pow(a, -0.5);
        double dScaleDMs = -0.5 * Math.Pow(a, -1.5);
        double[] gradients = Scratch(x.Length);
        for (int i = 0; i < x.Length; i++)
        {
            gradients[i] = dScaleDMs * inverseN * 2 * x[i].Data;
        }

        return Value.Function("rms_scale", x, scale, new ArraySegment<double>(gradients, 0, x.Length));
    }

    /// <summary>
    /// One attention head at the newest position: the scores <c>s_t = (q_h · k_t) / sqrt(head_dim)</c> against
    /// every cached key, <c>w = softmax(s)</c>, and the output <c>out_j = sum_t w_t v_t[j]</c>, one node per j.
    /// Each output's inputs are q_h, every k_t (head slice) and v_t[j] for every t; its local derivatives:
    /// d out_j / d v_t[j] = w_t; with g_t = w_t (v_t[j] - out_j) (the softmax Jacobian applied to v[j]),
    /// d out_j / d q_i = sum_t g_t k_t[i] / sqrt(head_dim) and d out_j / d k_t[i] = g_t q_i / sqrt(head_dim).
    /// </summary>
    public static Value[] AttentionHead(Value[] q, List<Value[]> keys, List<Value[]> values, int hs)
    {
        const int headDim = Gpt.HeadDim;
        int count = keys.Count;
        double inverseRoot = Math.Pow(Math.Pow(headDim, 0.5), -1); // x / head_dim**0.5 is x * (head_dim**0.5)**-1

        // Forward, in the original's order: scores, softmax (max, exp(s - max), sum from 0, times total**-1).
        Span<double> weights = count <= 64 ? stackalloc double[count] : new double[count];
        double maxVal = double.NegativeInfinity;
        for (int t = 0; t < count; t++)
        {
            Value[] k = keys[t];
            double dot = 0;
            for (int i = 0; i < headDim; i++)
            {
                dot += q[hs + i].Data * k[hs + i].Data;
            }

            weights[t] = dot * inverseRoot;
            maxVal = Math.Max(maxVal, weights[t]);
        }

        double total = 0;
        for (int t = 0; t < count; t++)
        {
            weights[t] = Math.Exp(weights[t] + -maxVal);
            total += weights[t];
        }

        double reciprocal = Math.Pow(total, -1);
        for (int t = 0; t < count; t++)
        {
            weights[t] *= reciprocal;
        }

        // One node per output component, with its local derivatives.
        var outputs = new Value[headDim];
        for (int j = 0; j < headDim; j++)
        {
            double outJ = 0;
            for (int t = 0; t < count; t++)
            {
                outJ += weights[t] * values[t][hs + j].Data;
            }

            // inputs: q_h[0..headDim), then k_t[0..headDim) for each t, then v_t[j] for each t
            var inputs = new HeadInputs(q, keys, values, hs, j);
            int length = inputs.Count;
            double[] gradients = Scratch(length);
            for (int i = 0; i < headDim; i++)
            {
                gradients[i] = 0;
            }

            for (int t = 0; t < count; t++)
            {
                Value[] k = keys[t];
                Value v = values[t][hs + j];
                double g = weights[t] * (v.Data - outJ) * inverseRoot;
                int at = headDim + t * headDim;
                for (int i = 0; i < headDim; i++)
                {
                    gradients[at + i] = g * q[hs + i].Data;
                    gradients[i] += g * k[hs + i].Data;
                }

                gradients[headDim + count * headDim + t] = weights[t];
            }

            outputs[j] = Value.Function("attention", inputs, outJ, new ArraySegment<double>(gradients, 0, length));
        }

        return outputs;
    }

    /// <summary>
    /// One position's loss, <c>-log(softmax(logits)[target])</c>, as one node of the logits: the original's
    /// softmax (max, exp(l - max), sum from 0, times total**-1), then <c>-log</c>.
    /// d loss / d l_j = p_j - (1 if j is the target else 0).
    /// </summary>
    public static Value CrossEntropy(Value[] logits, int target)
    {
        double maxVal = double.NegativeInfinity;
        foreach (Value l in logits)
        {
            maxVal = Math.Max(maxVal, l.Data);
        }

        double[] gradients = Scratch(logits.Length);
        double total = 0;
        for (int j = 0; j < logits.Length; j++)
        {
            gradients[j] = Math.Exp(logits[j].Data + -maxVal);
            total += gradients[j];
        }

        double reciprocal = Math.Pow(total, -1);
        for (int j = 0; j < logits.Length; j++)
        {
            gradients[j] *= reciprocal; // p_j
        }

        double loss = -Math.Log(gradients[target]);
        gradients[target] -= 1;
        return Value.Function("cross_entropy", logits, loss, new ArraySegment<double>(gradients, 0, logits.Length));
    }
}

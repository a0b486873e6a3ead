namespace Micrograd.Samples.MicroGpt;

/// <summary>How the model's graph is built; both give the Python original's numbers.</summary>
public enum GraphKind
{
    /// <summary>
    /// The fast path: few, large nodes with the same numbers. <c>linear</c> is an <see cref="AffineMap"/> (one node
    /// per row), sums are <see cref="Value.Sum(IEnumerable{Value})"/>, and RMSNorm's scale, each attention
    /// head's outputs and each position's loss are <see cref="Value.Function"/> nodes (see Fused.cs).
    /// </summary>
    Fused,

    /// <summary>The lecture-exact graph: every <c>*</c> and <c>+</c> its own node, as the Python original builds it.</summary>
    Operators,
}

/// <summary>
/// microgpt's parameters and model: token and position embeddings, RMSNorm, one block of 4-head causal
/// self-attention with a KV cache and a ReLU MLP, residual connections, and a language-model head.
/// </summary>
/// <remarks>
/// Every sum is added left to right starting from 0, as Python's <c>sum()</c> does; every power is
/// <see cref="Math.Pow"/>, as Python's <c>**</c> is C's <c>pow</c>; every division by a constant is a
/// multiplication by its reciprocal, as micrograd's <c>__truediv__</c> is. That keeps each forward value
/// bit for bit equal to the original's (see README.md).
/// </remarks>
public sealed class Gpt
{
    public const int NEmbd = 16;
    public const int NHead = 4;
    public const int NLayer = 1;
    public const int BlockSize = 16;
    public const int HeadDim = NEmbd / NHead;

    private readonly List<KeyValuePair<string, Value[][]>> _stateDict = [];
    private readonly LayerWeights[] _layers;
    private readonly Value[][] _wte;
    private readonly Value[][] _wpe;
    private readonly Value[][] _lmHead;
    private readonly Dictionary<Value[][], AffineMap> _maps = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Value[][], AffineMap> _reluMaps = new(ReferenceEqualityComparer.Instance);

    /// <summary>Draws the weights from N(0, 0.08²) in the original's order: wte, wpe, lm_head, then each layer's.</summary>
    public Gpt(int vocabSize, PythonRandom random, GraphKind graph = GraphKind.Fused)
    {
        ArgumentNullException.ThrowIfNull(random);
        VocabSize = vocabSize;
        Graph = graph;
        Value[][] Matrix(string name, int nout, int nin, double std = 0.08)
        {
            var rows = new Value[nout][];
            for (int o = 0; o < nout; o++)
            {
                rows[o] = new Value[nin];
                for (int i = 0; i < nin; i++)
                {
                    rows[o][i] = new Value(random.Gauss(0, std));
                }
            }

            _stateDict.Add(new(name, rows));
            return rows;
        }

        _wte = Matrix("wte", vocabSize, NEmbd);
        _wpe = Matrix("wpe", BlockSize, NEmbd);
        _lmHead = Matrix("lm_head", vocabSize, NEmbd);
        _layers = new LayerWeights[NLayer];
        for (int i = 0; i < NLayer; i++)
        {
            _layers[i] = new LayerWeights(
                Matrix($"layer{i}.attn_wq", NEmbd, NEmbd),
                Matrix($"layer{i}.attn_wk", NEmbd, NEmbd),
                Matrix($"layer{i}.attn_wv", NEmbd, NEmbd),
                Matrix($"layer{i}.attn_wo", NEmbd, NEmbd),
                Matrix($"layer{i}.mlp_fc1", 4 * NEmbd, NEmbd),
                Matrix($"layer{i}.mlp_fc2", NEmbd, 4 * NEmbd));
        }

        if (graph == GraphKind.Fused)
        {
            foreach ((_, Value[][] rows) in _stateDict)
            {
                _maps[rows] = new AffineMap(rows);
                _reluMaps[rows] = new AffineMap(rows, activation: UnaryOperation.Relu);
            }
        }

        Parameters = _stateDict.SelectMany(entry => entry.Value).SelectMany(row => row).ToArray();
    }

    public int VocabSize { get; }

    public GraphKind Graph { get; }

    /// <summary>The weight matrices by name, in the original's order (a matrix is a list of rows).</summary>
    public IReadOnlyList<KeyValuePair<string, Value[][]>> StateDict => _stateDict;

    /// <summary>Every weight, matrix by matrix, row by row: the original's <c>params</c>.</summary>
    public Value[] Parameters { get; }

    /// <summary>A KV cache for one sequence: the keys and values of the positions seen so far, per layer.</summary>
    public sealed class KvCache
    {
        internal readonly List<Value[]>[] Keys = Enumerable.Range(0, NLayer).Select(_ => new List<Value[]>()).ToArray();
        internal readonly List<Value[]>[] Values = Enumerable.Range(0, NLayer).Select(_ => new List<Value[]>()).ToArray();
    }

    private sealed record LayerWeights(Value[][] Wq, Value[][] Wk, Value[][] Wv, Value[][] Wo, Value[][] Fc1, Value[][] Fc2);

    // ---- the building blocks ------------------------------------------------------------------------------

    /// <summary>Python's <c>sum(values)</c>: 0 + v0 + v1 + ..., left to right.</summary>
    private Value Sum(IReadOnlyList<Value> values)
    {
        if (Graph == GraphKind.Fused)
        {
            return Value.Sum(values);
        }

        Value sum = values[0] + 0.0; // Python's sum starts from the int 0: 0 + v0 is v0.__radd__(0)
        for (int i = 1; i < values.Count; i++)
        {
            sum += values[i];
        }

        return sum;
    }

    /// <summary><c>sum(a[i] * b[i] for i ...)</c>: products added left to right, starting from 0.</summary>
    private Value Dot(IReadOnlyList<Value> a, IReadOnlyList<Value> b)
    {
        if (Graph == GraphKind.Fused)
        {
            return Value.Dot(a, b);
        }

        Value sum = a[0] * b[0] + 0.0;
        for (int i = 1; i < a.Count; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    /// <summary>
    /// <c>linear(x, w)</c>: one dot product per row of w. Fused, an <see cref="AffineMap"/> made once per
    /// matrix: one node per row, the input copied once and shared by all rows, each row added left to right from 0.
    /// </summary>
    private Value[] Linear(Value[] x, Value[][] w)
    {
        if (Graph == GraphKind.Fused)
        {
            return _maps[w].Apply(x);
        }

        var y = new Value[w.Length];
        for (int o = 0; o < w.Length; o++)
        {
            y[o] = Dot(w[o], x);
        }

        return y;
    }

    /// <summary><c>[xi.relu() for xi in linear(x, w)]</c>; fused, the ReLU is part of each row's node.</summary>
    private Value[] LinearRelu(Value[] x, Value[][] w)
    {
        if (Graph == GraphKind.Fused)
        {
            return _reluMaps[w].Apply(x);
        }

        return Linear(x, w).Select(xi => xi.Relu()).ToArray();
    }

    /// <summary><c>[a + b for a, b in zip(x, y)]</c>.</summary>
    private static Value[] Add(Value[] x, Value[] y)
    {
        var sum = new Value[x.Length];
        for (int i = 0; i < sum.Length; i++)
        {
            sum[i] = x[i] + y[i];
        }

        return sum;
    }

    /// <summary>micrograd's <c>a / b</c> for a Value b: <c>a * b**-1</c>, the power being C's pow.</summary>
    private static Value Divide(Value a, Value b) => a * b.Pow(new Value(-1.0));

    /// <summary>micrograd's <c>a / c</c> for a constant c: <c>a * c**-1</c>.</summary>
    private static Value Divide(Value a, double c) => a * Math.Pow(c, -1);

    /// <summary><c>softmax(logits)</c>: subtract the largest, exponentiate, divide by the total.</summary>
    public Value[] Softmax(IReadOnlyList<Value> logits)
    {
        double maxVal = logits.Max(val => val.Data);
        var exps = new Value[logits.Count];
        for (int i = 0; i < exps.Length; i++)
        {
            exps[i] = (logits[i] + -maxVal).Exp(); // val - max_val is val + (-max_val) in micrograd
        }

        Value total = Sum(exps);
        if (Graph == GraphKind.Operators)
        {
            return exps.Select(e => Divide(e, total)).ToArray(); // a new total**-1 node for each, as in Python
        }

        Value reciprocal = total.Pow(new Value(-1.0)); // one node shared by all; the same numbers
        return exps.Select(e => e * reciprocal).ToArray();
    }

    /// <summary><c>rmsnorm(x)</c>: divide by the root of the mean square (plus 1e-5).</summary>
    private Value[] Rmsnorm(Value[] x)
    {
        Value scale;
        if (Graph == GraphKind.Fused)
        {
            scale = Fused.RmsScale(x); // one node for the three lines below
        }
        else
        {
            Value ms = Divide(Dot(x, x), x.Length);
            scale = (ms + 1e-5).Pow(new Value(-0.5));
        }

        var y = new Value[x.Length];
        for (int i = 0; i < y.Length; i++)
        {
            y[i] = x[i] * scale;
        }

        return y;
    }

    // ---- the model ----------------------------------------------------------------------------------------

    /// <summary><c>gpt(token_id, pos_id, keys, values)</c>: the logits for the next token.</summary>
    public Value[] Forward(int tokenId, int posId, KvCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        Value[] tokEmb = _wte[tokenId];
        Value[] posEmb = _wpe[posId];
        Value[] x = Add(tokEmb, posEmb);
        x = Rmsnorm(x);
        for (int li = 0; li < NLayer; li++)
        {
            LayerWeights layer = _layers[li];

            // 1) multi-head attention
            Value[] xResidual = x;
            x = Rmsnorm(x);
            Value[] q = Linear(x, layer.Wq);
            Value[] k = Linear(x, layer.Wk);
            Value[] v = Linear(x, layer.Wv);
            cache.Keys[li].Add(k);
            cache.Values[li].Add(v);
            List<Value[]> keys = cache.Keys[li];
            List<Value[]> values = cache.Values[li];
            var xAttn = new List<Value>(NEmbd);
            for (int h = 0; h < NHead; h++)
            {
                int hs = h * HeadDim;
                if (Graph == GraphKind.Fused)
                {
                    xAttn.AddRange(Fused.AttentionHead(q, keys, values, hs)); // one node per output
                    continue;
                }

                var qH = new ArraySegment<Value>(q, hs, HeadDim);
                var attnLogits = new Value[keys.Count];
                for (int t = 0; t < keys.Count; t++)
                {
                    attnLogits[t] = Divide(Dot(qH, new ArraySegment<Value>(keys[t], hs, HeadDim)), Math.Pow(HeadDim, 0.5));
                }

                Value[] attnWeights = Softmax(attnLogits);
                for (int j = 0; j < HeadDim; j++)
                {
                    var vJ = new Value[values.Count]; // v_h[t][j] over the positions t
                    for (int t = 0; t < vJ.Length; t++)
                    {
                        vJ[t] = values[t][hs + j];
                    }

                    xAttn.Add(Dot(attnWeights, vJ));
                }
            }

            x = Linear(xAttn.ToArray(), layer.Wo);
            x = Add(x, xResidual);

            // 2) MLP
            xResidual = x;
            x = Rmsnorm(x);
            x = LinearRelu(x, layer.Fc1);
            x = Linear(x, layer.Fc2);
            x = Add(x, xResidual);
        }

        return Linear(x, _lmHead);
    }

    /// <summary>
    /// One document's loss, as the original's training step computes it: the model reads
    /// <c>tokens[0..n)</c> one at a time and is scored on predicting <c>tokens[1..n]</c>; the loss is the
    /// mean of the negative log-probabilities, <c>(1 / n) * sum(losses)</c>.
    /// </summary>
    public Value Loss(IReadOnlyList<int> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        int n = Math.Min(BlockSize, tokens.Count - 1);
        var cache = new KvCache();
        var losses = new Value[n];
        for (int posId = 0; posId < n; posId++)
        {
            int tokenId = tokens[posId];
            int targetId = tokens[posId + 1];
            Value[] logits = Forward(tokenId, posId, cache);
            losses[posId] = Graph == GraphKind.Fused
                ? Fused.CrossEntropy(logits, targetId) // one node for the two lines below
                : -Softmax(logits)[targetId].Log();
        }

        return 1.0 / n * Sum(losses);
    }
}

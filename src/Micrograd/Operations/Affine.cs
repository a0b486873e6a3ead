using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Micrograd;

// activation(w·x + b) as one node per row of an AffineMap: the fused form of a neuron. The activation is any unary
// operation, and its derivative is the one written in that operation's own definition.
public partial class Value
{
    /// <summary>Computes every row of <paramref name="map"/> on an input array that the rows will share.</summary>
    internal static Value[] Affine<TFunction>(AffineMap map, Value[] inputs, TFunction activation)
        where TFunction : struct, IUnaryFunction
    {
        var call = new AffineCall<TFunction>(map, inputs, activation);
        var outputs = new Value[map.OutputCount];
        int j = 0;
        for (; j + 3 < outputs.Length; j += 4)
        {
            call.WeightedSums(j, j + 1, j + 2, j + 3, out double s0, out double s1, out double s2, out double s3);
            outputs[j] = new AffineNode<TFunction>(call, j, s0);
            outputs[j + 1] = new AffineNode<TFunction>(call, j + 1, s1);
            outputs[j + 2] = new AffineNode<TFunction>(call, j + 2, s2);
            outputs[j + 3] = new AffineNode<TFunction>(call, j + 3, s3);
        }

        for (; j < outputs.Length; j++)
        {
            outputs[j] = new AffineNode<TFunction>(call, j, call.WeightedSum(j));
        }

        return outputs;
    }

    /// <summary>
    /// A row of an affine map. The rows of one call whose weights and biases are leaves depend only on the shared
    /// inputs, so a <see cref="CompiledGraph"/> may recompute them together, four at a time.
    /// </summary>
    internal abstract class AffineRow : WideNode
    {
        private protected AffineRow(double data)
            : base(data)
        {
        }

        /// <summary>The call whose rows may be recomputed together, or <see langword="null"/> when a weight or bias is computed.</summary>
        public abstract object? ReplayGroup { get; }

        /// <summary>Recomputes <paramref name="rows"/>, rows of this one's <see cref="ReplayGroup"/>.</summary>
        public abstract void ForwardTogether(AffineRow[] rows);
    }

    /// <summary>One <see cref="AffineMap.Apply"/>: the inputs that all its rows share, the map and the activation.</summary>
    private sealed class AffineCall<TFunction> : SharedInputs
        where TFunction : struct, IUnaryFunction
    {
        public readonly AffineMap Map;
        public readonly TFunction Activation;

        public AffineCall(AffineMap map, Value[] inputs, TFunction activation)
            : base(inputs)
        {
            Map = map;
            Activation = activation;
        }

        // b + w0*x0 + w1*x1 + ..., left to right, exactly as micrograd's neuron adds its products.
        public double WeightedSum(int row)
        {
            Value[] weights = Map.Weights[row];
            Value[] inputs = Values;
            double sum = Map.Biases?[row]._data ?? 0.0;
            for (int i = 0; i < weights.Length; i++)
            {
                sum += weights[i]._data * inputs[i]._data;
            }

            return sum;
        }

        // Four rows' sums at once, each still added left to right: four independent chains of additions overlap in
        // the processor where one row's chain would wait for each addition to finish.
        public void WeightedSums(int r0, int r1, int r2, int r3, out double s0, out double s1, out double s2, out double s3)
        {
            Value[][] weights = Map.Weights;
            Value[] w0 = weights[r0], w1 = weights[r1], w2 = weights[r2], w3 = weights[r3];
            Value[] inputs = Values;
            Value[]? biases = Map.Biases;
            s0 = biases?[r0]._data ?? 0.0;
            s1 = biases?[r1]._data ?? 0.0;
            s2 = biases?[r2]._data ?? 0.0;
            s3 = biases?[r3]._data ?? 0.0;
            for (int i = 0; i < inputs.Length; i++)
            {
                double x = inputs[i]._data;
                s0 += w0[i]._data * x;
                s1 += w1[i]._data * x;
                s2 += w2[i]._data * x;
                s3 += w3[i]._data * x;
            }
        }
    }

    /// <summary>activation(w_j·x + b_j) for row j of a map.</summary>
    private sealed class AffineNode<TFunction> : AffineRow
        where TFunction : struct, IUnaryFunction
    {
        private readonly AffineCall<TFunction> _call;
        private readonly int _row;
        private double _sum; // w·x + b, the activation's input

        public AffineNode(AffineCall<TFunction> call, int row, double sum)
            : base(call.Activation.Forward(sum))
        {
            _call = call;
            _row = row;
            _sum = sum;
        }

        public override string Name => _call.Map.Formula;

        public override string DerivativeText =>
            "out = " + _call.Map.Formula + ":  act′ = " + _call.Activation.DerivativeText + " at a = w·x+b;  ∂out/∂wᵢ = act′·xᵢ,  ∂out/∂xᵢ = act′·wᵢ"
            + (_call.Map.Biases is null ? string.Empty : ",  ∂out/∂b = act′");

        public override IReadOnlyList<Value> InputList
        {
            get
            {
                var all = new List<Value>(_call.Map.Weights[_row]);
                all.AddRange(_call.Values);
                if (_call.Map.Biases is { } biases)
                {
                    all.Add(biases[_row]);
                }

                return all.AsReadOnly();
            }
        }

        // A map whose weights and biases are all leaves has nothing of its own for the sort to visit.
        public override InputLists Lists => _call.Map.ParametersAreLeaves
            ? new(shared: _call)
            : new(single: _call.Map.Biases?[_row], first: _call.Map.WeightsHaveInterior ? _call.Map.Weights[_row] : null, shared: _call);

        public override void Forward()
        {
            _sum = _call.WeightedSum(_row);
            _data = _call.Activation.Forward(_sum);
        }

        public override object? ReplayGroup => _call.Map.ParametersAreLeaves ? _call : null;

        public override void ForwardTogether(AffineRow[] rows)
        {
            AffineCall<TFunction> call = _call;
            int k = 0;
            for (; k + 3 < rows.Length; k += 4)
            {
                var n0 = (AffineNode<TFunction>)rows[k];
                var n1 = (AffineNode<TFunction>)rows[k + 1];
                var n2 = (AffineNode<TFunction>)rows[k + 2];
                var n3 = (AffineNode<TFunction>)rows[k + 3];
                call.WeightedSums(n0._row, n1._row, n2._row, n3._row, out n0._sum, out n1._sum, out n2._sum, out n3._sum);
                n0._data = call.Activation.Forward(n0._sum);
                n1._data = call.Activation.Forward(n1._sum);
                n2._data = call.Activation.Forward(n2._sum);
                n3._data = call.Activation.Forward(n3._sum);
            }

            for (; k < rows.Length; k++)
            {
                rows[k].Forward();
            }
        }

        private protected override void Backward(IntoGrad sink) => Backward(_grad, _data, sink);

        private protected override void Backward(Scalar gradient, Adjoints sink) => Backward(gradient, sink.Operand(this), sink.Into);

        // With a = b + w·x and local = ∂L/∂a from the activation's own derivative:
        // ∂a/∂b = 1, ∂a/∂wᵢ = xᵢ, ∂a/∂xᵢ = wᵢ
        [MethodImpl(MethodImplOptions.AggressiveInlining)] // into the node type's Backward, where a number stays a number
        private void Backward<TSink>(Scalar gradient, Scalar output, TSink sink)
            where TSink : struct, IGradientSink
        {
            Value? bias = _call.Map.Biases?[_row];
            Value[] weights = _call.Map.Weights[_row];
            Value[] inputs = _call.Values;
            Scalar sum = sink.BuildsGraph ? new Scalar(WeightedSumGraph(bias, weights, inputs)) : _sum;
            Scalar local = _call.Activation.Backward(gradient, sum, output);
            if (bias is not null)
            {
                sink.Add(bias, local);
            }

            // Nothing flows back (an inactive ReLU, say) and the sum is finite, so every weight and input is finite and
            // each term below is a zero, which leaves a gradient as it is. With an infinite or NaN weight or input a term
            // would be NaN (0 × ∞), so then they are made.
            if (sink.MaySkipZeros && local.Number == 0 && _sum - _sum == 0)
            {
                return;
            }

            for (int i = 0; i < weights.Length; i++)
            {
                Value weight = weights[i], input = inputs[i];
                sink.Add(weight, local * sink.Operand(input));
                sink.Add(input, local * sink.Operand(weight));
            }
        }

        // a = b + w·x as a graph of its own, summed in the order the node sums it, for a derivative that depends on
        // the activation's input (a GELU's, say).
        private static Value WeightedSumGraph(Value? bias, Value[] weights, Value[] inputs)
        {
            Value sum = bias ?? new Value(0.0);
            for (int i = 0; i < weights.Length; i++)
            {
                sum += weights[i] * inputs[i];
            }

            return sum;
        }
    }
}

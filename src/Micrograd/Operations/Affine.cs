using System.Collections.Generic;

namespace Micrograd;

// activation(w·x + b) as one node per row of an AffineMap: the fused form of a neuron. The activation is any
// unary operation, and its derivative is the one written in that operation's own definition.
public partial class Value
{
    /// <summary>Computes every row of <paramref name="map"/> on an input array that the nodes will share.</summary>
    internal static Value[] Affine<TFunction>(AffineMap map, Value[] inputs, TFunction activation)
        where TFunction : struct, IUnaryFunction
    {
        var call = new AffineCall<TFunction>(map, inputs, activation);
        var outputs = new Value[map.OutputCount];
        int j = 0;
        for (; j + 3 < outputs.Length; j += 4)
        {
            WeightedSums(call, j, j + 1, j + 2, j + 3, out double s0, out double s1, out double s2, out double s3);
            outputs[j] = new AffineNode<TFunction>(call, j, s0);
            outputs[j + 1] = new AffineNode<TFunction>(call, j + 1, s1);
            outputs[j + 2] = new AffineNode<TFunction>(call, j + 2, s2);
            outputs[j + 3] = new AffineNode<TFunction>(call, j + 3, s3);
        }

        for (; j < outputs.Length; j++)
        {
            outputs[j] = new AffineNode<TFunction>(call, j, WeightedSum(call, j));
        }

        return outputs;
    }

    // b + w0*x0 + w1*x1 + ..., left to right, exactly as micrograd's neuron adds its products.
    private static double WeightedSum<TFunction>(AffineCall<TFunction> call, int row)
        where TFunction : struct, IUnaryFunction
    {
        Value[] weights = call.Map.Weights[row];
        Value[] inputs = call.Inputs;
        double sum = call.Map.Biases?[row]._data ?? 0.0;
        for (int i = 0; i < weights.Length; i++)
        {
            sum += weights[i]._data * inputs[i]._data;
        }

        return sum;
    }

    // Four rows' sums at once, each still added left to right: four independent chains of additions overlap in
    // the processor where one row's chain would wait for each addition to finish.
    private static void WeightedSums<TFunction>(
        AffineCall<TFunction> call, int r0, int r1, int r2, int r3, out double s0, out double s1, out double s2, out double s3)
        where TFunction : struct, IUnaryFunction
    {
        Value[][] weights = call.Map.Weights;
        Value[] w0 = weights[r0], w1 = weights[r1], w2 = weights[r2], w3 = weights[r3];
        Value[] inputs = call.Inputs;
        Value[]? biases = call.Map.Biases;
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

    /// <summary>One <see cref="AffineMap.Apply"/>: the inputs that all its rows' nodes share.</summary>
    private sealed class AffineCall<TFunction>
        where TFunction : struct, IUnaryFunction
    {
        public readonly AffineMap Map;
        public readonly Value[] Inputs;
        public readonly bool InputsHaveInterior;
        public TFunction Activation;

        /// <summary>The traversal that last pushed <see cref="Inputs"/>; see <see cref="AffineNode{TFunction}.PushInputs"/>.</summary>
        public uint ScannedMark;

        public AffineCall(AffineMap map, Value[] inputs, TFunction activation)
        {
            Map = map;
            Inputs = inputs;
            Activation = activation;
            InputsHaveInterior = System.Array.Exists(inputs, input => input._isInterior);
        }
    }

    /// <summary>activation(w_j·x + b_j) for row j of a map.</summary>
    private sealed class AffineNode<TFunction> : WideNode
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

        private protected override void Recompute()
        {
            _sum = WeightedSum(_call, _row);
            _data = _call.Activation.Forward(_sum);
        }

        public override double[] LocalDerivatives(out string formula)
        {
            AffineCall<TFunction> call = _call;
            double slope = call.Activation.Backward(1.0, _sum, _data).Number;
            Value[] weights = call.Map.Weights[_row];
            Value[] inputs = call.Inputs;
            int n = weights.Length;
            var derivatives = new double[2 * n + (call.Map.Biases is null ? 0 : 1)];
            for (int i = 0; i < n; i++)
            {
                derivatives[i] = slope * inputs[i]._data;
                derivatives[n + i] = slope * weights[i]._data;
            }

            if (call.Map.Biases is not null)
            {
                derivatives[2 * n] = slope;
            }

            formula = "out = " + call.Map.Formula + ":  act′ = " + call.Activation.DerivativeText + " = " + Format(slope)
                + " at a = w·x+b = " + Format(_sum) + ";  ∂out/∂wᵢ = act′·xᵢ,  ∂out/∂xᵢ = act′·wᵢ"
                + (call.Map.Biases is null ? string.Empty : ",  ∂out/∂b = act′");
            return derivatives;
        }

        // When the weights and biases are leaves, every row of a call depends only on the shared inputs, so a
        // compiled program may recompute the rows of one call together, four at a time.
        private protected override object? RecomputeGroupKey => _call.Map.ParametersAreLeaves ? _call : null;

        private protected override void RecomputeGroup(Value[] members)
        {
            int k = 0;
            for (; k + 3 < members.Length; k += 4)
            {
                var n0 = (AffineNode<TFunction>)members[k];
                var n1 = (AffineNode<TFunction>)members[k + 1];
                var n2 = (AffineNode<TFunction>)members[k + 2];
                var n3 = (AffineNode<TFunction>)members[k + 3];
                WeightedSums(_call, n0._row, n1._row, n2._row, n3._row, out n0._sum, out n1._sum, out n2._sum, out n3._sum);
                n0._data = _call.Activation.Forward(n0._sum);
                n1._data = _call.Activation.Forward(n1._sum);
                n2._data = _call.Activation.Forward(n2._sum);
                n3._data = _call.Activation.Forward(n3._sum);
            }

            for (; k < members.Length; k++)
            {
                members[k].Recompute();
            }
        }

        // With s = w·x + b and d = dL/ds from the activation's own derivative:
        // ds/db = 1, ds/dw_i = x_i, ds/dx_i = w_i
        public override void PropagateToInputs(Scalar gradient, Adjoints adjoints)
        {
            AffineCall<TFunction> call = _call;
            Value? bias = call.Map.Biases?[_row];
            Value[] weights = call.Map.Weights[_row];
            Value[] inputs = call.Inputs;
            Scalar local = call.Activation.Backward(
                gradient, adjoints.CreateGraph ? new Scalar(WeightedSumGraph(bias, weights, inputs)) : _sum, adjoints.Operand(this));
            if (bias is not null)
            {
                adjoints.Add(bias, local);
            }

            for (int i = 0; i < weights.Length; i++)
            {
                adjoints.Add(weights[i], local * adjoints.Operand(inputs[i]));
                adjoints.Add(inputs[i], local * adjoints.Operand(weights[i]));
            }
        }

        // s = b + w·x as a graph of its own, summed in the order the node sums it, for a derivative that
        // depends on the activation's input (a GELU's, say).
        private static Value WeightedSumGraph(Value? bias, Value[] weights, Value[] inputs)
        {
            Value sum = bias ?? new Value(0.0);
            for (int i = 0; i < weights.Length; i++)
            {
                sum += weights[i] * inputs[i];
            }

            return sum;
        }

        private protected override void PropagateToInputs()
        {
            AffineCall<TFunction> call = _call;
            double local = call.Activation.Backward(_grad, _sum, _data).Number;
            Value? bias = call.Map.Biases?[_row];
            if (bias is not null)
            {
                bias._grad += local;
            }

            // Nothing flows back (an inactive ReLU, say) and the sum is finite, so every weight and input is finite
            // and each contribution below would be a zero, which leaves a gradient as it is: skip them. With an
            // infinite or NaN weight or input they would be NaN (0 × ∞), so then they are made.
            if (local == 0 && _sum - _sum == 0)
            {
                return;
            }

            Value[] weights = call.Map.Weights[_row];
            Value[] inputs = call.Inputs;
            for (int i = 0; i < weights.Length; i++)
            {
                Value w = weights[i];
                Value x = inputs[i];
                w._grad += local * x._data;
                x._grad += local * w._data;
            }
        }

        private protected override string OperatorName => _call.Map.Formula;

        private protected override IReadOnlyList<Value> InputList
        {
            get
            {
                var all = new List<Value>(_call.Map.Weights[_row]);
                all.AddRange(_call.Inputs);
                if (_call.Map.Biases is { } biases)
                {
                    all.Add(biases[_row]);
                }

                return all.AsReadOnly();
            }
        }

        public override int PushInputs(ref Slot[] stack, int top, uint expanded)
        {
            AffineCall<TFunction> call = _call;
            Value? bias = call.Map.Biases?[_row];
            if (bias is not null && bias.NeedsVisit(expanded))
            {
                stack[top++] = bias;
            }

            if (call.Map.WeightsHaveInterior)
            {
                top = PushUnvisited(call.Map.Weights[_row], ref stack, top, expanded);
            }

            // The map's other rows share these inputs: scanning them once per traversal is enough. A row expanded
            // later finds them emitted already, since every value is created after its inputs: nothing reachable
            // from these inputs (or from the weights and biases, made before the map) can be a row of this call.
            if (call.InputsHaveInterior && call.ScannedMark != expanded)
            {
                call.ScannedMark = expanded;
                top = PushUnvisited(call.Inputs, ref stack, top, expanded);
            }

            return top;
        }
    }
}

using Micrograd;

namespace Newton;

/// <summary>One step of a minimizer: where it is after the step, and the function's value there.</summary>
public sealed record Step(int Iteration, double[] Point, double Value, double Distance);

/// <summary>Two ways down to a minimum: Newton's method, which uses second derivatives, and gradient descent, which does not.</summary>
public static class Minimizers
{
    /// <summary>
    /// Newton's method: at each point, the gradient g and Hessian H from Micrograd, then the step x ← x − H⁻¹g that
    /// lands on the minimum of the quadratic that matches f there.
    /// </summary>
    public static IEnumerable<Step> Newton(Func<IReadOnlyList<Value>, Value> function, IReadOnlyList<double> start)
    {
        double[] x = [.. start];
        for (int iteration = 1; ; iteration++)
        {
            Value[] leaves = [.. x.Select(coordinate => new Value(coordinate))];
            double[] gradient = [.. Gradients.Of(function(leaves), leaves).Select(d => d.Data)];
            double[,] hessian = Gradients.Hessian(function, x);
            double[] step = Solve(hessian, gradient);
            for (int i = 0; i < x.Length; i++)
            {
                x[i] -= step[i];
            }

            yield return Describe(function, iteration, x);
        }
    }

    /// <summary>Gradient descent: x ← x − learningRate · g, with g from <see cref="Value.Backward"/>.</summary>
    public static IEnumerable<Step> GradientDescent(Func<IReadOnlyList<Value>, Value> function, IReadOnlyList<double> start, double learningRate)
    {
        double[] x = [.. start];
        for (int iteration = 1; ; iteration++)
        {
            Value[] leaves = [.. x.Select(coordinate => new Value(coordinate))];
            function(leaves).Backward();
            for (int i = 0; i < x.Length; i++)
            {
                x[i] -= learningRate * leaves[i].Grad;
            }

            yield return Describe(function, iteration, x);
        }
    }

    private static Step Describe(Func<IReadOnlyList<Value>, Value> function, int iteration, double[] x) =>
        new(iteration, [.. x], function([.. x.Select(coordinate => new Value(coordinate))]).Data, Rosenbrock.DistanceToMinimum(x));

    /// <summary>Solves A·s = b by Gaussian elimination with partial pivoting (A is small here).</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        int n = b.Length;
        double[,] m = (double[,])a.Clone();
        double[] v = [.. b];
        for (int column = 0; column < n; column++)
        {
            int pivot = column;
            for (int row = column + 1; row < n; row++)
            {
                if (Math.Abs(m[row, column]) > Math.Abs(m[pivot, column]))
                {
                    pivot = row;
                }
            }

            for (int k = 0; k < n; k++)
            {
                (m[column, k], m[pivot, k]) = (m[pivot, k], m[column, k]);
            }

            (v[column], v[pivot]) = (v[pivot], v[column]);
            for (int row = column + 1; row < n; row++)
            {
                double factor = m[row, column] / m[column, column];
                for (int k = column; k < n; k++)
                {
                    m[row, k] -= factor * m[column, k];
                }

                v[row] -= factor * v[column];
            }
        }

        var s = new double[n];
        for (int row = n - 1; row >= 0; row--)
        {
            double sum = v[row];
            for (int k = row + 1; k < n; k++)
            {
                sum -= m[row, k] * s[k];
            }

            s[row] = sum / m[row, row];
        }

        return s;
    }
}

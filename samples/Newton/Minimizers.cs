using Micrograd;

namespace Newton;

/// <summary>One step of a minimizer: where it is after the step, and the function's value there.</summary>
public sealed record Step(int Iteration, double[] Point, double Value, double Distance);

/// <summary>Two ways down to a minimum: Newton's method, which uses second derivatives, and gradient descent, which does not.</summary>
public static class Minimizers
{
    /// <summary>
    /// Newton's method: at each point, the gradient g and Hessian H from Micrograd, then the step x ← x − H⁻¹g that
    /// lands on the minimum of the quadratic that matches f there. The function's graph is built once and replayed:
    /// one call gives the value and the gradient at each new point.
    /// </summary>
    public static IEnumerable<Step> Newton(Func<IReadOnlyList<Value>, Value> function, IReadOnlyList<double> start)
    {
        CompiledFunction compiled = Gradients.Compile(function, start);
        double[] x = [.. start];
        double[] gradient = new double[x.Length];
        compiled.Evaluate(x, gradient);
        for (int iteration = 1; ; iteration++)
        {
            double[,] hessian = compiled.Hessian(x);
            double[] step = Solve(hessian, gradient);
            for (int i = 0; i < x.Length; i++)
            {
                x[i] -= step[i];
            }

            double value = compiled.Evaluate(x, gradient); // f and g at the new point: g serves the next step
            yield return new Step(iteration, [.. x], value, Rosenbrock.DistanceToMinimum(x));
        }
    }

    /// <summary>Gradient descent: x ← x − learningRate · g, with f and g from one call at each point.</summary>
    public static IEnumerable<Step> GradientDescent(Func<IReadOnlyList<Value>, Value> function, IReadOnlyList<double> start, double learningRate)
    {
        CompiledFunction compiled = Gradients.Compile(function, start);
        double[] x = [.. start];
        double[] gradient = new double[x.Length];
        compiled.Evaluate(x, gradient);
        for (int iteration = 1; ; iteration++)
        {
            for (int i = 0; i < x.Length; i++)
            {
                x[i] -= learningRate * gradient[i];
            }

            double value = compiled.Evaluate(x, gradient);
            yield return new Step(iteration, [.. x], value, Rosenbrock.DistanceToMinimum(x));
        }
    }

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

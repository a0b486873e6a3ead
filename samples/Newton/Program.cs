// Minimises the Rosenbrock function twice from (-1.2, 1): by Newton's method, with the Hessian from Micrograd's
// second derivatives, and by gradient descent, and prints how many iterations each needs to come within the
// tolerance of the minimum (1, 1).
//
//   dotnet run --project samples/Newton [-- --learning-rate 0.001] [--tolerance 1e-10] [--max-iterations 1000000]

using System.Globalization;
using Micrograd;
using Newton;

double learningRate = 0.001;
double tolerance = 1e-10;
int maxIterations = 1_000_000;
for (int i = 0; i < args.Length; i++)
{
    string? value = i + 1 < args.Length ? args[i + 1] : null;
    bool ok = args[i] switch
    {
        "--learning-rate" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out learningRate) && learningRate > 0,
        "--tolerance" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out tolerance) && tolerance > 0,
        "--max-iterations" => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out maxIterations) && maxIterations > 0,
        "--help" or "-h" => Usage(Console.Out),
        _ => false,
    };
    if (args[i] is "--help" or "-h")
    {
        return 0;
    }

    if (!ok)
    {
        Console.Error.WriteLine($"Unknown option or bad value: {string.Join(' ', args.Skip(i).Take(2))}");
        Usage(Console.Error);
        return 2;
    }

    i++;
}

Func<IReadOnlyList<Value>, Value> f = Rosenbrock.Of;
Console.WriteLine("f(x, y) = 100 (y - x²)² + (1 - x)², from (-1.2, 1); the minimum is f(1, 1) = 0.");
Console.WriteLine($"Each method runs until its distance to (1, 1) is at most {tolerance.ToString("G", CultureInfo.InvariantCulture)}.");
Console.WriteLine();

Console.WriteLine("Newton's method, x <- x - H⁻¹ g (gradient and Hessian from Micrograd):");
int newton = Run(Minimizers.Newton(f, Rosenbrock.Start), printEvery: 1);

Console.WriteLine();
Console.WriteLine($"Gradient descent, x <- x - {learningRate.ToString("G", CultureInfo.InvariantCulture)} g:");
int descent = Run(Minimizers.GradientDescent(f, Rosenbrock.Start, learningRate), printEvery: 10_000);

Console.WriteLine();
Console.WriteLine($"Iterations to reach {tolerance.ToString("G", CultureInfo.InvariantCulture)}: Newton {Count(newton)}, gradient descent {Count(descent)}.");
return 0;

int Run(IEnumerable<Step> steps, int printEvery)
{
    foreach (Step step in steps.Take(maxIterations))
    {
        bool done = step.Distance <= tolerance;
        if (done || step.Iteration % printEvery == 0 || step.Iteration == 1)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {step.Iteration,9:N0}  x = {step.Point[0],-20:R} y = {step.Point[1],-20:R} f = {step.Value,-10:0.000e+00} distance = {step.Distance:0.000e+00}"));
        }

        if (done)
        {
            return step.Iteration;
        }
    }

    Console.WriteLine($"  not within the tolerance after {maxIterations:N0} iterations");
    return -1;
}

string Count(int iterations) => iterations < 0 ? $"more than {maxIterations:N0}" : iterations.ToString("N0", CultureInfo.InvariantCulture);

static bool Usage(TextWriter writer)
{
    writer.WriteLine("usage: dotnet run --project samples/Newton [-- --learning-rate R] [--tolerance T] [--max-iterations N]");
    writer.WriteLine("  --learning-rate R   gradient descent's step size (default 0.001)");
    writer.WriteLine("  --tolerance T       stop within this distance of the minimum (default 1e-10)");
    writer.WriteLine("  --max-iterations N  give up after N iterations (default 1000000)");
    return true;
}

// Minimises the Rosenbrock function twice from (-1.2, 1): by Newton's method, with the Hessian from Micrograd's
// second derivatives, and by gradient descent, and prints how many iterations each needs to come within the
// tolerance of the minimum (1, 1).
//
//   dotnet run --project samples/Newton [-- --learning-rate 0.001] [--tolerance 1e-10] [--max-iterations 1000000]

using System.Globalization;
using Micrograd;
using Micrograd.Samples;
using Newton;

double learningRate = 0.001;
double tolerance = 1e-10;
int maxIterations = 1_000_000;
const string Usage = """
    Minimises the Rosenbrock function from (-1.2, 1) by Newton's method and by gradient descent.

    Usage: dotnet run --project samples/Newton [-- options]

    Options:
      --learning-rate R   gradient descent's step size, a finite number greater than 0 (default 0.001)
      --tolerance T       stop within this distance of the minimum, a finite number greater than 0 (default 1e-10)
      --max-iterations N  give up after N iterations, from 1 to 2,147,483,647 (default 1000000)
      --help              show this text
    """;
int? exitCode = new CommandLine(Usage)
    .Positive("--learning-rate", value => learningRate = value)
    .Positive("--tolerance", value => tolerance = value)
    .Whole("--max-iterations", 1, int.MaxValue, value => maxIterations = value)
    .Parse(args);
if (exitCode is int exit)
{
    return exit;
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

// The iterations it took to come within the tolerance; -1 if it did not within maxIterations, -2 if it diverged.
int Run(IEnumerable<Step> steps, int printEvery)
{
    foreach (Step step in steps.Take(maxIterations))
    {
        bool done = step.Distance <= tolerance;
        bool diverged = !double.IsFinite(step.Value) || !double.IsFinite(step.Point[0]) || !double.IsFinite(step.Point[1]);
        if (done || diverged || step.Iteration % printEvery == 0 || step.Iteration == 1)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {step.Iteration,9:N0}  x = {step.Point[0],-20:R} y = {step.Point[1],-20:R} f = {step.Value,-10:0.000e+00} distance = {step.Distance:0.000e+00}"));
        }

        if (done)
        {
            return step.Iteration;
        }

        if (diverged)
        {
            Console.WriteLine($"  diverged at iteration {step.Iteration:N0}: the point or the value is no longer a finite number");
            return -2;
        }
    }

    Console.WriteLine($"  not within the tolerance after {maxIterations:N0} iterations");
    return -1;
}

string Count(int iterations) => iterations switch
{
    -2 => "diverged",
    < 0 => $"more than {maxIterations:N0}",
    _ => iterations.ToString("N0", CultureInfo.InvariantCulture),
};

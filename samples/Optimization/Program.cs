// Minimises the Rosenbrock function in 2 and 1,000 dimensions with Math.NET Numerics' BFGS, L-BFGS and Newton
// minimizers and with plain gradient descent, all calling one function compiled by Micrograd (value and gradient in
// one call that allocates nothing; the Hessian for Newton), then fits a damped oscillation to noisy samples with
// Math.NET's Levenberg–Marquardt minimizer and Micrograd's Jacobian.
//
//   dotnet run -c Release --project samples/Optimization [-- --dense]
//
// --dense also runs BFGS and Newton in 1,000 dimensions, which keep a dense 1,000 × 1,000 matrix (minutes).

bool dense = args.Contains("--dense");
if (args.Any(arg => arg != "--dense"))
{
    Console.Error.WriteLine("usage: dotnet run --project samples/Optimization [-- --dense]");
    return 2;
}

Optimization.Report.Write(Console.Out, dense);
return 0;

#!/usr/bin/env dotnet
// Chapter 1: what a derivative is, by nudging (lecture steps 2-7, repeated as 36-41).
// A derivative is how much a function's output moves per unit its input moves: nudge the input by a small h
// and divide the change of the output by h. No calculus yet, and no engine: plain doubles, as the lecture does.
//   dotnet run samples/Lecture/01-derivatives.cs
#:project Support
using Micrograd.Samples.Lecture;

Arguments.None(args, "01-derivatives.cs");

// [2] a scalar function to differentiate
static double F(double x) => 3 * Math.Pow(x, 2) - 4 * x + 5;

Console.WriteLine("[3] f(3.0)");
Console.WriteLine(Python.Repr(F(3.0)));

Console.WriteLine("[4] xs = np.arange(-5, 5, 0.25); ys = f(xs); plt.plot(xs, ys)");
double[] xs = Enumerable.Range(0, 40).Select(i => -5 + i * 0.25).ToArray();
Pictures.Plot(xs, xs.Select(F).ToArray(), "f(x) = 3x² - 4x + 5", "01-parabola");

Console.WriteLine("[5] h = 0.000001; x = 2/3; (f(x + h) - f(x))/h   # the slope at the bottom of the parabola: about 0");
double h = 0.000001;
double x = 2.0 / 3;
Console.WriteLine(Python.Repr((F(x + h) - F(x)) / h));

Console.WriteLine("[6] a = 2.0; b = -3.0; c = 10.0; d = a*b + c; print(d)");
double a = 2.0;
double b = -3.0;
double c = 10.0;
double d = a * b + c;
Console.WriteLine(Python.Repr(d));

Console.WriteLine("[7] how d moves when c is nudged by h = 0.0001: dd/dc = 1");
h = 0.0001;
double d1 = a * b + c;
c += h;
double d2 = a * b + c;
Console.WriteLine($"d1 {Python.Repr(d1)}");
Console.WriteLine($"d2 {Python.Repr(d2)}");
Console.WriteLine($"slope {Python.Repr((d2 - d1) / h)}");

// The example from micrograd's README, in C#. Python's b**3 is b.Pow(3).
using System;
using Micrograd;

var a = new Value(-4.0);
var b = new Value(2.0);
var c = a + b;
var d = a * b + b.Pow(3);
c += c + 1;
c += 1 + c + (-a);
d += d * 2 + (b + a).Tanh();
d += 3 * d + (b - a).Tanh();
var e = c - d;
var f = e.Pow(2);
var g = f / 2.0;
g += 10.0 / f;
Console.WriteLine($"{g.Data:F4}"); // the outcome of this forward pass: 4.6252
g.Backward();
Console.WriteLine($"{a.Grad:F4}"); // dg/da: 27.0601
Console.WriteLine($"{b.Grad:F4}"); // dg/db: 117.3345

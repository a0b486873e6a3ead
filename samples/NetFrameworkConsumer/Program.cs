// Checks that the Micrograd package works on the runtime this program runs on: .NET Framework 4.8 or Mono (the
// package's netstandard2.0 build), or .NET 10. One line per check, "PASS" or "FAIL", and a non-zero exit code if
// any failed. `--benchmark` times the Moons training step instead (see MoonsBenchmark.cs).
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Threading;
using Micrograd;
using Micrograd.Samples.NetFrameworkConsumer;

Thread.CurrentThread.CurrentCulture = CultureInfo.InvariantCulture;
Console.WriteLine($"Micrograd {typeof(Value).Assembly.GetName().Version} on {RuntimeInformation.FrameworkDescription}");

if (args.Length == 1 && args[0] == "--benchmark")
{
    MoonsBenchmark.Run();
    return 0;
}

if (args.Length > 0)
{
    Console.Error.WriteLine("Usage: NetFrameworkConsumer [--benchmark]");
    return 2;
}

var checks = new List<(string Name, Func<Check> Run)>
{
    ("README example", Checks.ReadmeExample),
    ("Moons", Checks.MoonsTraining),
    ("Model file", Checks.ModelFileRoundTrip),
    ("Hessian", Checks.Hessian),
    ("Compiled replay", Checks.CompiledReplay),
    ("HTML page", Checks.HtmlPage),
};

int failed = 0;
foreach ((string name, Func<Check> run) in checks)
{
    Check check;
    try
    {
        check = run();
    }
    catch (Exception exception)
    {
        check = new Check(false, exception.ToString());
    }

    if (!check.Passed)
    {
        failed++;
    }

    Console.WriteLine($"{(check.Passed ? "PASS" : "FAIL")}  {name}: {check.Detail}");
}

Console.WriteLine($"{checks.Count - failed} passed, {failed} failed");
return failed == 0 ? 0 : 1;

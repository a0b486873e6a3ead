using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// Run every benchmark:   dotnet run -c Release --project tests/Micrograd.Benchmarks -- --filter '*'
// Run one class:         dotnet run -c Release --project tests/Micrograd.Benchmarks -- --filter '*TrainingStep*'
//
// Benchmarks run in this process (the in-process toolchain): TorchSharp's native library in this project's
// output folder is the one the build patched for older libstdc++ (see README), which a separately generated
// benchmark project would not have.
// Medians are shown always: this machine is shared and noisy, and a median resists outliers.
var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).AsDefault())
    .AddColumn(StatisticColumn.Median);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);

/// <summary>The entry point's type, so BenchmarkSwitcher can find this assembly.</summary>
public partial class Program;

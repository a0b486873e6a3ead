namespace Micrograd.Samples.NetFrameworkConsumer;

/// <summary>The outcome of one check: whether it passed, and what it found, in one line.</summary>
internal sealed class Check
{
    public Check(bool passed, string detail)
    {
        Passed = passed;
        Detail = detail;
    }

    public bool Passed { get; }

    public string Detail { get; }
}

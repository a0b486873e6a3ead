using System;
using System.Collections.Generic;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Client;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Logging;

namespace Micrograd.TestLogger;

/// <summary>
/// Prints "Skipped name: reason" for every skipped test, so that a test skipped for want of Chromium or of a packed
/// package says why on the console (dotnet test's own console logger prints only the name at its default verbosity).
/// </summary>
[FriendlyName("skipreasons")]
[ExtensionUri("logger://micrograd/skipreasons")]
public sealed class SkipReasonLogger : ITestLoggerWithParameters
{
    /// <inheritdoc />
    public void Initialize(TestLoggerEvents events, string testRunDirectory)
    {
        if (events is null)
        {
            throw new ArgumentNullException(nameof(events));
        }

        events.TestResult += OnTestResult;
    }

    /// <inheritdoc />
    public void Initialize(TestLoggerEvents events, Dictionary<string, string?> parameters) => Initialize(events, string.Empty);

    private static void OnTestResult(object? sender, TestResultEventArgs e)
    {
        if (e.Result.Outcome == TestOutcome.Skipped)
        {
            Console.WriteLine("  Skipped " + e.Result.TestCase.DisplayName + ": " + (e.Result.ErrorMessage ?? "no reason given"));
        }
    }
}

using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Uet.Core.Events;
using TestOutcome = Uet.Core.Events.TestOutcome;
using VsOutcome = Microsoft.VisualStudio.TestPlatform.ObjectModel.TestOutcome;

namespace Uet.TestLogger;

/// <summary>Turns VSTest's test results into Uet's own model, the only place that knows both.</summary>
internal static class ResultMapper
{
    public static TestResultRecord Map(TestResult result, int maxOutputChars)
    {
        var testCase = result.TestCase;
        // Traits are parsed from the test case's property store on every read: read them once.
        var traits = testCase.Traits.Select(t => new KeyValuePair<string, string>(t.Name, t.Value)).ToList();
        return new TestResultRecord
        {
            FullyQualifiedName = testCase.FullyQualifiedName,
            DisplayName = result.DisplayName ?? testCase.DisplayName,
            Outcome = result.Outcome switch
            {
                VsOutcome.Passed => TestOutcome.Passed,
                VsOutcome.Failed => TestOutcome.Failed,
                _ => TestOutcome.Skipped,
            },
            Duration = result.Duration,
            StartedAt = result.StartTime == default ? null : result.StartTime,
            EndedAt = result.EndTime == default ? null : result.EndTime,
            Source = testCase.Source,
            ErrorMessage = result.ErrorMessage,
            ErrorStackTrace = result.ErrorStackTrace,
            StandardOutput = OutputLimit.Cap(Messages(result, TestResultMessage.StandardOutCategory), maxOutputChars),
            StandardError = OutputLimit.Cap(Messages(result, TestResultMessage.StandardErrorCategory), maxOutputChars),
            Traits = traits,
            Categories = Categories(testCase, traits),
            Priority = Priority(testCase, traits),
            CodeFilePath = string.IsNullOrEmpty(testCase.CodeFilePath) ? null : testCase.CodeFilePath,
            LineNumber = testCase.LineNumber > 0 ? testCase.LineNumber : null,
        };
    }

    private static string? Messages(TestResult result, string category)
    {
        var texts = result.Messages.Where(m => m.Category == category && !string.IsNullOrEmpty(m.Text)).Select(m => m.Text).ToList();
        return texts.Count == 0 ? null : string.Concat(texts);
    }

    /// <summary>MSTest keeps [Priority(n)] in a "...Priority" property; other frameworks use a "Priority" trait.</summary>
    private static int? Priority(TestCase testCase, List<KeyValuePair<string, string>> traits)
    {
        foreach (var property in testCase.Properties.Where(p => p.Id.EndsWith(".Priority", StringComparison.OrdinalIgnoreCase)))
        {
            if (testCase.GetPropertyValue(property) is int value)
            {
                return value;
            }
        }
        var trait = traits.FirstOrDefault(t => string.Equals(t.Key, "Priority", StringComparison.OrdinalIgnoreCase)).Value;
        return int.TryParse(trait, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }

    /// <summary>
    /// Test categories: MSTest and NUnit keep them in a "...TestCategory" property, xUnit (and NUnit too) in
    /// traits named "Category".
    /// </summary>
    private static string[] Categories(TestCase testCase, List<KeyValuePair<string, string>> traits)
    {
        var fromProperties = testCase.Properties
            .Where(p => p.Id.EndsWith("TestCategory", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => testCase.GetPropertyValue(p) as string[] ?? []);
        var fromTraits = traits
            .Where(t => string.Equals(t.Key, "Category", StringComparison.OrdinalIgnoreCase))
            .Select(t => t.Value);
        return [.. fromProperties.Concat(fromTraits).Where(c => !string.IsNullOrEmpty(c)).Distinct(StringComparer.Ordinal)];
    }
}

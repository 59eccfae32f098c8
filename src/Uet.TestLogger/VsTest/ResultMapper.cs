using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Uet.Core.Events;
using TestOutcome = Uet.Core.Events.TestOutcome;
using VsOutcome = Microsoft.VisualStudio.TestPlatform.ObjectModel.TestOutcome;

namespace Uet.TestLogger.VsTest;

/// <summary>Turns VSTest's test results into Uet's own model, the only place that knows both.</summary>
internal static class ResultMapper
{
    public static TestResultRecord Map(TestResult result, int maxOutputChars)
    {
        var testCase = result.TestCase;
        // Traits are parsed from the test case's property store on every read: read them once.
        var traits = testCase.Traits.Select(t => new KeyValuePair<string, string>(t.Name, t.Value)).ToList();
        var (categories, priority) = CategoriesAndPriority(testCase, traits);
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
            Categories = categories,
            Priority = priority,
            CodeFilePath = string.IsNullOrEmpty(testCase.CodeFilePath) ? null : testCase.CodeFilePath,
            LineNumber = testCase.LineNumber > 0 ? testCase.LineNumber : null,
        };
    }

    private static string? Messages(TestResult result, string category)
    {
        var texts = result
            .Messages.Where(m => m.Category == category && !string.IsNullOrEmpty(m.Text))
            .Select(m => m.Text)
            .ToList();
        return texts.Count == 0 ? null : string.Concat(texts);
    }

    /// <summary>
    /// Test categories and priority, in one pass over the test case's properties (read for every result). MSTest
    /// and NUnit keep categories in a "...TestCategory" property, xUnit (and NUnit too) in traits named
    /// "Category"; MSTest keeps [Priority(n)] in a "...Priority" property, other frameworks use a "Priority" trait.
    /// </summary>
    private static (string[] Categories, int? Priority) CategoriesAndPriority(
        TestCase testCase,
        List<KeyValuePair<string, string>> traits
    )
    {
        var categories = new List<string>();
        int? priority = null;
        foreach (var property in testCase.Properties)
        {
            if (property.Id.EndsWith("TestCategory", StringComparison.OrdinalIgnoreCase))
            {
                categories.AddRange(testCase.GetPropertyValue(property) as string[] ?? []);
            }
            else if (
                property.Id.EndsWith(".Priority", StringComparison.OrdinalIgnoreCase)
                && testCase.GetPropertyValue(property) is int value
            )
            {
                priority = value;
            }
        }
        foreach (var (name, value) in traits)
        {
            if (string.Equals(name, "Category", StringComparison.OrdinalIgnoreCase))
            {
                categories.Add(value);
            }
            else if (
                priority is null
                && string.Equals(name, "Priority", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
            )
            {
                priority = parsed;
            }
        }
        return ([.. categories.Where(c => !string.IsNullOrEmpty(c)).Distinct(StringComparer.Ordinal)], priority);
    }
}

// The output properties are experimental in platform 2.0, and yet how every framework sends a test's output.
#pragma warning disable TPEXP
using System.Globalization;
using Microsoft.Testing.Platform.Extensions.Messages;
using Uet.Core.Events;
using TestOutcome = Uet.Core.Events.TestOutcome;

namespace Uet.TestLogger.Mtp;

/// <summary>What one update of a test node means to Uet: a test started, a test finished, or nothing.</summary>
internal abstract record NodeUpdate
{
    private NodeUpdate() { }

    /// <summary>A test began; <see cref="Key"/> tells its updates apart (data rows can share a node's uid).</summary>
    public sealed record Started(string Key, string Test) : NodeUpdate;

    public sealed record Finished(string Key, TestResultRecord Result) : NodeUpdate;
}

/// <summary>
/// Turns the testing platform's test node updates into Uet's own model, the only place that knows both. Updates
/// without a state (MSTest sends some), discovery and superseded retry attempts mean nothing; failed, error,
/// timeout and cancelled are all failures, with the exception's message and stack, or the platform's explanation.
/// </summary>
internal static class TestNodeResults
{
    public static NodeUpdate? Read(TestNode node, string source, int maxOutputChars)
    {
        if (
            node.Properties.SingleOrDefault<TestNodeStateProperty>() is not { } state
            || state is DiscoveredTestNodeStateProperty
            || IsSupersededRetry(node)
        )
        {
            return null;
        }
        var name = FullyQualifiedName(node);
        var key = node.Uid.Value + "\n" + node.DisplayName;
        if (state is InProgressTestNodeStateProperty)
        {
            return new NodeUpdate.Started(key, name);
        }
        var (outcome, message, stack) = state switch
        {
            PassedTestNodeStateProperty => (TestOutcome.Passed, null, null),
            SkippedTestNodeStateProperty skipped => (TestOutcome.Skipped, Text(skipped.Explanation), null),
            FailedTestNodeStateProperty failed => Failure(failed.Exception, failed.Explanation),
            ErrorTestNodeStateProperty error => Failure(error.Exception, error.Explanation),
            TimeoutTestNodeStateProperty timeout => Failure(
                timeout.Exception,
                timeout.Explanation ?? TimedOut(timeout.Timeout)
            ),
#pragma warning disable CS0618, MTP0001 // Cancelled is obsolete in the platform but still sent, and still the end of a test.
            CancelledTestNodeStateProperty cancelled => Failure(
                cancelled.Exception,
                cancelled.Explanation ?? "The test was cancelled."
            ),
#pragma warning restore CS0618, MTP0001
            _ => Failure(null, state.Explanation),
        };
        var timing = node.Properties.SingleOrDefault<TimingProperty>()?.GlobalTiming;
        var location = node.Properties.SingleOrDefault<TestFileLocationProperty>();
        var (traits, categories, priority) = Metadata(node.Properties);
        return new NodeUpdate.Finished(
            key,
            new TestResultRecord
            {
                FullyQualifiedName = name,
                DisplayName = node.DisplayName,
                Outcome = outcome,
                Duration = timing?.Duration ?? TimeSpan.Zero,
                StartedAt = timing?.StartTime,
                EndedAt = timing?.EndTime,
                Source = source,
                ErrorMessage = message,
                ErrorStackTrace = stack,
                StandardOutput = OutputLimit.Cap(
                    Output<StandardOutputProperty>(node, p => p.StandardOutput),
                    maxOutputChars
                ),
                StandardError = OutputLimit.Cap(
                    Output<StandardErrorProperty>(node, p => p.StandardError),
                    maxOutputChars
                ),
                Traits = traits,
                Categories = categories,
                Priority = priority,
                CodeFilePath = Text(location?.FilePath),
                LineNumber = location?.LineSpan.Start.Line > 0 ? location.LineSpan.Start.Line : null,
            }
        );
    }

    /// <summary>
    /// Namespace, type and method, as VSTest names the test: the rows of a data-driven test share it. A framework
    /// that does not say which method a node is named by the node's uid.
    /// </summary>
    private static string FullyQualifiedName(TestNode node)
    {
        if (node.Properties.SingleOrDefault<TestMethodIdentifierProperty>() is not { } method)
        {
            return node.Uid.Value;
        }
        var type =
            string.IsNullOrEmpty(method.Namespace)
            || method.TypeName.StartsWith(method.Namespace + ".", StringComparison.Ordinal)
                ? method.TypeName
                : method.Namespace + "." + method.TypeName;
        return type + "." + method.MethodName;
    }

    /// <summary>
    /// A retry attempt that a later one replaces. The platform says so from 2.4 on, in a property that Uet, built
    /// against 2.0 so that it runs on every 2.x, reads by name; no property of that name on older ones.
    /// </summary>
    private static bool IsSupersededRetry(TestNode node)
    {
        foreach (var property in node.Properties.AsEnumerable())
        {
            var type = property.GetType();
            if (type.Name == "RetryAttemptProperty")
            {
                return type.GetProperty("IsSuperseded")?.GetValue(property) is true;
            }
        }
        return false;
    }

    private static (TestOutcome, string?, string?) Failure(Exception? exception, string? explanation) =>
        (TestOutcome.Failed, Text(exception?.Message) ?? Text(explanation), Text(exception?.StackTrace));

    private static string TimedOut(TimeSpan? after) =>
        after is { } limit
            ? string.Create(CultureInfo.InvariantCulture, $"The test timed out after {limit.TotalSeconds:0.###} s.")
            : "The test timed out.";

    private static string? Output<T>(TestNode node, Func<T, string> text)
        where T : IProperty
    {
        var texts = node.Properties.OfType<T>().Select(text).Where(t => !string.IsNullOrEmpty(t)).ToList();
        return texts.Count == 0 ? null : string.Concat(texts);
    }

    /// <summary>
    /// Traits, categories and priority from the node's metadata. MSTest and NUnit send a category as a key with no
    /// value; xUnit and NUnit use a "Category" key; a "Priority" key with a whole number is the test's priority.
    /// Keys with values stay traits too, as VSTest keeps them.
    /// </summary>
    private static (List<KeyValuePair<string, string>>, string[], int?) Metadata(PropertyBag properties)
    {
        var traits = new List<KeyValuePair<string, string>>();
        var categories = new List<string>();
        int? priority = null;
        foreach (var metadata in properties.OfType<TestMetadataProperty>())
        {
            if (string.IsNullOrEmpty(metadata.Value))
            {
                categories.Add(metadata.Key);
                continue;
            }
            if (
                string.Equals(metadata.Key, "Category", StringComparison.OrdinalIgnoreCase)
                || string.Equals(metadata.Key, "TestCategory", StringComparison.OrdinalIgnoreCase)
            )
            {
                categories.Add(metadata.Value);
            }
            else if (
                string.Equals(metadata.Key, "Priority", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(metadata.Value, CultureInfo.InvariantCulture, out var parsed)
            )
            {
                priority ??= parsed;
            }
            traits.Add(new(metadata.Key, metadata.Value));
        }
        return (traits, [.. categories.Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)], priority);
    }

    private static string? Text(string? text) => string.IsNullOrEmpty(text) ? null : text;
}

using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using Json.Schema.Keywords;

namespace Uet.Validation.Schemas;

/// <summary>
/// The regular expressions of <c>pattern</c> and <c>patternProperties</c>, with a match timeout. JsonSchema.Net
/// compiles them without one, so a schema with a catastrophically backtracking pattern (<c>^(a+)+$</c>) hangs the
/// build on the first unlucky value. Here a match that runs past the timeout fails that keyword with a message
/// that names the pattern, and the pattern is not tried again on the rest of the document.
/// </summary>
internal static class BoundedPatterns
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    /// <summary>Starts the library's error text for a stopped match, so messages can tell it from a plain mismatch.</summary>
    public const string TimeoutMarker = "uet:pattern-timeout:";

    /// <summary>Draft-07 with the two keywords replaced; every schema of a <see cref="SchemaSet"/> is built with it.</summary>
    public static Dialect Draft07 { get; } =
        Dialect.Draft07.With([new BoundedPatternKeyword(), new BoundedPatternPropertiesKeyword()], null, null, null);

    /// <summary>Patterns that ran out of time in the document being validated (validation runs on one thread).</summary>
    [ThreadStatic]
    private static HashSet<string>? _timedOut;

    /// <summary>Called before each document: a pattern stopped on one document is tried afresh on the next.</summary>
    public static void ForgetTimeouts() => _timedOut?.Clear();

    /// <summary>Interpreted, not compiled: compiling costs milliseconds a pattern at start-up, and UET patterns are short.</summary>
    public static Regex? TryCreate(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.ECMAScript, MatchTimeout);
        }
        catch (ArgumentException)
        {
            return null; // the library's own handler reports an invalid pattern
        }
    }

    public static KeywordEvaluation Guard(string keyword, IEnumerable<Regex> regexes, Func<KeywordEvaluation> evaluate)
    {
        if (
            _timedOut is { Count: > 0 } timedOut
            && regexes.FirstOrDefault(r => timedOut.Contains(r.ToString())) is { } stopped
        )
        {
            return TimedOut(keyword, stopped.ToString());
        }

        try
        {
            return evaluate();
        }
        catch (RegexMatchTimeoutException e)
        {
            (_timedOut ??= new HashSet<string>(StringComparer.Ordinal)).Add(e.Pattern);
            return TimedOut(keyword, e.Pattern);
        }
    }

    private static KeywordEvaluation TimedOut(string keyword, string pattern) =>
        new()
        {
            Keyword = keyword,
            IsValid = false,
            Error = TimeoutMarker + pattern,
        };

    private sealed class BoundedPatternKeyword : PatternKeyword
    {
        public override object? ValidateKeywordValue(JsonElement value) =>
            value.ValueKind == JsonValueKind.String && TryCreate(value.GetString()!) is { } regex
                ? regex
                : base.ValidateKeywordValue(value);

        public override KeywordEvaluation Evaluate(KeywordData data, EvaluationContext context) =>
            Guard(Name, [(Regex)data.Value!], () => base.Evaluate(data, context));
    }

    private sealed class BoundedPatternPropertiesKeyword : PatternPropertiesKeyword
    {
        public override object? ValidateKeywordValue(JsonElement value)
        {
            var compiled = base.ValidateKeywordValue(value) as Dictionary<string, Regex>;
            return compiled?.ToDictionary(p => p.Key, p => TryCreate(p.Key) ?? p.Value);
        }

        public override KeywordEvaluation Evaluate(KeywordData data, EvaluationContext context) =>
            Guard(Name, ((Dictionary<string, Regex>)data.Value!).Values, () => base.Evaluate(data, context));
    }
}

using System.Text.RegularExpressions;
using Uet.Context.Fitting;

namespace Uet.FixTasks.Signatures;

/// <summary>
/// Reads .NET stack traces ("   at Ns.Type.Method(args) in /path/File.cs:line 42"), in any of the languages the
/// runtime prints them in as long as the shape is "at ... in ...:N". A trace with inner exceptions lists the
/// innermost exception's frames first, up to "--- End of inner exception stack trace ---": those are where the
/// failure began.
/// </summary>
public static partial class StackTraceParser
{
    private const string EndOfInner = "--- End of inner exception stack trace ---";

    /// <summary>The frames of the exception where the failure began (the innermost one).</summary>
    public static IReadOnlyList<StackFrame> RootFrames(string? stackTrace)
    {
        if (string.IsNullOrWhiteSpace(stackTrace))
        {
            return [];
        }
        var inner = stackTrace.IndexOf(EndOfInner, StringComparison.Ordinal);
        return Parse(inner < 0 ? stackTrace : stackTrace[..inner]);
    }

    /// <summary>Every frame of the trace, in order.</summary>
    public static IReadOnlyList<StackFrame> Parse(string? stackTrace) =>
        string.IsNullOrWhiteSpace(stackTrace)
            ? []
            : [.. stackTrace.Split('\n').Select(line => line.Trim()).Where(IsFrame).Select(ParseFrame)];

    private static bool IsFrame(string line) => line.StartsWith("at ", StringComparison.Ordinal);

    private static StackFrame ParseFrame(string line)
    {
        var match = FramePattern().Match(line);
        var method = match.Success ? match.Groups["method"].Value : line[3..];
        int? number = match.Groups["line"].Success && int.TryParse(match.Groups["line"].Value, out var n) ? n : null;
        return new StackFrame(line, Readable(method), match.Groups["file"].Success ? match.Groups["file"].Value : null, number, !FailureSections.IsFrameworkFrame(line));
    }

    /// <summary>
    /// The method the programmer wrote: "Ns.C.&lt;TotalAsync&gt;d__3.MoveNext" is "Ns.C.TotalAsync",
    /// "Ns.C.&lt;&gt;c__DisplayClass2_0.&lt;Total&gt;b__0" and "Ns.C.&lt;&gt;c.&lt;Total&gt;b__1_0" are
    /// "Ns.C.Total.lambda", "Ns.C.&lt;Total&gt;g__Local|0_0" is "Ns.C.Total.Local". Generic arities and argument
    /// lists are dropped.
    /// </summary>
    public static string Readable(string method)
    {
        var name = method;
        var parenthesis = name.IndexOf('(', StringComparison.Ordinal);
        if (parenthesis >= 0)
        {
            name = name[..parenthesis];
        }
        name = AsyncStateMachine().Replace(name, "$1");
        name = LocalFunction().Replace(name, "$1.$2");
        name = Lambda().Replace(name, "$1.lambda");
        name = ClosureClass().Replace(name, "");
        name = GenericArity().Replace(name, "");
        name = GenericArguments().Replace(name, "");
        return name.Trim();
    }

    [GeneratedRegex(@"^at (?<method>.+?)(?: in (?<file>.+?):(?:line|Zeile|ligne|línea|riga|行|строка) ?(?<line>\d+))?$")]
    private static partial Regex FramePattern();

    // <Name>d__3.MoveNext -> Name
    [GeneratedRegex(@"<([^<>]+)>d__\d+\.MoveNext")]
    private static partial Regex AsyncStateMachine();

    // <Outer>g__Local|0_0 -> Outer.Local
    [GeneratedRegex(@"<([^<>]+)>g__([^|<>]+)\|[\d_]+")]
    private static partial Regex LocalFunction();

    // <Name>b__0_1 -> Name.lambda
    [GeneratedRegex(@"<([^<>]+)>b__[\d_]+")]
    private static partial Regex Lambda();

    // <>c__DisplayClass2_0. and <>c. (the classes that hold lambdas)
    [GeneratedRegex(@"<>c(?:__DisplayClass[\d_]+)?\.")]
    private static partial Regex ClosureClass();

    [GeneratedRegex(@"`\d+")]
    private static partial Regex GenericArity();

    [GeneratedRegex(@"\[[^\[\]]*\]")]
    private static partial Regex GenericArguments();
}

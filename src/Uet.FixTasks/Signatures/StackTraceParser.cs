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

    /// <summary>The first frame of the root exception in the user's code, reading no further than it.</summary>
    public static StackFrame? FirstUserFrame(string? stackTrace)
    {
        if (string.IsNullOrWhiteSpace(stackTrace))
        {
            return null;
        }
        foreach (var range in stackTrace.AsSpan().Split('\n'))
        {
            var line = stackTrace.AsSpan(range).Trim();
            if (line.StartsWith(EndOfInner, StringComparison.Ordinal))
            {
                return null;
            }
            if (line.StartsWith("at ", StringComparison.Ordinal) && !FailureSections.IsFrameworkFrame(line.ToString()))
            {
                return ParseFrame(line.ToString());
            }
        }
        return null;
    }

    /// <summary>Every frame of the trace, in order.</summary>
    public static IReadOnlyList<StackFrame> Parse(string? stackTrace) =>
        string.IsNullOrWhiteSpace(stackTrace)
            ? []
            : [.. stackTrace.Split('\n').Select(line => line.Trim()).Where(IsFrame).Select(ParseFrame)];

    private static bool IsFrame(string line) => line.StartsWith("at ", StringComparison.Ordinal);

    /// <summary>
    /// "at METHOD in FILE:line N": the location is after the last " in ", the line number after its last ':' (the
    /// word "line" is translated in other languages of the runtime, so only its digits are read).
    /// </summary>
    private static StackFrame ParseFrame(string line)
    {
        var rest = line[3..];
        var at = rest.LastIndexOf(" in ", StringComparison.Ordinal);
        var colon = at < 0 ? -1 : rest.LastIndexOf(':');
        if (colon > at + 4 && LineNumber(rest.AsSpan(colon + 1)) is { } number)
        {
            return new StackFrame(
                line,
                rest[..at],
                rest[(at + 4)..colon],
                number,
                !FailureSections.IsFrameworkFrame(line)
            );
        }
        return new StackFrame(line, rest, null, null, !FailureSections.IsFrameworkFrame(line));
    }

    /// <summary>The number at the end of "line 42" (or "Zeile 42", "行 42"), or null.</summary>
    private static int? LineNumber(ReadOnlySpan<char> text)
    {
        var digits = text.Length;
        while (digits > 0 && char.IsAsciiDigit(text[digits - 1]))
        {
            digits--;
        }
        return digits < text.Length && int.TryParse(text[digits..], out var number) ? number : null;
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

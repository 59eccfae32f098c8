using System.Text.RegularExpressions;
using Uet.Core.Events;

namespace Uet.FixTasks.Signatures;

/// <summary>
/// What a failed test says went wrong: the exception where the failure began (the innermost one), its message, and
/// the frames of its stack, user code first to look at. A failure without an exception (an assertion of a
/// framework that does not name one) has the type "assertion" or "failure".
/// </summary>
public sealed partial class FailureCause
{
    private readonly string? _stackTrace;
    private IReadOnlyList<StackFrame>? _frames;
    private (bool Found, StackFrame? Frame) _firstUserFrame;

    private FailureCause(string exceptionType, string message, string? stackTrace)
    {
        ExceptionType = exceptionType;
        Message = message;
        _stackTrace = stackTrace;
    }

    public string ExceptionType { get; }

    public string Message { get; }

    /// <summary>The frames of the exception where the failure began, read when first asked (a task needs them once).</summary>
    public IReadOnlyList<StackFrame> Frames => _frames ??= StackTraceParser.RootFrames(_stackTrace);

    /// <summary>The frames with the user's code first (then the runtime's and the frameworks'): the order to read them.</summary>
    public IEnumerable<StackFrame> FramesUserFirst =>
        Frames.Where(f => f.IsUserCode).Concat(Frames.Where(f => !f.IsUserCode));

    /// <summary>The first frame in the user's code: where to start looking, and part of the signature.</summary>
    public StackFrame? FirstUserFrame
    {
        get
        {
            if (!_firstUserFrame.Found)
            {
                _firstUserFrame = (
                    true,
                    _frames is null
                        ? StackTraceParser.FirstUserFrame(_stackTrace)
                        : _frames.FirstOrDefault(f => f.IsUserCode)
                );
            }
            return _firstUserFrame.Frame;
        }
    }

    public static FailureCause Of(TestResultRecord result)
    {
        var message = result.ErrorMessage ?? "";
        var stack = result.ErrorStackTrace;
        // "Outer: text ---> Inner: text": the last exception named is where it began.
        var exceptions = ExceptionPattern().Matches(message);
        if (exceptions.Count > 0)
        {
            var innermost = exceptions[^1];
            var text = message[(innermost.Index + innermost.Length)..];
            var end = text.IndexOf(" ---> ", StringComparison.Ordinal);
            return new FailureCause(innermost.Groups["type"].Value, FirstLines(end < 0 ? text : text[..end]), stack);
        }
        var type =
            message.Contains("Assert", StringComparison.Ordinal)
            || (stack?.Contains(".Assert", StringComparison.Ordinal) ?? false)
                ? "assertion"
                : "failure";
        return new FailureCause(type, FirstLines(message), stack);
    }

    /// <summary>The message without the stack or the exceptions that a framework appended to it.</summary>
    private static string FirstLines(string text)
    {
        var stack = text.IndexOf("\n   at ", StringComparison.Ordinal);
        return (stack < 0 ? text : text[..stack]).Trim();
    }

    // A type name ending in Exception (or Error), then ": " or " : " (xUnit, NUnit).
    [GeneratedRegex(@"(?<![\w.])(?<type>(?:[A-Za-z_]\w*\.)*\w*(?:Exception|Error))(?:`\d+)?\s?:\s")]
    private static partial Regex ExceptionPattern();
}

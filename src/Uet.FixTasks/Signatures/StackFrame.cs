namespace Uet.FixTasks.Signatures;

/// <summary>One frame of a .NET stack trace: the method as the runtime printed it, and where.</summary>
/// <param name="Text">The frame's line, trimmed.</param>
/// <param name="PrintedMethod">The method as printed, with its compiler-made names and its arguments.</param>
/// <param name="File">The source file, when the trace has it.</param>
/// <param name="Line">The line in that file.</param>
/// <param name="IsUserCode">Not a frame of the runtime, the test framework or a mocking library.</param>
public sealed record StackFrame(string Text, string PrintedMethod, string? File, int? Line, bool IsUserCode)
{
    /// <summary>
    /// Type and method as written (and as the signature names them): "Shop.Cart.TotalAsync" for the async state
    /// machine's MoveNext, "Shop.Cart.Total.lambda" for a lambda in Total. Worked out when asked: a signature
    /// needs it for one frame of a trace.
    /// </summary>
    public string Method => StackTraceParser.Readable(PrintedMethod);
}

namespace Uet.FixTasks.Signatures;

/// <summary>One frame of a .NET stack trace: the method as written (and as the signature names it), and where.</summary>
/// <param name="Text">The frame's line, trimmed.</param>
/// <param name="Method">Type and method, with compiler-made names undone: "Shop.Cart.TotalAsync" for the async
/// state machine's MoveNext, "Shop.Cart.Total.lambda" for a lambda in Total.</param>
/// <param name="IsUserCode">Not a frame of the runtime, the test framework or a mocking library.</param>
public sealed record StackFrame(string Text, string Method, string? File, int? Line, bool IsUserCode)
{
    /// <summary>"file:line" (the file's name only), or the method when the frame has no file.</summary>
    public string Where => File is null ? Method : $"{Path.GetFileName(File)}:{Line}";
}

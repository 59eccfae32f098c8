using System.Text;

namespace Uet.FixTasks.Signatures;

/// <summary>
/// The root cause of a failure, deterministic across runs and machines: the exception type where it began, its
/// message normalized (<see cref="MessageNormalizer"/>) and the first frame in the user's code (method, without
/// the line: an edit above it must not make a new task). Failures with one signature are one fix task.
/// </summary>
public sealed record FailureSignature(string ExceptionType, string NormalizedMessage, string Place)
{
    /// <summary>The signature as one line: "Type | message | place".</summary>
    public string Text => $"{ExceptionType} | {NormalizedMessage} | {Place}";

    /// <summary>The fix task's id: "FT-" and 10 hexadecimal digits of a 64-bit FNV-1a hash of <see cref="Text"/>.</summary>
    public string TaskId => $"FT-{Hash(Text) >> 24:x10}";

    /// <summary>
    /// The failure's signature. With no frame in the user's code, the place is the test's class: every test of a
    /// class whose initialization failed shares one.
    /// </summary>
    public static FailureSignature Of(FailureCause cause, string testName) =>
        new(
            cause.ExceptionType,
            MessageNormalizer.Normalize(cause.Message),
            cause.FirstUserFrame?.Method ?? ClassOf(testName)
        );

    private static string ClassOf(string testName)
    {
        var parenthesis = testName.IndexOf('(', StringComparison.Ordinal); // Data-driven names carry arguments.
        var name = parenthesis < 0 ? testName : testName[..parenthesis];
        var dot = name.LastIndexOf('.');
        return dot < 0 ? name : name[..dot];
    }

    private static ulong Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }
        return hash;
    }
}

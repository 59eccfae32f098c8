using Uet.FixTasks.Signatures;

namespace Uet.FixTasks.Ledger;

/// <summary>The titles of fix tasks: what failed, and where, in a few words.</summary>
internal static class TaskTitles
{
    public static string Failure(FailureSignature signature, FailureCause cause)
    {
        var place = ShortMethod(signature.Place);
        return signature.ExceptionType switch
            {
                "assertion" => $"Assertion failed in {place}",
                "failure" => $"Test failure in {place}",
                var type => $"{type[(type.LastIndexOf('.') + 1)..]} in {place}",
            } + (cause.FirstUserFrame is null ? "" : "()");
    }

    public static string Host(bool hung, string test) =>
        $"Test host {(hung ? "hung" : "crashed")} in {ShortMethod(test)}";

    public static string AbortedRun(string project) => $"Test run of {project} aborted";

    /// <summary>"Shop.Checkout.Cart.Total" → "Cart.Total", and so for a lambda in Total.</summary>
    private static string ShortMethod(string method)
    {
        var parts = method.Split('.');
        parts = parts.Length > 1 && parts[^1] == "lambda" ? parts[..^1] : parts;
        return parts.Length <= 2 ? method : string.Join('.', parts[^2..]);
    }
}

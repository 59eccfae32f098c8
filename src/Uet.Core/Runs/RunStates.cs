namespace Uet.Core.Runs;

/// <summary>The <c>run_record</c> states a test run goes through, and how its final state is decided.</summary>
public static class RunStates
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Canceled = "canceled";

    public static string Final(int failed, bool aborted, bool canceled) =>
        canceled ? Canceled
        : failed > 0 || aborted ? Failed
        : Succeeded;

    public static string? FinalReason(int failed, bool aborted, bool canceled) =>
        canceled ? "the test run was canceled"
        : aborted ? "the test run was aborted (a test host crashed or the run was cut short)"
        : failed > 0 ? $"{failed} test(s) failed"
        : null;
}

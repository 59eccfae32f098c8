namespace Uet.Core.Ledger;

internal static class LedgerDocuments
{
    /// <summary>The blocked-work collection holds one document: the blocked tasks of the workstream last given.</summary>
    public const string BlockedWorkId = "current";
}

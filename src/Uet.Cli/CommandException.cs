namespace Uet.Cli;

/// <summary>An error the user can fix (wrong run id, missing store); printed as one line, exit code 2.</summary>
public sealed class CommandException(string message) : Exception(message);

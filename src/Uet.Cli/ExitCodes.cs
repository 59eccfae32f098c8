namespace Uet.Cli;

public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command ran and found a difference (replay).</summary>
    public const int Difference = 1;

    /// <summary>Bad arguments, no store, a damaged store, an unknown run.</summary>
    public const int Error = 2;
}

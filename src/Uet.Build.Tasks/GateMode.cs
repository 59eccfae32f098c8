namespace Uet.Build.Tasks;

/// <summary>The UetSchemaGate property: what a failed check does to the build.</summary>
internal enum GateMode
{
    /// <summary>Findings are errors: the build fails.</summary>
    Error,

    /// <summary>Findings are reported as warnings: the build goes on.</summary>
    Warning,

    /// <summary>The gate does not run (the targets skip it).</summary>
    Off,
}

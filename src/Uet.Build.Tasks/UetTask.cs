using System.Globalization;
using Microsoft.Build.Framework;
using Uet.Validation.Diagnostics;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace Uet.Build.Tasks;

/// <summary>
/// What both gate tasks share: the gate settings, reporting findings as canonical MSBuild diagnostics, and an
/// <see cref="Execute"/> that never throws into MSBuild (an unexpected failure becomes error UET0002).
/// </summary>
public abstract class UetTask : MSBuildTask
{
    /// <summary>UetSchemaGate: error (default), warning or off.</summary>
    public string Gate { get; set; } = "error";

    /// <summary>UetMaxErrorsPerFile: how many findings a file lists before the rest are counted (default 20, 0 for all).</summary>
    public string MaxErrorsPerFile { get; set; } = "20";

    /// <summary>The document that explains the codes; each diagnostic links to its code's anchor in it.</summary>
    public string? HelpDocument { get; set; }

    internal GateMode Mode { get; private set; }

    private int _errorLimit;

    public sealed override bool Execute()
    {
        if (!ReadSettings())
        {
            return false;
        }

        if (Mode == GateMode.Off)
        {
            return true;
        }

        try
        {
            Run();
        }
        catch (Exception e)
        {
            ReportOnProject(
                Codes.InternalError,
                $"the UET schema gate failed unexpectedly: {e.GetType().Name}: {e.Message}"
            );
            Log.LogMessage(MessageImportance.Low, e.ToString());
        }
        return !Log.HasLoggedErrors;
    }

    protected abstract void Run();

    /// <summary>Reads the settings; each one a user mistyped is reported (UET0001), not guessed at.</summary>
    private bool ReadSettings()
    {
        var valid = true;
        if (TryParseGate(Gate, out var mode))
        {
            Mode = mode;
        }
        else
        {
            valid = ReportOnProject(Codes.InvalidSetting, $"UetSchemaGate is '{Gate}'; expected error, warning or off");
        }

        if (int.TryParse(MaxErrorsPerFile, NumberStyles.None, CultureInfo.InvariantCulture, out var limit))
        {
            _errorLimit = limit;
        }
        else
        {
            valid = ReportOnProject(
                Codes.InvalidSetting,
                $"UetMaxErrorsPerFile is '{MaxErrorsPerFile}'; expected a whole number (0 lists every problem)"
            );
        }

        return valid;
    }

    /// <summary>Reports a finding that belongs to the project rather than to a line of a file; returns false for use as a verdict.</summary>
    internal bool ReportOnProject(DiagnosticCode code, string message)
    {
        var project = BuildEngine?.ProjectFileOfTaskNode ?? "";
        if (code.DefaultSeverity == Severity.Error)
        {
            Log.LogError(null, code.Id, null, HelpLink(code.Id), project, 0, 0, 0, 0, message);
        }
        else
        {
            Log.LogWarning(null, code.Id, null, HelpLink(code.Id), project, 0, 0, 0, 0, message);
        }

        return false;
    }

    /// <summary>Reports findings of one file, capped at <see cref="MaxErrorsPerFile"/>, with the gate's severity.</summary>
    internal void Report(IReadOnlyList<Finding> findings)
    {
        foreach (var finding in FindingLimit.Apply(findings, _errorLimit))
        {
            var line = finding.Position.Line;
            var column = finding.Position.Column;
            if (finding.Severity == Severity.Error && Mode == GateMode.Error)
            {
                Log.LogError(
                    null,
                    finding.Code,
                    null,
                    HelpLink(finding.Code),
                    finding.File,
                    line,
                    column,
                    0,
                    0,
                    finding.Message
                );
            }
            else
            {
                Log.LogWarning(
                    null,
                    finding.Code,
                    null,
                    HelpLink(finding.Code),
                    finding.File,
                    line,
                    column,
                    0,
                    0,
                    finding.Message
                );
            }
        }
    }

    private string? HelpLink(string code) =>
        string.IsNullOrEmpty(HelpDocument)
            ? null
            : new Uri(Path.GetFullPath(HelpDocument)).AbsoluteUri + "#" + code.ToLowerInvariant();

    internal static bool TryParseGate(string? value, out GateMode mode)
    {
        GateMode? parsed = value?.Trim().ToUpperInvariant() switch
        {
            null or "" or "ERROR" => GateMode.Error,
            "WARNING" => GateMode.Warning,
            "OFF" => GateMode.Off,
            _ => null,
        };
        mode = parsed ?? GateMode.Error;
        return parsed is not null;
    }
}

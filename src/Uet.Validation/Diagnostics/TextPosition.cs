namespace Uet.Validation.Diagnostics;

/// <summary>A place in a text file, both numbers counted from 1; columns count characters, not bytes.</summary>
public readonly record struct TextPosition(int Line, int Column)
{
    public static readonly TextPosition Start = new(1, 1);

    public override string ToString() => $"({Line},{Column})";
}

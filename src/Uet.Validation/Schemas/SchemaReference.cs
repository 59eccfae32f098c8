namespace Uet.Validation.Schemas;

/// <summary>A <c>$ref</c> inside a schema: where it stands, what it says, and the absolute URI it resolves to.</summary>
public sealed record SchemaReference(string Pointer, string Text, Uri Target)
{
    /// <summary>The target without its fragment: the schema document the reference needs.</summary>
    public Uri Document => new(Target.GetLeftPart(UriPartial.Query));

    public string Fragment => Uri.UnescapeDataString(Target.Fragment.TrimStart('#'));
}

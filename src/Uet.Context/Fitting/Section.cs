namespace Uet.Context.Fitting;

/// <summary>A part of a context (a heading and its text) with the value that decides what is dropped first.</summary>
public sealed record Section(string Heading, string Text, int Value);

namespace Consumer;

/// <summary>Something to compile: the benchmark measures the build around it, not this code.</summary>
public static class Library
{
    public static int Answer() => 42;
}

using Uet.Context.Models;

namespace Uet.Context.Tests;

[TestClass]
public sealed class ModelTableTests
{
    [TestMethod]
    public void AModelTableAddsFamiliesAndOverridesBuiltInOnes()
    {
        using var folder = new TempFolder();
        var file = folder.Write(
            "models.json",
            """
            [
              { "prefix": "acme-coder", "encoding": "cl100k_base", "context_window": 16000 },
              { "prefix": "gpt-4o", "encoding": "o200k_base", "context_window": 64000 },
              { "prefix": "acme-chat", "encoding": null, "context_window": 32000 }
            ]
            """
        );

        var registry = ModelTable.Load(file);

        Assert.AreEqual(
            ("cl100k_base", 16_000),
            (registry.Find("acme-coder-7b").Encoding?.Name, registry.Find("acme-coder-7b").ContextWindow)
        );
        Assert.AreEqual(
            64_000,
            registry.Find("gpt-4o-mini").ContextWindow,
            "the table's gpt-4o wins over the built-in one"
        );
        Assert.IsFalse(registry.Find("acme-chat-2").IsExact);
        Assert.AreEqual(400_000, registry.Find("gpt-5").ContextWindow, "the built-in families stay");
    }

    [TestMethod]
    [DataRow("""[{ "encoding": "o200k_base", "context_window": 1 }]""", "entry 0 has no \"prefix\"")]
    [DataRow(
        """[{ "prefix": "x", "encoding": "p50k_base", "context_window": 1 }]""",
        "unknown encoding 'p50k_base'; known: cl100k_base, o200k_base, or null"
    )]
    [DataRow(
        """[{ "prefix": "x", "encoding": null, "context_window": 0 }]""",
        "\"context_window\" must be a whole number above 0"
    )]
    [DataRow("""{ "prefix": "x" }""", "not a model table")]
    [DataRow("""[{ "prefix": "x", """, "not a model table")]
    public void ABadModelTableSaysWhatIsWrongAndWhere(string json, string expected)
    {
        using var folder = new TempFolder();
        var file = folder.Write("models.json", json);

        var error = Assert.ThrowsExactly<FormatException>(() => ModelTable.Load(file));

        StringAssert.Contains(error.Message, file);
        StringAssert.Contains(error.Message, expected);
    }
}

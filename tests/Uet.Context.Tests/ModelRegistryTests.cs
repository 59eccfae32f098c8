using Uet.Context.Encodings;
using Uet.Context.Models;

namespace Uet.Context.Tests;

[TestClass]
public sealed class ModelRegistryTests
{
    [TestMethod]
    [DataRow("gpt-4", "cl100k_base", 8_192)]
    [DataRow("gpt-4-0613", "cl100k_base", 8_192)]
    [DataRow("gpt-4-turbo-2024-04-09", "cl100k_base", 128_000)]
    [DataRow("gpt-3.5-turbo", "cl100k_base", 16_385)]
    [DataRow("gpt-4o", "o200k_base", 128_000)]
    [DataRow("GPT-4o-mini", "o200k_base", 128_000)]
    [DataRow("gpt-4.1-nano", "o200k_base", 1_047_576)]
    [DataRow("o1-preview", "o200k_base", 200_000)]
    [DataRow("o3-mini", "o200k_base", 200_000)]
    [DataRow("o4-mini", "o200k_base", 200_000)]
    [DataRow("o4", "o200k_base", 200_000)]
    [DataRow("gpt-5", "o200k_base", 400_000)]
    [DataRow("gpt-5.1", "o200k_base", 400_000)]
    [DataRow("gpt-6-preview", "o200k_base", 128_000)]
    [DataRow("o7", "o200k_base", 128_000)]
    public void OpenAiModelsHaveTheirEncodingAndUnknownOnesFallBackToO200k(string model, string encoding, int window)
    {
        var info = ModelRegistry.Default.Find(model);
        Assert.AreEqual((encoding, window, true), (info.Encoding?.Name, info.ContextWindow, info.IsExact));
    }

    [TestMethod]
    [DataRow("claude-sonnet-4-5", 200_000)]
    [DataRow("gemini-2.5-pro", 1_048_576)]
    [DataRow("llama-3.1-70b", 128_000)]
    [DataRow("mistral-large", 128_000)]
    [DataRow("omni-unknown", 128_000)]
    public void OtherModelsHaveNoLocalEncoding(string model, int window)
    {
        var info = ModelRegistry.Default.Find(model);
        Assert.AreEqual((null, window, false), (info.Encoding, info.ContextWindow, info.IsExact));
    }

    [TestMethod]
    public void AnOwnTableOverridesTheBuiltInOne()
    {
        var registry = new ModelRegistry([
            .. ModelRegistry.BuiltIn,
            new ModelFamily("claude-internal-gpt", TiktokenEncoding.Cl100kBase, 4_096),
        ]);
        Assert.AreEqual(
            "cl100k_base",
            registry.Find("claude-internal-gpt-2").Encoding?.Name,
            "the longest matching prefix wins"
        );
        Assert.IsNull(registry.Find("claude-3").Encoding);
    }
}

using System.Text.RegularExpressions;

namespace Uet.Validation.Tests;

/// <summary>Every example in schema/uet/README.md is a fixture: valid ones validate, invalid ones fail with their labelled code.</summary>
[TestClass]
public sealed partial class SchemaExamplesTests
{
    public static IEnumerable<object[]> Examples() =>
        ExampleBlock()
            .Matches(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "schema-README.md")))
            .Select(
                (m, i) =>
                    new object[]
                    {
                        $"{i:D2} {m.Groups["schema"].Value} {m.Groups["verdict"].Value} {m.Groups["code"].Value}".TrimEnd(),
                        m.Groups["json"].Value,
                    }
            );

    [TestMethod]
    public void EverySchemaHasAValidExampleAndAnInvalidOne()
    {
        var labels = Examples().Select(e => ((string)e[0]).Split(' ')).ToList();
        foreach (var name in Schemas.ShippedSchemas.Names)
        {
            Assert.IsTrue(labels.Any(l => l[1] == name && l[2] == "valid"), $"{name} has no valid example");
            Assert.IsTrue(labels.Any(l => l[1] == name && l[2] == "invalid"), $"{name} has no invalid example");
        }
    }

    [TestMethod]
    [DynamicData(nameof(Examples))]
    public void ExampleGetsTheDocumentedVerdict(string label, string json)
    {
        var parts = label.Split(' ');
        var findings = Gate.Validate("example.json", json, schema: parts[1]);
        if (parts[2] == "valid")
        {
            Assert.AreEqual("", findings.Codes(), string.Join("\n", findings));
        }
        else
        {
            Assert.IsTrue(findings.Count > 0, "the invalid example validated");
            Assert.AreEqual(parts[3], findings[0].Code, string.Join("\n", findings));
        }
    }

    [GeneratedRegex(
        @"```json uet-example (?<schema>\S+) (?<verdict>valid|invalid)(?: (?<code>UET\d{4}))?\n(?<json>.*?)\n```",
        RegexOptions.Singleline
    )]
    private static partial Regex ExampleBlock();
}

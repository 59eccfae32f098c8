using Uet.Validation.Schemas;
using Uet.Validation.Verdicts;

namespace Uet.Validation.Tests;

/// <summary>One schema set serves several threads (MSBuild may run tasks of several projects in one process).</summary>
[TestClass]
public sealed class ConcurrencyTests
{
    [TestMethod]
    public void ThreadsSharingAFreshSetGetTheSameVerdictsAsOneThread()
    {
        using var folder = new TempFolder();
        // One valid and one invalid document for each shipped schema, so that every schema's first evaluation races.
        var documents = ShippedSchemas
            .Names.SelectMany(name =>
                new[]
                {
                    (name, folder.Write($"{name}-empty.json", "{}")),
                    (name, folder.Write($"{name}-typed.json", """{"doc_id": 7}""")),
                }
            )
            .ToList();

        var expected = documents.Select(d => Verdict(new DocumentValidator(SchemaSetLoader.Load([])), d)).ToList();
        Assert.IsTrue(
            expected.All(v => v.Contains("UET110", StringComparison.Ordinal)),
            "every document here breaks its schema"
        );
        for (var round = 0; round < 5; round++)
        {
            var shared = new DocumentValidator(SchemaSetLoader.Load([]));
            var actual = documents
                .AsParallel()
                .AsOrdered()
                .WithDegreeOfParallelism(8)
                .Select(d => Verdict(shared, d))
                .ToList();
            CollectionAssert.AreEqual(expected, actual, $"round {round}");
        }
    }

    private static string Verdict(DocumentValidator validator, (string Schema, string File) document) =>
        string.Join(
            ",",
            validator
                .Validate(document.File, document.Schema)
                .Findings.Select(f => $"{f.Code}@{f.Position.Line}:{f.Position.Column}")
        );
}

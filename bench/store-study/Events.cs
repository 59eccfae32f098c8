using LiteDB;

/// <summary>Synthetic test-run events: a "start" and an "end" per test; every 10th end carries a ~3 KB stack trace.</summary>
static class Events
{
    static readonly string Filler = new('x', 160);
    static readonly string Stack = string.Concat(
        Enumerable
            .Range(0, 30)
            .Select(i =>
                $"   at Contoso.Product.Tests.Module{i}.Feature{i}.Method{i}(String arg) in /src/Module{i}/File{i}.cs:line {i * 17}\n"
            )
    );

    public static BsonDocument Make(string writer, string runId, int seq)
    {
        int test = seq / 2;
        bool start = seq % 2 == 0;
        string testName = $"Contoso.Product.Tests.Class{test % 97}.Method{test}";
        string payload =
            start ? $"{{\"test\":\"{testName}\",\"source\":\"Contoso.Product.Tests.dll\",\"{Filler}\"}}"
            : test % 10 == 0
                ? $"{{\"outcome\":\"Failed\",\"durationMs\":{test % 300},\"message\":\"Assert.AreEqual failed. Expected:<1>. Actual:<2>.\",\"stack\":\"{Stack}\"}}"
            : $"{{\"outcome\":\"Passed\",\"durationMs\":{test % 300},\"stdout\":\"{Filler}{Filler}\"}}";
        return new BsonDocument
        {
            ["w"] = writer,
            ["seq"] = seq,
            ["run_id"] = runId,
            ["ts"] = DateTime.UtcNow,
            ["kind"] = start ? "test-start" : "test-end",
            ["test"] = testName,
            ["payload"] = payload,
        };
    }
}

using LiteDB;

namespace Uet.Store.LiteDb;

/// <summary>Checks that every index of every collection holds as many entries as the collection has documents.</summary>
internal static class StoreIntegrity
{
    public static IReadOnlyList<string> Check(LiteDatabase db)
    {
        var problems = new List<string>();
        foreach (var name in Collections.All)
        {
            var collection = db.GetCollection(name);
            var scanned = collection.FindAll().Count();
            var indexes = db.GetCollection("$indexes")
                .Find(Query.EQ("collection", name))
                .Select(i => i["expression"].AsString)
                .ToList();
            foreach (var expression in indexes)
            {
                var indexed = collection.Count(Query.GTE(expression, BsonValue.MinValue));
                if (indexed != scanned)
                {
                    problems.Add($"{name} index {expression}: {indexed} entries, {scanned} documents");
                }
            }
        }
        return problems;
    }
}

using Uet.Bench;
using Uet.Validation.Schemas;
using Uet.Validation.Verdicts;

// --breakdown-*: where the time goes (harness/breakdown.py); otherwise the measured run (harness/validate_bench.py).
switch (args.FirstOrDefault())
{
    case "--breakdown-cold":
        return Breakdown.Cold(args[1], checkedSet: args[2] == "checked");
    case "--breakdown-steady":
        return Breakdown.Steady(args[1]);
}

// The gate's path: the shipped (embedded) schemas, checked as a set, then one Validate call per document.
// The schema name is passed as the item's Schema metadata, as the other validators are told it too.
return BenchRunner.Run("uet", args, _ =>
{
    var validator = new DocumentValidator(SchemaSetLoader.Load([]));
    return doc => !validator.Validate(doc.Path, doc.Schema).HasErrors;
});

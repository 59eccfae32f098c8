using Uet.Bench;
using Uet.Validation.Schemas;
using Uet.Validation.Validation;

// The gate's path: the shipped (embedded) schemas, checked as a set, then one Validate call per document.
// The schema name is passed as the item's Schema metadata, as the other validators are told it too.
return BenchRunner.Run("uet", args, _ =>
{
    var validator = new DocumentValidator(SchemaSetLoader.Load([]));
    return doc => !validator.Validate(doc.Path, doc.Schema).HasErrors;
});

namespace Uet.Validation.Diagnostics;

/// <summary>
/// Every code the gate can report. Ranges: UET0xxx the gate's own settings, UET1xxx documents,
/// UET2xxx schemas. A code, once published, keeps its meaning.
/// </summary>
public static class Codes
{
    public static readonly DiagnosticCode InvalidSetting = new(
        "UET0001",
        Severity.Error,
        "A Uet build property has a value the gate does not understand.",
        "Use one of the values the message lists (for example UetSchemaGate: error, warning or off)."
    );

    public static readonly DiagnosticCode InternalError = new(
        "UET0002",
        Severity.Error,
        "The gate hit an unexpected failure; the document was not validated.",
        "Report it with the message; the build log holds the details."
    );

    public static readonly DiagnosticCode MisspeltMetadata = new(
        "UET0003",
        Severity.Warning,
        "A UetDocument item has metadata whose name is close to Schema (a typo?); it is ignored, so the schema is chosen without it.",
        "Rename the metadata to Schema."
    );

    public static readonly DiagnosticCode MalformedDocument = new(
        "UET1001",
        Severity.Error,
        "The document is not well-formed JSON or YAML.",
        "Fix the syntax at the reported line and column."
    );

    public static readonly DiagnosticCode EmptyDocument = new(
        "UET1002",
        Severity.Error,
        "The document is empty (or only white space).",
        "Write the document, or remove it from the UetDocument items."
    );

    public static readonly DiagnosticCode TooDeep = new(
        "UET1003",
        Severity.Error,
        "The document nests objects and arrays deeper than the gate reads (256 levels).",
        "Flatten the document; no UET document needs that depth."
    );

    public static readonly DiagnosticCode UnreadableDocument = new(
        "UET1004",
        Severity.Error,
        "The file cannot be read or decoded (I/O error, invalid UTF-8, unsupported encoding, too many YAML aliases).",
        "Save the file as UTF-8 (or UTF-16 with a byte order mark) and check its permissions."
    );

    public static readonly DiagnosticCode MoreErrors = new(
        "UET1010",
        Severity.Error,
        "The file has more errors than the per-file limit; the rest are counted, not listed.",
        "Fix the listed errors, or raise UetMaxErrorsPerFile."
    );

    public static readonly DiagnosticCode RequiredKeyMissing = new(
        "UET1101",
        Severity.Error,
        "An object lacks a key its schema requires.",
        "Add the key named in the message to the object at the reported line."
    );

    public static readonly DiagnosticCode UnexpectedKey = new(
        "UET1102",
        Severity.Error,
        "An object has a key its schema does not allow (often a typo).",
        "Remove or rename the key; the message lists the allowed keys."
    );

    public static readonly DiagnosticCode WrongType = new(
        "UET1103",
        Severity.Error,
        "A value has the wrong JSON type (for example a number where a string is expected).",
        "Change the value to the expected type."
    );

    public static readonly DiagnosticCode ValueNotAllowed = new(
        "UET1104",
        Severity.Error,
        "A value is not one of the values the schema allows (enum or const).",
        "Use one of the values the message lists."
    );

    public static readonly DiagnosticCode WrongFormat = new(
        "UET1105",
        Severity.Error,
        "A string does not match its pattern or format (ULID, date-time, version x.y.z, ...).",
        "Write the value in the format the message names."
    );

    public static readonly DiagnosticCode OutOfRange = new(
        "UET1106",
        Severity.Error,
        "A value is outside its bounds: length, minimum/maximum, number of items or properties, uniqueness.",
        "Bring the value within the bounds the message gives."
    );

    public static readonly DiagnosticCode SchemaRuleFailed = new(
        "UET1107",
        Severity.Error,
        "The value fails a combined schema rule (anyOf, oneOf, not, if/then/else, dependencies, contains).",
        "Read the alternatives the message lists and match one of them."
    );

    public static readonly DiagnosticCode DuplicateTaskId = new(
        "UET1201",
        Severity.Error,
        "Two tasks of one workstream share a task_id.",
        "Give every task of the workstream its own task_id."
    );

    public static readonly DiagnosticCode UnknownDependency = new(
        "UET1202",
        Severity.Error,
        "A depends_on entry names a task_id that the workstream does not have.",
        "Correct the name, or add the missing task."
    );

    public static readonly DiagnosticCode DependencyCycle = new(
        "UET1203",
        Severity.Error,
        "The tasks' depends_on entries form a cycle, so no task of the cycle could ever start.",
        "Break the cycle the message shows by removing one of its dependencies."
    );

    public static readonly DiagnosticCode InvalidUlid = new(
        "UET1204",
        Severity.Error,
        "A ULID has the right characters but does not decode: its time part exceeds 48 bits (first character above 7).",
        "Generate the ULID with a ULID library instead of by hand."
    );

    public static readonly DiagnosticCode SchemaUnknown = new(
        "UET1301",
        Severity.Warning,
        "The gate cannot tell which schema a document follows, so it is not validated.",
        "Set the Schema metadata on the UetDocument item, add \"$schema\" to the document, or name it NAME.KIND.json (KIND such as workstream, phase, task_spec)."
    );

    public static readonly DiagnosticCode SchemaNotFound = new(
        "UET1302",
        Severity.Error,
        "The schema that the item metadata or the document names is neither a shipped schema nor a file that exists.",
        "Name a shipped schema (for example workstream_spec) or a path to a schema file, relative to the document or the project."
    );

    public static readonly DiagnosticCode SchemaUnusable = new(
        "UET1303",
        Severity.Error,
        "The document's schema is itself invalid (see the UET2xxx errors), so the document cannot be validated.",
        "Fix the schema first."
    );

    public static readonly DiagnosticCode SchemaInvalid = new(
        "UET2001",
        Severity.Error,
        "A schema does not conform to the JSON Schema draft-07 meta-schema.",
        "Correct the keyword at the reported place (for example a misspelt type name or a negative minLength)."
    );

    public static readonly DiagnosticCode RefUnresolved = new(
        "UET2002",
        Severity.Error,
        "A $ref points at a schema or a location inside one that is not in the loaded schema set.",
        "Correct the reference, or add the schema it names as a UetSchema item."
    );

    public static readonly DiagnosticCode DuplicateId = new(
        "UET2003",
        Severity.Error,
        "Two schemas declare the same $id, so references to it would be ambiguous.",
        "Give each schema its own $id."
    );

    public static readonly DiagnosticCode RemoteRef = new(
        "UET2004",
        Severity.Error,
        "A $ref names a remote schema; the gate never fetches anything from the network.",
        "Copy the schema into the repository, add it as a UetSchema item and refer to it by its $id or a relative path."
    );

    public static readonly DiagnosticCode RefOutsideSchemaFolders = new(
        "UET2005",
        Severity.Error,
        "A $ref names a file outside the folders that hold the shipped and UetSchema schemas.",
        "Move the referenced schema next to the others, or add its folder through a UetSchema item."
    );

    public static readonly DiagnosticCode MalformedSchema = new(
        "UET2006",
        Severity.Error,
        "A schema file cannot be read or is not well-formed JSON.",
        "Fix the syntax at the reported place."
    );

    public static readonly DiagnosticCode PatternTooSlow = new(
        "UET2007",
        Severity.Error,
        "A schema's pattern took longer than 250 ms to match a value and was stopped (catastrophic backtracking, as in ^(a+)+$); the value could not be judged.",
        "Rewrite the pattern without nested quantifiers; the message names the pattern and the value's place."
    );

    public static IReadOnlyList<DiagnosticCode> All { get; } =
    [
        InvalidSetting,
        InternalError,
        MisspeltMetadata,
        MalformedDocument,
        EmptyDocument,
        TooDeep,
        UnreadableDocument,
        MoreErrors,
        RequiredKeyMissing,
        UnexpectedKey,
        WrongType,
        ValueNotAllowed,
        WrongFormat,
        OutOfRange,
        SchemaRuleFailed,
        DuplicateTaskId,
        UnknownDependency,
        DependencyCycle,
        InvalidUlid,
        SchemaUnknown,
        SchemaNotFound,
        SchemaUnusable,
        SchemaInvalid,
        RefUnresolved,
        DuplicateId,
        RemoteRef,
        RefOutsideSchemaFolders,
        MalformedSchema,
        PatternTooSlow,
    ];
}

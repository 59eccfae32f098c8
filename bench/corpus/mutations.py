"""Typical mistakes people make in UET documents, each a violation any draft-07 validator must report.

Every mutation is a predicate (which property it can break) and an edit. Only schema-level mistakes are used:
a mistake only Uet's extra workstream rules would catch (duplicate task ids, unknown dependencies) would make
the validators disagree by design and hide real disagreements.
"""
from schemawalk import objects, properties

ULID_PATTERN = "^[0-9A-HJKMNP-TV-Z]{26}$"
SEMVER_PATTERN = "^[0-9]+\\.[0-9]+\\.[0-9]+$"


def is_type(schema, name):
    types = schema.get("type")
    return types == name or (isinstance(types, list) and name in types)


# name -> (which (object, key, subschema, object schema) site it applies to, how it breaks that property)
SITES = {
    # a required field forgotten
    "missing_required": lambda o, k, s, os: k in os.get("required", []),
    # a misspelt enum value: "Succeeded" for "succeeded", "runing" for "running"
    "bad_enum": lambda o, k, s, os: isinstance(o[k], str) and "enum" in s,
    # a number written as a string: "sequence": "3"
    "number_as_string": lambda o, k, s, os: isinstance(o[k], (int, float)) and not isinstance(o[k], bool),
    # "true" instead of true
    "bool_as_string": lambda o, k, s, os: isinstance(o[k], bool),
    # a ULID pasted in lower case
    "ulid_lowercase": lambda o, k, s, os: isinstance(o[k], str) and s.get("pattern") == ULID_PATTERN,
    # a ULID that matches the alphabet but whose time part overflows: only the "ulid" format catches it
    "ulid_overflow": lambda o, k, s, os: isinstance(o[k], str) and s.get("format") == "ulid",
    # a local time without the T and the offset: "2025-03-04 10:20:30"
    "date_time_no_zone": lambda o, k, s, os: isinstance(o[k], str) and s.get("format") == "date-time",
    # "1.2" where x.y.z is required
    "short_semver": lambda o, k, s, os: isinstance(o[k], str) and s.get("pattern") == SEMVER_PATTERN,
    # the document says it is another version of the metadata format
    "wrong_const": lambda o, k, s, os: "const" in s,
    # below a minimum: "sequence": 0, "max_attempts": 0
    "below_minimum": lambda o, k, s, os: isinstance(o[k], (int, float)) and not isinstance(o[k], bool) and "minimum" in s,
    # an empty id or name where minLength is 1
    "empty_string": lambda o, k, s, os: isinstance(o[k], str) and s.get("minLength", 0) > 0,
}


def _break(name, obj, key, schema, rng):
    value = obj[key]
    if name == "missing_required":
        del obj[key]
    elif name == "bad_enum":
        typo = value.capitalize() if value != value.capitalize() else value + "d"
        obj[key] = typo if typo not in schema["enum"] else value[:-1]
    elif name == "number_as_string":
        obj[key] = str(value)
    elif name == "bool_as_string":
        obj[key] = "true" if value else "false"
    elif name == "ulid_lowercase":
        obj[key] = value.lower()
    elif name == "ulid_overflow":
        obj[key] = rng.choice("89ABCDEFGHJKMNPQRSTVWXYZ") + value[1:]
    elif name == "date_time_no_zone":
        obj[key] = value[:10] + " " + value[11:19]
    elif name == "short_semver":
        obj[key] = value.rsplit(".", 1)[0]
    elif name == "wrong_const":
        obj[key] = str(schema["const"]).replace("v1", "v2")
    elif name == "below_minimum":
        obj[key] = schema["minimum"] - 1
    elif name == "empty_string":
        obj[key] = ""


def _sites(name, doc, schema, schemas):
    return [(o, k, s) for o, k, s, os in properties(doc, schema, schema, schemas) if SITES[name](o, k, s, os)]


def _unknown_property_sites(doc, schema, schemas):
    return [o for o, s in objects(doc, schema, schema, schemas) if s.get("additionalProperties") is False and o]


def _unknown_property(doc, schema, schemas, rng):
    # camelCase where the schema says snake_case: "projectId" for "project_id"
    obj = rng.choice(_unknown_property_sites(doc, schema, schemas))
    key = rng.choice(sorted(obj))
    parts = key.split("_")
    camel = parts[0] + "".join(p.capitalize() for p in parts[1:])
    obj[camel if camel != key else key + "s"] = obj.pop(key)


def applicable(name, doc, schema, schemas):
    if name == "unknown_property":
        return bool(_unknown_property_sites(doc, schema, schemas))
    return bool(_sites(name, doc, schema, schemas))


def _mutation(name):
    def apply(doc, schema, schemas, rng):
        obj, key, sub = rng.choice(_sites(name, doc, schema, schemas))
        _break(name, obj, key, sub, rng)
    return apply


MUTATIONS = {name: _mutation(name) for name in SITES}
MUTATIONS["unknown_property"] = _unknown_property

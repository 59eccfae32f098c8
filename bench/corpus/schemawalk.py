"""Walks a document together with its schema: the generator and the mutations both need "which subschema
governs this value", following $ref inside a schema ('#/definitions/x') and to a sibling ('task_spec.v1.json')."""


def resolve(schema, root, schemas):
    while "$ref" in schema:
        ref = schema["$ref"]
        if ref.startswith("#/"):
            schema = root
            for part in ref[2:].split("/"):
                schema = schema[part]
        else:
            root = schema = schemas[ref.split(".")[0]]
    return schema, root


def property_schema(schema, key):
    """The subschema for one property of an object: declared, else a map's additionalProperties schema."""
    sub = schema.get("properties", {}).get(key)
    extra = schema.get("additionalProperties")
    return sub if sub is not None else extra if isinstance(extra, dict) else None


def properties(value, schema, root, schemas):
    """Yields (object, key, resolved subschema, object's schema) for every property at any depth."""
    schema, root = resolve(schema, root, schemas)
    if isinstance(value, dict):
        for key, child in list(value.items()):
            sub = property_schema(schema, key)
            if sub is None:
                continue
            resolved, sub_root = resolve(sub, root, schemas)
            yield value, key, resolved, schema
            yield from properties(child, resolved, sub_root, schemas)
    elif isinstance(value, list) and "items" in schema:
        for item in value:
            yield from properties(item, schema["items"], root, schemas)


def objects(value, schema, root, schemas):
    """Yields (object, its resolved schema) for the document and every object inside it."""
    schema, root = resolve(schema, root, schemas)
    if isinstance(value, dict):
        yield value, schema
        for key, child in value.items():
            sub = property_schema(schema, key)
            if sub is not None:
                yield from objects(child, sub, root, schemas)
    elif isinstance(value, list) and "items" in schema:
        for item in value:
            yield from objects(item, schema["items"], root, schemas)

#!/usr/bin/env python3
"""Writes the benchmark corpus: 200 mixed UET documents and one ~1 MB workstream, plus manifest.json and manifest.tsv.

Documents are generated from the schemas themselves (schema/uet/*.v1.json), so every valid document is valid
by construction; about 15% then get one typical mistake each. The manifest records, per file, the schema it
follows and whether it is meant to be valid, so every validator is judged against the same intent.
Deterministic: the same seed gives byte-identical files.

usage: generate.py --schemas schema/uet --out bench/results/corpus [--seed N]
"""
import argparse
import json
import os
import random
import shutil
import sys

from mutations import MUTATIONS, applicable
from schemawalk import resolve
from values import Values

# How many documents of each kind a busy UET project holds: run logs dominate, profiles are few.
MIX = {
    "run_event": 30, "step_attempt": 20, "task_spec": 18, "run_record": 15, "workstream_spec": 14,
    "phase_spec": 12, "patch_artifact": 12, "patch_ledger_entry": 12, "execution_request": 12,
    "prompt_instance": 10, "doc-meta": 10, "router_config": 6, "patch_policy": 6, "project_profile": 6,
    "bootstrap_discovery": 6, "bootstrap_report": 6, "profile_extension": 5,
}
INVALID_SHARE = 0.15  # of each kind, at least one
BIG_TARGET_BYTES = 1_048_576


class Generator:
    """Builds a JSON value that satisfies a (draft-07, UET-subset) schema."""

    def __init__(self, schemas, rng):
        self.schemas = schemas  # name -> schema
        self.rng = rng
        self.values = Values(rng)

    def value(self, schema, root, name, optional_rate=0.6):
        schema, root = resolve(schema, root, self.schemas)
        if "const" in schema:
            return schema["const"]
        if "enum" in schema:
            return self.rng.choice(schema["enum"])
        types = schema.get("type", "object")
        if isinstance(types, list):
            # Nullable fields are mostly filled in; a null now and then is normal.
            types = "null" if "null" in types and self.rng.random() < 0.2 else [t for t in types if t != "null"][0]
        if types == "null":
            return None
        if types == "object":
            return self.object(schema, root, name, optional_rate)
        if types == "array":
            count = self.rng.randint(1, 4)
            return [self.value(schema.get("items", {"type": "string"}), root, name) for _ in range(count)]
        if types == "string":
            return self.values.string(name, schema)
        if types == "integer":
            low = schema.get("minimum", 0)
            return self.rng.randint(low, schema.get("maximum", low + 120))
        if types == "number":
            low, high = schema.get("minimum", 0), schema.get("maximum", 100)
            return round(self.rng.uniform(low, high), 2)
        if types == "boolean":
            return self.rng.random() < 0.5
        raise ValueError(f"type {types} not handled")

    def object(self, schema, root, name, optional_rate):
        props = schema.get("properties", {})
        required = schema.get("required", [])
        result = {}
        for key, sub in props.items():
            if key == "$schema":
                continue  # the manifest names the schema; the document need not
            if key in required or self.rng.random() < optional_rate:
                result[key] = self.value(sub, root, key)
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict):  # a map such as router_config.apps: a few named entries
            for i in range(self.rng.randint(1, 3)):
                result[f"{name}_{i + 1}"] = self.value(extra, root, name)
        elif not props and extra is not False:  # a free-form object ("payload": {"type": "object"})
            result = {"note": self.values.sentence(), "count": self.rng.randint(0, 9)}
        return result


def fix_workstream(doc, rng, prefix):
    """Task ids unique and depends_on naming earlier tasks: what Uet's workstream rules (rightly) require."""
    ids = []
    for index, task in enumerate(doc["tasks"]):
        task["task_id"] = f"{prefix}-T{index + 1:05d}"
        task["depends_on"] = rng.sample(ids, min(len(ids), rng.randint(0, 2)))
        ids.append(task["task_id"])
    return doc


def big_workstream(gen, rng):
    schema, task_schema = gen.schemas["workstream_spec"], gen.schemas["task_spec"]
    doc = gen.value(schema, schema, "workstream", optional_rate=1.0)
    doc["tasks"] = []
    while True:
        # Grow in batches and measure: the size of a task varies with its random optional fields.
        doc["tasks"] += [gen.value(task_schema, task_schema, "task", optional_rate=0.7) for _ in range(20)]
        fix_workstream(doc, rng, "BIG")
        if len(json.dumps(doc, indent=2)) >= BIG_TARGET_BYTES:
            return doc


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--schemas", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=20251129)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    schemas = {f.split(".")[0]: json.load(open(os.path.join(args.schemas, f), encoding="utf-8"))
               for f in sorted(os.listdir(args.schemas)) if f.endswith(".v1.json")}
    assert sorted(schemas) == sorted(MIX), "the mix must name every schema"
    gen = Generator(schemas, rng)

    shutil.rmtree(args.out, ignore_errors=True)
    os.makedirs(os.path.join(args.out, "docs"))
    kinds = [name for name, count in MIX.items() for _ in range(count)]
    rng.shuffle(kinds)  # interleave kinds, as a real folder listing would
    # About INVALID_SHARE of each kind (at least one) gets a mistake, so every schema sees invalid documents.
    invalid = set()
    for name, count in MIX.items():
        positions = [i for i, kind in enumerate(kinds) if kind == name]
        invalid.update(rng.sample(positions, max(1, round(count * INVALID_SHARE))))
    used = {name: 0 for name in MUTATIONS}

    entries = []
    for index, kind in enumerate(kinds):
        schema = schemas[kind]
        doc = gen.value(schema, schema, kind)
        if kind == "workstream_spec":
            task_schema = schemas["task_spec"]  # a realistic workstream has a few to a few dozen tasks
            doc["tasks"] = [gen.value(task_schema, task_schema, "task") for _ in range(rng.randint(3, 30))]
            fix_workstream(doc, rng, f"W{index:03d}")
        mutation = None
        if index in invalid:
            # The least used mistake that fits this document: the corpus covers every kind of mistake.
            candidates = [m for m in MUTATIONS if applicable(m, doc, schema, schemas)]
            fewest = min(used[m] for m in candidates)
            mutation = rng.choice([m for m in candidates if used[m] == fewest])
            used[mutation] += 1
            MUTATIONS[mutation](doc, schema, schemas, rng)
        # File names follow Uet's convention NAME.KIND.json, so the gate could pick the schema by itself.
        file = f"docs/c{index + 1:03d}.{kind}.json"
        write(args.out, file, doc)
        entries.append({"file": file, "schema": kind, "expect": "invalid" if mutation else "valid", "mutation": mutation})

    big = {"file": "docs/big.workstream_spec.json", "schema": "workstream_spec", "expect": "valid", "mutation": None}
    write(args.out, big["file"], big_workstream(gen, rng))
    manifest = {"schemas": os.path.abspath(args.schemas), "documents": entries, "big": big}
    write(args.out, "manifest.json", manifest)
    # The same list as tab-separated lines, for the validator processes: reading it must not warm up the JSON
    # code a validator under test uses (System.Text.Json in Uet), or that validator's cold start would flatter it.
    with open(os.path.join(args.out, "manifest.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write(f"schemas\t{manifest['schemas']}\n")
        for kind, entry in [("doc", e) for e in entries] + [("big", big)]:
            f.write(f"{kind}\t{entry['expect']}\t{entry['schema']}\t{os.path.abspath(os.path.join(args.out, entry['file']))}\n")
    size = os.path.getsize(os.path.join(args.out, big["file"]))
    print(f"corpus: {len(entries)} documents ({len(invalid)} meant invalid), big workstream {size} bytes -> {args.out}",
          file=sys.stderr)
    print("mistakes: " + ", ".join(f"{name} {count}" for name, count in used.items()), file=sys.stderr)


def write(out, relative, value):
    with open(os.path.join(out, relative), "w", encoding="utf-8", newline="\n") as f:
        json.dump(value, f, indent=2, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Where Uet's time goes, to explain the validation table (see bench/uet/Breakdown.cs):
- cold start with the checked schema set (what the gate loads) against the same schemas unchecked,
  interleaved, in fresh processes;
- steady state per phase (whole engine, read+parse, JsonSchema.Net evaluation with flag and with
  hierarchical output), next to ajv's steady state from validation.json.

usage: breakdown.py --uet EXE --manifest M.tsv --validation results/validation.json [--rounds 10] --out FILE.json
"""
import argparse
import json
import sys

from common import rotate, run, spread


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--uet", required=True)
    parser.add_argument("--manifest", required=True)
    parser.add_argument("--validation", required=True)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    cold = {"checked": [], "unchecked": []}
    for index in range(args.rounds):
        for kind in rotate(list(cold), index):
            cold[kind].append(json.loads(output(run([args.uet, "--breakdown-cold", args.manifest, kind]))))
    steady_runs = [json.loads(output(run([args.uet, "--breakdown-steady", args.manifest]))) for _ in range(3)]
    steady = {key: spread([r[key] for r in steady_runs])["median"] for key in steady_runs[0]}
    ajv = json.load(open(args.validation, encoding="utf-8"))["summary"]["ajv"]
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump({"cold": cold, "steady_runs": steady_runs}, f, indent=2)

    def med(kind, key):
        return spread([r[key] for r in cold[kind]])["median"]
    lines = [f"Uet breakdown: cold start in fresh processes, medians of {args.rounds} rounds", "",
             "| measure | checked set (SchemaSetLoader.Load, as the gate) | unchecked (FromDocuments) | difference |",
             "|---|---:|---:|---:|"]
    for key, label in (("load_ms", "schema load"), ("cold_ms", "schema load + first verdict")):
        a, b = med("checked", key), med("unchecked", key)
        lines.append(f"| {label} | {a:.1f} ms | {b:.1f} ms | {a - b:.1f} ms |")
    lines += ["", "Steady state per phase, best of 20 passes (median of 3 processes)", "",
              "| phase | 200 documents | 1 MB workstream |", "|---|---:|---:|"]
    for phase, label in (("validate", "Uet DocumentValidator.Validate, all in"), ("read_parse", "read + JsonDocument.Parse"),
                         ("evaluate_flag", "JsonSchema.Net Evaluate, flag output"),
                         ("evaluate_hierarchical", "JsonSchema.Net Evaluate, hierarchical output")):
        lines.append(f"| {label} | {steady[f'corpus_{phase}_ms']:.1f} ms | {steady[f'big_{phase}_ms']:.1f} ms |")
    lines.append(f"| ajv, all in (read, JSON.parse, validate; from the --steady rounds) | "
                 f"{ajv['corpus_best_ms']['median']:.1f} ms | {ajv['big_best_ms']['median']:.1f} ms |")
    print("\n".join(lines))


def output(measured):
    if measured.returncode != 0:
        sys.exit(f"breakdown failed ({measured.returncode}):\n{measured.stderr}")
    return measured.stdout.strip().splitlines()[-1]


if __name__ == "__main__":
    main()

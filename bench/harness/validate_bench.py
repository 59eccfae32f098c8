#!/usr/bin/env python3
"""Validation throughput: Uet, NJsonSchema and ajv on the same corpus, interleaved round by round.

Each round runs every variant once, each in a fresh process, in rotating order. One untimed warm-up round
first fills the page cache for everyone. Writes results/validation.json (every round) and prints a table.

Then a few rounds more with --steady, for the steady state of a long-lived process (kept apart so that the
one-shot rounds' wall and CPU times are those of a gate-like run).

usage: validate_bench.py --manifest M.tsv --uet EXE [--uet-r2r EXE] --njsonschema EXE --ajv SCRIPT
                         [--rounds 15] [--steady-rounds 5] --out FILE.json
"""
import argparse
import json
import os
import sys

from common import rotate, run, spread

# (key, label, unit): what each validator process reports, plus what the harness measures around it.
TIMES = [
    ("cold_ms", "cold start: schema load + first verdict (in process)", "ms"),
    ("schemas_ms", "  of which schema load", "ms"),
    ("launch_to_main_ms", "launch -> first line of the program (runtime start)", "ms"),
    ("launch_to_first_ms", "launch -> first verdict (incl. runtime start)", "ms"),
    ("corpus_ms", "200 documents, first pass", "ms"),
    ("corpus_warm_ms", "200 documents, second pass (warm)", "ms"),
    ("big_ms", "1 MB workstream, first", "ms"),
    ("big_warm_ms", "1 MB workstream, second", "ms"),
    ("corpus_best_ms", "200 documents, steady state (--steady: best of 20 more)", "ms"),
    ("big_best_ms", "1 MB workstream, steady state (--steady: best of 20 more)", "ms"),
    ("wall_ms", "process start -> exit, wall (one-shot run)", "ms"),
    ("cpu_ms", "process CPU, user+sys (one-shot run)", "ms"),
]
STEADY = {"corpus_best_ms", "big_best_ms"}  # measured in the separate --steady rounds


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--manifest", required=True)
    parser.add_argument("--uet", required=True)
    parser.add_argument("--uet-r2r", help="optional: the Uet console published with ReadyToRun")
    parser.add_argument("--njsonschema", required=True)
    parser.add_argument("--ajv", required=True)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--steady-rounds", type=int, default=5)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    commands = {
        "uet": [args.uet, args.manifest],
        "njsonschema": [args.njsonschema, args.manifest],
        "ajv": ["node", args.ajv, args.manifest],
    }
    if args.uet_r2r:  # the same console, its assemblies precompiled (ReadyToRun): how much of the cold start is JIT
        commands["uet_r2r"] = [args.uet_r2r, args.manifest]
    rounds = measure(commands, args.rounds, "one-shot")
    steady = measure({name: command + ["--steady"] for name, command in commands.items()}, args.steady_rounds, "steady", warm_up=False)

    summary = summarize(rounds, steady)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump({"rounds": rounds, "steady_rounds": steady, "summary": summary}, f, indent=2)
    # manifest.json, beside the .tsv, names the mistake put in each invalid document: show it with each disagreement.
    manifest = json.load(open(os.path.join(os.path.dirname(args.manifest), "manifest.json"), encoding="utf-8"))
    mistakes = {os.path.basename(d["file"]): d["mutation"] for d in manifest["documents"] if d["mutation"]}
    for name in summary:
        summary[name]["verdicts"]["unexpected"] = [
            f"{line.split(':')[0]} ({mistakes.get(line.split(':')[0], 'no mistake')}){line[line.index(':'):]}"
            for line in summary[name]["verdicts"]["unexpected"]]
    expected = [d["expect"] for d in manifest["documents"]]
    print(table(summary, args.rounds, args.steady_rounds, expected.count("valid"), expected.count("invalid")))


def measure(commands, count, what, warm_up=True):
    """count rounds (after one untimed warm-up round); each round runs every variant once, in rotating order."""
    names = list(commands)
    rounds = {name: [] for name in names}
    for index in range(-1 if warm_up else 0, count):
        for name in rotate(names, index):
            measured = run(commands[name], stamp_launch=True)
            if measured.returncode != 0:
                sys.exit(f"{name} failed ({measured.returncode}):\n{measured.stderr}")
            report = json.loads(measured.stdout.strip().splitlines()[-1])
            report.update(wall_ms=measured.wall_ms, cpu_ms=measured.cpu_ms, user_ms=measured.user_ms, sys_ms=measured.sys_ms)
            if index >= 0:
                rounds[name].append(report)
        print(f"  {what} round {index + 1}/{count} done" if index >= 0 else f"  {what} warm-up round done", file=sys.stderr)
    return rounds


def summarize(rounds, steady):
    summary = {}
    for name, reports in rounds.items():
        summary[name] = {key: spread([r[key] for r in (steady[name] if key in STEADY else reports)]) for key, _, _ in TIMES}
        last = reports[-1]
        summary[name]["verdicts"] = {k: last[k] for k in ("corpus_valid", "corpus_invalid", "big_valid", "unexpected", "exceptions")}
        summary[name]["verdicts_stable"] = all(
            (r["corpus_valid"], r["big_valid"], r["unexpected"], r["passes_agree"]) == (last["corpus_valid"], last["big_valid"], last["unexpected"], True)
            for r in reports + steady[name])
    return summary


NAMES = {"uet": "Uet", "uet_r2r": "Uet, ReadyToRun", "njsonschema": "NJsonSchema", "ajv": "ajv"}


def table(summary, rounds, steady_rounds, meant_valid, meant_invalid):
    uet, nj, ajv = (summary[n] for n in ("uet", "njsonschema", "ajv"))
    variants = [n for n in NAMES if n in summary]
    ratios = [("Uet/ajv", "uet", "ajv"), ("Uet/NJsonSchema", "uet", "njsonschema")]
    ratios += [("Uet ReadyToRun/ajv", "uet_r2r", "ajv")] if "uet_r2r" in summary else []

    def row(label, cells):
        return "| " + " | ".join([label] + cells) + " |"
    lines = [f"Validation, medians of {rounds} one-shot rounds ({steady_rounds} rounds for the steady-state rows); "
             "ratio = Uet time / other time, below 1 means Uet is faster", "",
             row("measure", [NAMES[n] for n in variants] + [r[0] for r in ratios]),
             row("---", ["---:"] * (len(variants) + len(ratios)))]
    for key, label, unit in TIMES:
        med = {n: summary[n][key]["median"] for n in variants}
        lines.append(row(label, [f"{med[n]:.1f} {unit}" for n in variants] + [f"{med[a] / med[b]:.2f}" for _, a, b in ratios]))
    for key, label in (("cold_ms", "cold start"), ("wall_ms", "process wall"), ("cpu_ms", "process CPU")):
        lines.append(row(f"{label}, p25-p75", [f"{summary[n][key]['p25']:.0f}-{summary[n][key]['p75']:.0f} ms" for n in variants] + [""] * len(ratios)))

    lines += ["", row("verdicts (first pass)", [NAMES[n] for n in variants]), row("---", ["---"] * len(variants))]
    for label, pick in [
        (f"corpus valid / invalid (meant: {meant_valid} / {meant_invalid})", lambda s: f"{s['verdicts']['corpus_valid']} / {s['verdicts']['corpus_invalid']}"),
        ("1 MB workstream valid", lambda s: str(s["verdicts"]["big_valid"])),
        ("verdicts differing from the generator's intent", lambda s: "; ".join(s["verdicts"]["unexpected"]) or "none"),
        ("exceptions", lambda s: "; ".join(s["verdicts"]["exceptions"]) or "none"),
        ("same verdicts in every round and pass", lambda s: str(s["verdicts_stable"])),
    ]:
        lines.append(row(label, [pick(summary[n]) for n in variants]))

    def goal(text, ok):
        return f"- {text}: {'met' if ok else 'NOT met'}"
    lines += ["", "Goals:"]
    labels = dict((key, label) for key, label, _ in TIMES)
    for key in ("corpus_ms", "corpus_warm_ms", "corpus_best_ms", "big_ms", "big_warm_ms", "big_best_ms"):
        ratio = ajv[key]["median"] / uet[key]["median"]  # throughput ratio: the inverse of the time ratio
        lines.append(goal(f"Uet throughput >= 0.5 x ajv's, {labels[key]}: {ratio:.2f} x", ratio >= 0.5))
    for name in ("uet", "uet_r2r"):
        if name in summary:
            cold = summary[name]
            lines.append(goal(f"{NAMES[name]} cold start <= 100 ms: {cold['cold_ms']['median']:.1f} ms in process, "
                              f"{cold['launch_to_first_ms']['median']:.1f} ms from launch", cold["cold_ms"]["median"] <= 100))
    return "\n".join(lines)

if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""No-op incremental `dotnet build`: a consumer with Uet.Build.Tasks against the same consumer without it.

Both copies are restored and built (the first build validates the documents and writes the stamps), built once
more untimed to settle, checked (the gate ran once, and now skips), then rebuilt in alternating order.
Every build: `dotnet build --no-restore -nodeReuse:false -p:UseSharedCompilation=false`, with the MSBuild server
off, so each build's whole work happens in the process tree that is measured, and no server is left behind.

usage: build_bench.py --package NUPKG --corpus DIR --work DIR --rounds 10 --out FILE.json
"""
import argparse
import glob
import json
import os
import re
import shutil
import sys

from common import rotate, run, spread

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATE = os.path.join(HERE, "..", "consumer")
BUILD = ["dotnet", "build", "--no-restore", "-nodeReuse:false", "-p:UseSharedCompilation=false"]
REFERENCE = '<ItemGroup>\n    <PackageReference Include="Uet.Build.Tasks" Version="0.1.0" />\n  </ItemGroup>'
DOCUMENTS = 20


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--package", required=True)
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    shutil.rmtree(args.work, ignore_errors=True)
    env = dict(os.environ, NUGET_PACKAGES=os.path.join(os.path.abspath(args.work), "nuget-packages"),
               DOTNET_CLI_USE_MSBUILD_SERVER="0", DOTNET_CLI_TELEMETRY_OPTOUT="1", DOTNET_NOLOGO="1")
    manifest = json.load(open(os.path.join(args.corpus, "manifest.json"), encoding="utf-8"))
    documents = [d["file"] for d in manifest["documents"] if d["expect"] == "valid"][:DOCUMENTS]
    projects = {name: make_consumer(os.path.join(args.work, name), name == "with", args.package, args.corpus, documents)
                for name in ("with", "without")}

    for name, folder in projects.items():
        must(run(["dotnet", "restore"], cwd=folder, env=env), f"restore {name}")
        for _ in range(2):  # the real build, then one to settle anything the first left for later
            must(run(BUILD, cwd=folder, env=env), f"first builds of {name}")
    checks = verify(projects, env)

    rounds = {name: [] for name in projects}
    for index in range(args.rounds):
        for name in rotate(list(projects), index):
            measured = must(run(BUILD, cwd=projects[name], env=env), f"no-op build of {name}")
            rounds[name].append({"wall_ms": measured.wall_ms, "cpu_ms": measured.cpu_ms,
                                 "user_ms": measured.user_ms, "sys_ms": measured.sys_ms})
        print(f"  build round {index + 1}/{args.rounds} done", file=sys.stderr)

    summary = {name: {key: spread([r[key] for r in rs]) for key in ("wall_ms", "cpu_ms")} for name, rs in rounds.items()}
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump({"command": " ".join(BUILD), "documents": len(documents), "checks": checks,
                   "rounds": rounds, "summary": summary}, f, indent=2)
    print(table(summary, args.rounds, len(documents), checks))


def make_consumer(folder, with_package, package, corpus, documents):
    shutil.copytree(TEMPLATE, folder)
    os.makedirs(os.path.join(folder, "packages"))
    shutil.copy(package, os.path.join(folder, "packages"))  # both copies alike, except the reference
    os.makedirs(os.path.join(folder, "uet"))
    for document in documents:
        shutil.copy(os.path.join(corpus, document), os.path.join(folder, "uet"))
    project = os.path.join(folder, "Consumer.csproj")
    text = open(project, encoding="utf-8").read()
    with open(project, "w", encoding="utf-8") as f:
        f.write(text.replace("<!-- UET_PACKAGE_REFERENCE -->", REFERENCE if with_package else ""))
    return folder


def verify(projects, env):
    """The gate must have validated every document once (stamps), and must skip on a no-op build."""
    stamps = len(glob.glob(os.path.join(projects["with"], "obj", "uet", "documents", "*.stamp")))
    detailed = must(run(BUILD + ["-v:d", "-clp:PerformanceSummary"], cwd=projects["with"], env=env), "verification build").stdout
    with open(os.path.join(projects["with"], "..", "verification-build.log"), "w", encoding="utf-8") as f:
        f.write(detailed)
    checks = {
        "stamps_written": stamps,
        "gate_skipped_on_noop": "Skipping target \"UetValidateDocuments\" because all output files are up-to-date" in detailed,
        "compile_skipped_on_noop": "Skipping target \"CoreCompile\" because all output files are up-to-date" in detailed,
        "without_has_no_gate": not os.path.exists(os.path.join(projects["without"], "obj", "uet")),
    }
    # MSBuild's own account of the gate's targets on that no-op build (its target performance summary).
    targets = re.findall(r"^\s+(\d+) ms\s+(_?Uet\w+)\s+\d+ calls", detailed, re.MULTILINE)
    checks["uet_targets_ms_on_noop"] = {name: int(ms) for ms, name in targets}
    if not all(checks[k] for k in ("stamps_written", "gate_skipped_on_noop", "compile_skipped_on_noop", "without_has_no_gate")):
        sys.exit(f"the build benchmark's premise does not hold: {checks}")
    return checks


def must(measured, what):
    if measured.returncode != 0:
        sys.exit(f"{what} failed ({measured.returncode}):\n{measured.stdout[-4000:]}\n{measured.stderr[-4000:]}")
    return measured


def table(summary, rounds, documents, checks):
    w, wo = summary["with"], summary["without"]
    lines = [f"No-op `{' '.join(BUILD)}`, {rounds} rounds each, {documents} UET documents in uet/", "",
             "| measure | with Uet.Build.Tasks | without | with/without (goal <= 1.02) |", "|---|---:|---:|---:|"]
    for key, label in (("wall_ms", "wall, median"), ("cpu_ms", "CPU user+sys (process tree), median")):
        a, b = w[key]["median"], wo[key]["median"]
        lines.append(f"| {label} | {a:.0f} ms | {b:.0f} ms | {a / b:.3f} |")
    for key, label in (("wall_ms", "wall"), ("cpu_ms", "CPU")):
        lines.append(f"| {label} p25-p75 | {w[key]['p25']:.0f}-{w[key]['p75']:.0f} ms | {wo[key]['p25']:.0f}-{wo[key]['p75']:.0f} ms | |")
    lines += ["", f"Checks: {checks}"]
    return "\n".join(lines)


if __name__ == "__main__":
    main()

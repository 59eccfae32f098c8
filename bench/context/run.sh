#!/usr/bin/env bash
# The context benchmark: Uet's exact counter against OpenAI's tiktoken (npm, WASM build) on the same corpus, in one
# run: accuracy (ids equal, line by line), cold start and warm counting of 1 MiB of five kinds of text (rounds
# interleaved, medians), and fit / prune / chunk at 10 KiB, 100 KiB and 1 MiB. Needs the .NET SDK, node and npm.
# usage: bash bench/context/run.sh [ROUNDS=5]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$root/bench/results/context"
rounds=${1:-5}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
(cd "$here" && npm ci --no-audit --no-fund --silent)
node "$here/make-corpus.mjs" "$out" >&2
dotnet build "$here/uet" -c Release -v q -nologo >&2
uet="$here/uet/bin/Release/net10.0/Uet.Bench.Context"
python3 - "$uet" "$here/tiktoken-count.mjs" "$out" "$rounds" <<'PY' | tee "$out/results.md"
import subprocess, sys, statistics, resource, time
uet, tiktoken, out, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
kinds = ["code", "prose", "logs", "cjk", "mixed"]
encodings = ["cl100k_base", "o200k_base"]

def run(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    text = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.split()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return text, wall * 1000, cpu * 1000

def uet_cmd(*a): return [uet, *a]
def tik_cmd(*a): return ["node", tiktoken, *a]

print("## Accuracy: ids equal to tiktoken's, line by line\n")
print("| encoding | kind | lines equal |\n|---|---|---:|")
for line in subprocess.run([uet, "accuracy", f"{out}/ids.json"], check=True, capture_output=True, text=True).stdout.splitlines():
    enc, kind, equal, total = line.split()
    print(f"| {enc} | {kind} | {equal} / {total} |")

print(f"\n## Cold start: one process counts 1 MiB of code (medians of {rounds} interleaved rounds)\n")
print("| encoding | Uet wall ms | Uet CPU ms | tiktoken wall ms | tiktoken CPU ms | counts equal |\n|---|---:|---:|---:|---:|---|")
for enc in encodings:
    u, t, same = [], [], True
    for r in range(rounds):
        order = [("u", uet_cmd("count", enc, f"{out}/code.txt")), ("t", tik_cmd(enc, f"{out}/code.txt"))]
        for name, cmd in (order if r % 2 == 0 else order[::-1]):
            text, wall, cpu = run(cmd)
            (u if name == "u" else t).append((wall, cpu, text[0]))
    same = len({x[2] for x in u + t}) == 1
    med = lambda xs, i: statistics.median(x[i] for x in xs)
    print(f"| {enc} | {med(u,0):.0f} | {med(u,1):.0f} | {med(t,0):.0f} | {med(t,1):.0f} | {'yes' if same else 'NO'} |")

print(f"\n## Warm: counting 1 MiB once the tokenizer is made (median of {rounds} counts in one process)\n")
print("| encoding | kind | tokens | Uet ms | tiktoken ms | tiktoken / Uet |\n|---|---|---:|---:|---:|---:|")
for enc in encodings:
    for kind in kinds:
        (uc, ums), _, _ = run(uet_cmd("count", enc, f"{out}/{kind}.txt", str(rounds)))
        (tc, tms), _, _ = run(tik_cmd(enc, f"{out}/{kind}.txt", str(rounds)))
        flag = "" if uc == tc else f" (tiktoken {tc})"
        print(f"| {enc} | {kind} | {int(uc):,}{flag} | {float(ums):.1f} | {float(tms):.1f} | {float(tms)/float(ums):.2f} |")

print(f"\n## Fit, prune, chunk (o200k_base, budget a quarter of the text, chunks an eighth of that; median ms of {rounds})\n")
print("| text | size | fit | prune | chunk |\n|---|---:|---:|---:|---:|")
for kind in ["logs", "code", "cjk"]:
    for line in subprocess.run([uet, "fit", f"{out}/{kind}.txt", str(rounds)], check=True, capture_output=True, text=True).stdout.splitlines():
        size, fit, prune, chunk = line.split()
        print(f"| {kind} | {int(size)//1024} KiB | {fit} | {prune} | {chunk} |")
PY

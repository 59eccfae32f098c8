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

def other(kind): return f"{out}/{'prose' if kind != 'prose' else 'code'}.txt"  # Warm-up text of another kind.

print(f"\n## Warm: counting 1 MiB once the tokenizer is made (medians of {rounds} interleaved processes)\n")
print("First: the text never seen before in the process (after a warm-up count of another kind of text); again: the")
print("same text a second time (Uet remembers pieces it has counted, tiktoken does not).\n")
print("| encoding | kind | tokens | Uet first ms | tiktoken first ms | tiktoken / Uet | Uet again ms | tiktoken again ms |")
print("|---|---|---:|---:|---:|---:|---:|---:|")
for enc in encodings:
    for kind in kinds:
        u, t = [], []
        for r in range(rounds):
            order = [("u", uet_cmd("count", enc, f"{out}/{kind}.txt", "--warm", other(kind))), ("t", tik_cmd(enc, f"{out}/{kind}.txt", "--warm", other(kind)))]
            for name, cmd in (order if r % 2 == 0 else order[::-1]):
                (u if name == "u" else t).append(run(cmd)[0])
        uc, tc = u[0][0], t[0][0]
        med = lambda xs, i: statistics.median(float(x[i]) for x in xs)
        flag = "" if uc == tc else f" (tiktoken {tc})"
        print(f"| {enc} | {kind} | {int(uc):,}{flag} | {med(u,1):.1f} | {med(t,1):.1f} | {med(t,1)/med(u,1):.2f} | {med(u,2):.1f} | {med(t,2):.1f} |")

print(f"\n## Fit, prune, chunk (o200k_base; budget a quarter of the text, chunks an eighth of that; medians of {rounds} processes)\n")
print("Sizes in UTF-8 bytes (what a file of that size holds). First: a text never seen in the process (after a warm-up")
print("on prose); again: the same call a second time.\n")
print("| text | size | fit first / again ms | prune first / again ms | chunk first / again ms |\n|---|---:|---|---|---|")
for kind in ["logs", "code", "cjk"]:
    for size in [10 << 10, 100 << 10, 1 << 20]:
        cells = []
        for op in ["fit", "prune", "chunk"]:
            runs = [run(uet_cmd("fit", op, f"{out}/{kind}.txt", str(size), other(kind)))[0] for _ in range(rounds)]
            cells.append(f"{statistics.median(float(x[0]) for x in runs):.1f} / {statistics.median(float(x[1]) for x in runs):.1f}")
        print(f"| {kind} | {size // 1024} KiB | {' | '.join(cells)} |")
PY

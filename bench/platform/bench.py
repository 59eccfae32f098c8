#!/usr/bin/env python3
"""Runs the built Microsoft.Testing.Platform test applications directly (bin/Release/net10.0/<name>, not through
`dotnet test`) with each reporting extension, round by round, and writes raw.csv and results.md into OUT_DIR.

usage: bench.py OUT_DIR ROUNDS_5K ROUNDS_50K [UET_VERSION]   (with a version, `uet` and `uet-nohealth` too)
OUT_DIR holds the built projects n5000/ and n50000/ (see run.sh); a size with 0 rounds is skipped.

The measuring (wait4 rusage of the whole process tree, the quiet-machine wait, the disturbed-run redo) is
bench/testlogger/bench.py's, imported from there.
"""
import csv
import ctypes
import datetime
import glob
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

sys.dont_write_bytecode = True  # no __pycache__ in bench/testlogger (it is not git-ignored)
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "testlogger"))
import bench as tl  # noqa: E402  (bench/testlogger/bench.py: busy_s, wait_for_quiet, measured, spread, machine)

SIZES = [5000, 50000]
VARIANTS = ["none", "trx", "github"]
UET_VARIANTS = ["uet", "uet-nohealth"]
SUMMARY = re.compile(r"Test run summary: (\w+)!.*\n\s+total: (\d+)\n\s+failed: (\d+)\n\s+succeeded: (\d+)\n"
                     r"\s+skipped: (\d+)")
FAILED_TESTS_EXIT = 2  # the platform's "at least one test failed"; every run here has failures
CSV_FIELDS = ["tests", "round", "position", "variant", "wall_s", "user_s", "sys_s", "cpu_s", "max_rss_mb",
              "rss_sum_mb", "procs", "exit", "passed", "failed", "total", "ok", "note", "leftover_procs",
              "other_cpu_s", "waited_s", "attempt", "disturbed", "used"]
TRIES = int(os.environ.get("PLATFORM_BENCH_TRIES", tl.TRIES))  # attempts of a disturbed run
QUIET_WAIT_S = float(os.environ.get("PLATFORM_BENCH_QUIET_WAIT_S", 30))  # longest wait for a quiet machine


def variant_args(variant, rundir):
    """The extension options of a variant; every artefact goes to the fresh rundir."""
    uet = ["--report-uet", "--report-uet-db", f"{rundir}/uet.db", "--report-uet-dir", f"{rundir}/reports"]
    return {
        "none": [],
        "trx": ["--report-trx"],
        "github": ["--report-github"],
        "uet": uet,
        "uet-nohealth": uet + ["--report-uet-health", "off"],
    }[variant]


def run_env():
    """The inherited environment without what would change a variant's work: no GitHub Actions job (the
    GitHub reporter and Uet would write a step summary), no Uet settings (UET_REPORT=1 would turn Uet on in
    every variant), no platform telemetry."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "UET_"))}
    env["TESTINGPLATFORM_TELEMETRY_OPTOUT"] = "1"
    env["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1"
    return env


class TreeSampler:
    """Samples the processes below this one (the measured tree: one run at a time) every `interval` s for their
    peak resident set (VmHWM), so that the peaks of all processes can be added up: wait4's ru_maxrss is the
    peak of the largest one only. A process's growth in its last interval before exit is missed, so the sum
    takes the largest peak from wait4 and only the others from here."""

    def __init__(self, interval=0.1):
        self.interval, self.peaks, self._stop = interval, {}, threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    @staticmethod
    def _children(pid):
        out = []
        for path in glob.glob(f"/proc/{pid}/task/*/children"):
            try:
                out += [int(c) for c in open(path).read().split()]
            except OSError:
                pass
        return out

    def _sample(self):
        todo, me = self._children(os.getpid()), os.getpid()
        while todo:
            pid = todo.pop()
            if pid == me:
                continue
            try:
                status = open(f"/proc/{pid}/status").read()
                start = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[19]  # starttime: pids recycle
            except OSError:
                continue
            m = re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)
            if m:
                key = (pid, start)
                self.peaks[key] = max(self.peaks.get(key, 0), int(m[1]))
            todo += self._children(pid)

    def _loop(self):
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(self.interval)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def verify(variant, rundir, text, expect):
    """Checks the run did the whole job: the platform's summary counts and the extension's own output.
    Returns (passed, failed, total, note); note is "" when all is as expected."""
    m = SUMMARY.search(text)
    if not m:
        return 0, 0, 0, "no summary"
    _, total, failed, passed, _ = m.groups()
    total, failed, passed = int(total), int(failed), int(passed)
    problems = []
    if (failed, passed, total) != (expect["failed"], expect["passed"], expect["tests"]):
        problems.append(f"counts {failed}/{passed}/{total}")
    if variant == "trx":
        files = glob.glob(f"{rundir}/results/*.trx")
        c = re.search(r'<Counters total="(\d+)" executed="\d+" passed="(\d+)" failed="(\d+)"',
                      open(files[0], encoding="utf-8").read()) if files else None
        if not c or (int(c[1]), int(c[3])) != (expect["tests"], expect["failed"]):
            problems.append("trx counters wrong or missing")
    elif variant == "github":
        errors = sum(1 for line in text.splitlines() if line.startswith("::error "))
        if errors != expect["failed"]:
            problems.append(f"{errors} ::error annotations")
    elif variant in UET_VARIANTS:
        db = f"{rundir}/uet.db"
        if not os.path.exists(db) or os.path.getsize(db) == 0:
            problems.append("no uet store")
        line = re.search(r"^Uet: .*: (\d+) passed, (\d+) failed, \d+ skipped; recorded in ", text, re.M)
        if not line or (int(line[1]), int(line[2])) != (expect["passed"], expect["failed"]):
            problems.append("no uet end-of-run line with the right counts")
        if not re.search(r"^Uet: fix tasks: ", text, re.M):
            problems.append("no uet fix-task line")
        missing = [f for f in ["fix-tasks.md", "fix-tasks.json", "fix-tasks.html"]
                   if not os.path.exists(f"{rundir}/reports/{f}")]
        if missing:
            problems.append(f"no {', '.join(missing)}")
    return passed, failed, total, "; ".join(problems)


def run_once(app, project, variant, expect, scratch):
    rundir = tempfile.mkdtemp(dir=scratch)  # fresh per run: results, store, reports
    try:
        stdout_path = f"{rundir}/stdout.txt"
        cmd = [app, "--results-directory", f"{rundir}/results"] + variant_args(variant, rundir)
        waited = tl.wait_for_quiet(limit=QUIET_WAIT_S)
        before = tl.busy_s()
        with TreeSampler() as sampler:
            r = tl.measured(cmd, run_env(), stdout_path, project)
        # The largest process's peak is exact from wait4; the others' are the sampled ones.
        others_kb = sum(sampler.peaks.values()) - max(sampler.peaks.values(), default=0)
        r |= {"other_cpu_s": max(0.0, tl.busy_s() - before - r["cpu_s"]), "waited_s": waited,
              "rss_sum_mb": r["max_rss_mb"] + others_kb / 1024, "procs": len(sampler.peaks)}
        text = open(stdout_path, encoding="utf-8", errors="replace").read()
        if r["exit"] != FAILED_TESTS_EXIT:
            tail = "\n".join(text.splitlines()[-60:])
            raise SystemExit(f"{variant}: `{' '.join(cmd)}` exited with {r['exit']} (expected {FAILED_TESTS_EXIT}: "
                             f"some tests failed); the end of its output:\n{tail}")
        passed, failed, total, note = verify(variant, rundir, text, expect)
        if r["leftover_procs"]:
            note = "; ".join(filter(None, [f"{r['leftover_procs']} orphaned processes", note]))
        return r | {"passed": passed, "failed": failed, "total": total, "ok": int(not note), "note": note}
    finally:
        shutil.rmtree(rundir, ignore_errors=True)


def table(rows, variants):
    """One markdown table per size: medians (p25-p75) of the runs used, ratios of medians against `none`, and
    the controller's own cost (uet minus uet-nohealth)."""
    lines = []
    for n in sorted({r["tests"] for r in rows}):
        lines += [f"### {n:,} tests ({n // 10:,} failing)", "",
                  "| variant | runs ok | wall s | CPU s (user+sys) | peak RSS MB | RSS sum MB | procs "
                  "| CPU × | wall × | peak RSS × |",
                  "|---|---|---|---|---|---|---|---|---|---|"]
        used = [r for r in rows if r["tests"] == n and r["used"]]
        med = {}
        for v in variants:
            runs = [r for r in used if r["variant"] == v]
            ok = [r for r in runs if r["ok"]]
            if not ok:
                lines.append(f"| {v} | 0/{len(runs)} | - | - | - | - | - | - | - | - |")
                continue
            s = {k: tl.spread([r[k] for r in ok]) for k in ["wall_s", "cpu_s", "max_rss_mb", "rss_sum_mb"]}
            med[v] = {k: x[0] for k, x in s.items()}
            base = med.get("none")
            ratio = (lambda k: f"{med[v][k] / base[k]:.2f}") if base else (lambda k: "-")
            procs = "/".join(str(p) for p in sorted({r["procs"] for r in ok}))
            lines.append(f"| {v} | {len(ok)}/{len(runs)} "
                         f"| {s['wall_s'][0]:.2f} ({s['wall_s'][1]:.2f}–{s['wall_s'][2]:.2f}) "
                         f"| {s['cpu_s'][0]:.2f} ({s['cpu_s'][1]:.2f}–{s['cpu_s'][2]:.2f}) "
                         f"| {s['max_rss_mb'][0]:.0f} ({s['max_rss_mb'][1]:.0f}–{s['max_rss_mb'][2]:.0f}) "
                         f"| {s['rss_sum_mb'][0]:.0f} | {procs} "
                         f"| {ratio('cpu_s')} | {ratio('wall_s')} | {ratio('max_rss_mb')} |")
        lines.append("")
        if {"none", "uet", "uet-nohealth"} <= med.keys():
            u, h, b = med["uet"], med["uet-nohealth"], med["none"]
            d = u["cpu_s"] - h["cpu_s"]
            lines += [f"controller alone: uet − uet-nohealth = {d:.2f} s CPU ({100 * d / b['cpu_s']:.1f} % of "
                      f"none's CPU); wall {u['wall_s'] - h['wall_s']:+.2f} s, peak RSS "
                      f"{u['max_rss_mb'] - h['max_rss_mb']:+.0f} MB, RSS sum {u['rss_sum_mb'] - h['rss_sum_mb']:+.0f} MB "
                      "(differences of medians)", ""]
        repeated = sum(1 for r in rows if r["tests"] == n and not r["used"])
        lines += [f"Other processes used {statistics.median(r['other_cpu_s'] for r in used):.2f} s CPU during "
                  f"a run (median of the runs used); {repeated} disturbed runs were done again, "
                  f"{sum(r['disturbed'] for r in used)} runs used were still disturbed.", ""]
    return lines


def measure_size(n, rounds, variants, out, scratch, writer):
    """One untimed warm-up round, then `rounds` rounds of every variant in rotated order. Returns the rows."""
    project = os.path.join(out, f"n{n}")
    expect = json.load(open(os.path.join(project, "manifest.json")))
    app = os.path.join(project, "bin", "Release", "net10.0", expect["name"])
    rows = []
    for rnd in range(rounds + 1):  # round 0 is the warm-up
        order = variants[rnd % len(variants):] + variants[:rnd % len(variants)]
        for pos, v in enumerate(order):
            for attempt in range(1, (TRIES if rnd else 1) + 1):  # a timed run that others disturbed is redone
                r = run_once(app, project, v, expect, scratch)
                r |= {"tests": n, "round": rnd, "position": pos, "variant": v, "attempt": attempt,
                      "disturbed": int(r["other_cpu_s"] > max(0.2, 0.05 * r["cpu_s"]))}
                r["used"] = int(rnd > 0 and (not r["disturbed"] or attempt == TRIES))
                print(f"{n:>6} r{rnd:<2} {v:<13} wall {r['wall_s']:6.2f}s  cpu {r['cpu_s']:6.2f}s  "
                      f"rss {r['max_rss_mb']:5.0f} MB (sum {r['rss_sum_mb']:5.0f}, {r['procs']} procs)  "
                      f"others {r['other_cpu_s']:5.2f}s  {'ok' if r['ok'] else 'FAILED: ' + r['note']}"
                      f"{'  (warm-up)' if rnd == 0 else ''}{'  (disturbed)' if r['disturbed'] else ''}", flush=True)
                if rnd:
                    rows.append(r)
                    writer(r)
                if not r["disturbed"]:
                    break
    return rows


def main():
    out, rounds = sys.argv[1], dict(zip(SIZES, map(int, sys.argv[2:4])))
    uet_version = sys.argv[4] if len(sys.argv) > 4 else None
    variants = VARIANTS + (UET_VARIANTS if uet_version else [])
    variants = ["none"] + [v for v in variants if v != "none"]
    ctypes.CDLL(None).prctl(36, 1)  # PR_SET_CHILD_SUBREAPER: orphans of the measured tree come back to us
    scratch = os.path.join(out, "scratch")
    os.makedirs(scratch, exist_ok=True)
    commit = subprocess.run(["git", "-C", os.path.dirname(os.path.abspath(__file__)), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()
    header = [f"Machine: {tl.machine()}; load average at start {os.getloadavg()[0]:.2f}",
              f"Started {datetime.datetime.now().isoformat(timespec='seconds')} at commit {commit}; "
              f"variants: {', '.join(variants)}{f' (Uet.TestLogger {uet_version})' if uet_version else ''}; "
              f"rounds: {rounds[5000]} at 5,000 tests, {rounds[50000]} at 50,000 (+1 untimed warm-up round each)"]
    print("\n".join(header), flush=True)
    started, rows = time.monotonic(), []
    with open(os.path.join(out, "raw.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=CSV_FIELDS)
        w.writeheader()

        def write(r):
            w.writerow({k: (f"{x:.3f}" if isinstance(x, float) else x) for k, x in r.items()})
            f.flush()

        for n in SIZES:
            if rounds[n]:
                rows += measure_size(n, rounds[n], variants, out, scratch, write)
    elapsed = time.monotonic() - started
    md = ["# Microsoft.Testing.Platform benchmark", ""] + [h + "  " for h in header] + \
         [f"Measuring took {elapsed / 60:.1f} min.", ""] + table(rows, variants)
    open(os.path.join(out, "results.md"), "w").write("\n".join(md) + "\n")
    print("\n" + "\n".join(md))
    bad = [r for r in rows if r["used"] and not r["ok"]]
    if bad:
        print(f"{len(bad)} runs failed verification (see raw.csv, column note)", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()

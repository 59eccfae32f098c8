#!/usr/bin/env python3
"""Times `dotnet test --no-build` of the generated projects with each logger, round by round, and writes
raw.csv and results.md into OUT_DIR.

usage: bench.py OUT_DIR ROUNDS_5K ROUNDS_50K [UET_VERSION]   (with a version, the `uet` variant too)
OUT_DIR holds the built projects n5000/ and n50000/ (see run.sh); a size with 0 rounds is skipped.
"""
import csv
import ctypes
import datetime
import glob
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

SIZES = [5000, 50000]
VARIANTS = ["none", "trx", "junit", "GitHubActions"]
SUMMARY = re.compile(r"Failed!\s+- Failed:\s+(\d+), Passed:\s+(\d+), Skipped:\s+(\d+), Total:\s+(\d+)")
CSV_FIELDS = ["tests", "round", "position", "variant", "wall_s", "user_s", "sys_s", "cpu_s", "max_rss_mb",
              "exit", "passed", "failed", "total", "ok", "note", "leftover_procs", "other_cpu_s", "waited_s",
              "attempt", "disturbed", "used"]
TRIES = 3


def busy_s():
    """CPU seconds the whole machine has been busy since boot (all cores, from /proc/stat)."""
    f = open("/proc/stat").readline().split()[1:]
    return sum(int(f[i]) for i in (0, 1, 2, 5, 6, 7)) / os.sysconf("SC_CLK_TCK")  # user nice system irq softirq steal


def wait_for_quiet(limit=30.0, window=0.5, cores=0.2):
    """Waits (at most `limit` s) for a window in which other processes use less than `cores` cores; the
    machine may be shared. Returns the seconds waited."""
    start = time.monotonic()
    while time.monotonic() - start < limit:
        before = busy_s()
        time.sleep(window)
        if busy_s() - before < cores * window:
            break
    return time.monotonic() - start


def logger_args(variant, rundir):
    """The extra `dotnet test` arguments of a variant; every artefact goes to the fresh rundir."""
    return {
        "none": [],
        "trx": ["--logger", "trx;LogFileName=run.trx"],
        "junit": ["--logger", f"junit;LogFilePath={rundir}/junit.xml"],
        "GitHubActions": ["--logger", "GitHubActions"],
        "uet": ["--logger", f"uet;DbPath={rundir}/uet.db"],
    }[variant]


def ci_env(rundir, project):
    """What a GitHub Actions job has (for every variant, so the only difference is the logger): the logger
    writes annotations to stdout, the job summary to GITHUB_STEP_SUMMARY and permalinks from the rest."""
    env = dict(os.environ)
    env.update({"CI": "true", "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": f"{rundir}/step-summary.md",
                "GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "uet/bench",
                "GITHUB_WORKSPACE": project, "GITHUB_SHA": "0" * 40})
    return env


def measured(cmd, env, stdout_path, cwd):
    """Runs cmd to completion: wall time, user+sys CPU of the whole process tree and peak RSS of its largest
    process, from wait4() (as /usr/bin/time -f '%U %S %M' reports them). This process is a child subreaper,
    so a descendant orphaned before it exits is reaped here and counted too (and reported as leftover)."""
    with open(stdout_path, "wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        _, status, ru = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait again
    user, sys_, rss, leftover = ru.ru_utime, ru.ru_stime, ru.ru_maxrss, 0
    deadline = time.monotonic() + 60
    while True:  # orphans of the tree, if any
        try:
            pid, _, ru = os.wait4(-1, os.WNOHANG)
        except ChildProcessError:
            break
        if pid == 0:
            if time.monotonic() > deadline:
                raise SystemExit("a process of the measured tree did not exit within 60 s")
            time.sleep(0.05)
            continue
        leftover += 1
        user, sys_, rss = user + ru.ru_utime, sys_ + ru.ru_stime, max(rss, ru.ru_maxrss)
    return {"wall_s": wall, "user_s": user, "sys_s": sys_, "cpu_s": user + sys_, "max_rss_mb": rss / 1024,
            "exit": proc.returncode, "leftover_procs": leftover}


def verify(variant, rundir, stdout_path, expect):
    """Checks the run did the whole job: exit code 1 (tests fail), the summary line's counts, and the
    logger's own output. Returns (passed, failed, total, note); note is "" when all is as expected."""
    text = open(stdout_path, encoding="utf-8", errors="replace").read()
    m = SUMMARY.search(text)
    if not m:
        return 0, 0, 0, "no summary line"
    failed, passed, skipped, total = map(int, m.groups())
    problems = []
    if (failed, passed, total) != (expect["failed"], expect["passed"], expect["tests"]):
        problems.append(f"counts {failed}/{passed}/{total}")
    if variant == "trx":
        files = glob.glob(f"{rundir}/*.trx")
        c = re.search(r'<Counters total="(\d+)" executed="\d+" passed="(\d+)" failed="(\d+)"',
                      open(files[0], encoding="utf-8").read()) if files else None
        if not c or (int(c[1]), int(c[3])) != (expect["tests"], expect["failed"]):
            problems.append("trx counters wrong or missing")
    elif variant == "junit":
        path = f"{rundir}/junit.xml"
        head = open(path, encoding="utf-8").read(4096) if os.path.exists(path) else ""
        s = re.search(r'<testsuite [^>]*\btests="(\d+)"[^>]*\bfailures="(\d+)"', head)
        if not s or (int(s[1]), int(s[2])) != (expect["tests"], expect["failed"]):
            problems.append("junit counts wrong or missing")
    elif variant == "GitHubActions":
        errors = sum(1 for line in text.splitlines() if line.startswith("::error "))
        if errors != expect["failed"]:
            problems.append(f"{errors} ::error annotations")
        summary = f"{rundir}/step-summary.md"
        if not os.path.exists(summary) or os.path.getsize(summary) == 0:
            problems.append("empty step summary")
    elif variant == "uet":
        db = f"{rundir}/uet.db"
        if not os.path.exists(db) or os.path.getsize(db) == 0:
            problems.append("no uet store")
        line = re.search(r"^Uet: .*: (\d+) passed, (\d+) failed, \d+ skipped; recorded in ", text, re.M)
        if not line or (int(line[1]), int(line[2])) != (expect["passed"], expect["failed"]):
            problems.append("no uet end-of-run line with the right counts")
    return passed, failed, total, "; ".join(problems)


def run_once(project, variant, expect, scratch):
    rundir = tempfile.mkdtemp(dir=scratch)  # fresh per run: results, summary file, uet store
    try:
        stdout_path = f"{rundir}/stdout.txt"
        cmd = ["dotnet", "test", project, "--no-build", "-c", "Release", "--results-directory", rundir]
        waited = wait_for_quiet()
        before = busy_s()
        r = measured(cmd + logger_args(variant, rundir), ci_env(rundir, project), stdout_path, project)
        r |= {"other_cpu_s": max(0.0, busy_s() - before - r["cpu_s"]), "waited_s": waited}
        passed, failed, total, note = verify(variant, rundir, stdout_path, expect)
        if r["exit"] != 1:
            note = "; ".join(filter(None, [f"exit {r['exit']}", note]))
        if r["leftover_procs"]:
            note = "; ".join(filter(None, [f"{r['leftover_procs']} orphaned processes", note]))
        return r | {"passed": passed, "failed": failed, "total": total, "ok": int(not note), "note": note}
    finally:
        shutil.rmtree(rundir, ignore_errors=True)


def spread(values):
    if len(values) == 1:
        return values[0], values[0], values[0]
    q = statistics.quantiles(values, n=4, method="inclusive")
    return q[1], q[0], q[2]


def table(rows, variants):
    """One markdown table per size: medians (p25-p75) of the runs used, and ratios of medians against no logger."""
    lines = []
    for n in sorted({r["tests"] for r in rows}):
        lines += [f"### {n:,} tests ({n // 10:,} failing)", "",
                  "| variant | runs ok | wall s | CPU s (user+sys) | peak RSS MB | wall × | CPU × | peak RSS × |",
                  "|---|---|---|---|---|---|---|---|"]
        used = [r for r in rows if r["tests"] == n and r["used"]]
        med = {}
        for v in variants:
            runs = [r for r in used if r["variant"] == v]
            ok = [r for r in runs if r["ok"]]
            if not ok:
                lines.append(f"| {v} | 0/{len(runs)} | - | - | - | - | - | - |")
                continue
            s = {k: spread([r[k] for r in ok]) for k in ["wall_s", "cpu_s", "max_rss_mb"]}
            med[v] = {k: x[0] for k, x in s.items()}
            base = med.get("none")
            ratio = (lambda k: f"{med[v][k] / base[k]:.2f}") if base else (lambda k: "-")
            lines.append(f"| {v} | {len(ok)}/{len(runs)} "
                         f"| {s['wall_s'][0]:.2f} ({s['wall_s'][1]:.2f}–{s['wall_s'][2]:.2f}) "
                         f"| {s['cpu_s'][0]:.2f} ({s['cpu_s'][1]:.2f}–{s['cpu_s'][2]:.2f}) "
                         f"| {s['max_rss_mb'][0]:.0f} ({s['max_rss_mb'][1]:.0f}–{s['max_rss_mb'][2]:.0f}) "
                         f"| {ratio('wall_s')} | {ratio('cpu_s')} | {ratio('max_rss_mb')} |")
        repeated = sum(1 for r in rows if r["tests"] == n and not r["used"])
        lines += ["", f"Other processes used {statistics.median(r['other_cpu_s'] for r in used):.2f} s CPU during "
                      f"a run (median of the runs used); {repeated} disturbed runs were done again, "
                      f"{sum(r['disturbed'] for r in used)} runs used were still disturbed.", ""]
    return lines


def machine():
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    mem = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal")) / 1024 / 1024
    sdk = subprocess.run(["dotnet", "--version"], capture_output=True, text=True).stdout.strip()
    return (f"{os.cpu_count()} cores ({cpu}), {mem:.1f} GiB, {platform.system()} {platform.release()}, "
            f".NET SDK {sdk}, Python {platform.python_version()}")


def measure_size(n, rounds, variants, out, scratch, writer):
    """One untimed warm-up round, then `rounds` rounds of every variant in rotated order. Returns the rows."""
    project = os.path.join(out, f"n{n}")
    expect = json.load(open(os.path.join(project, "manifest.json")))
    rows = []
    for rnd in range(rounds + 1):  # round 0 is the warm-up
        order = variants[rnd % len(variants):] + variants[:rnd % len(variants)]
        for pos, v in enumerate(order):
            for attempt in range(1, (TRIES if rnd else 1) + 1):  # a timed run that others disturbed is redone
                r = run_once(project, v, expect, scratch)
                r |= {"tests": n, "round": rnd, "position": pos, "variant": v, "attempt": attempt,
                      "disturbed": int(r["other_cpu_s"] > max(0.2, 0.05 * r["cpu_s"]))}
                r["used"] = int(rnd > 0 and (not r["disturbed"] or attempt == TRIES))
                print(f"{n:>6} r{rnd:<2} {v:<14} wall {r['wall_s']:6.2f}s  cpu {r['cpu_s']:6.2f}s  "
                      f"rss {r['max_rss_mb']:5.0f} MB  others {r['other_cpu_s']:5.2f}s  "
                      f"{'ok' if r['ok'] else 'FAILED: ' + r['note']}"
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
    variants = VARIANTS + (["uet"] if uet_version else [])
    ctypes.CDLL(None).prctl(36, 1)  # PR_SET_CHILD_SUBREAPER: orphans of the measured tree come back to us
    scratch = os.path.join(out, "scratch")
    os.makedirs(scratch, exist_ok=True)
    commit = subprocess.run(["git", "-C", os.path.dirname(os.path.abspath(__file__)), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()
    header = [f"Machine: {machine()}; load average at start {os.getloadavg()[0]:.2f}",
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
    md = ["# Test logger benchmark", ""] + [h + "  " for h in header] + \
         [f"Measuring took {elapsed / 60:.1f} min.", ""] + table(rows, variants)
    open(os.path.join(out, "results.md"), "w").write("\n".join(md) + "\n")
    print("\n" + "\n".join(md))
    bad = [r for r in rows if r["used"] and not r["ok"]]
    if bad:
        print(f"{len(bad)} runs failed verification (see raw.csv, column note)", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()

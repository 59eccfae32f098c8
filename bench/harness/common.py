"""What the benchmarks share: running a command while measuring its wall time and the CPU time of its whole
process tree, rotating the order of variants, quantiles, and a description of the machine."""
import os
import platform
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass


@dataclass
class Measured:
    wall_ms: float
    user_ms: float
    sys_ms: float
    returncode: int
    stdout: str
    stderr: str

    @property
    def cpu_ms(self):
        return self.user_ms + self.sys_ms


def run(cmd, cwd=None, env=None, stamp_launch=False):
    """Runs cmd to completion. CPU time comes from wait4(): user+sys of the process and of every descendant
    it waited for (MSBuild's worker nodes, when they exit with the build), which is why node reuse is off in
    the build benchmark: a reused node would do work outside the measured tree.
    stamp_launch passes the launch instant (Unix ns) in BENCH_LAUNCH_NS, so the process can tell how long the
    runtime took to reach its first line and its first verdict."""
    env = dict(os.environ if env is None else env)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        if stamp_launch:
            env["BENCH_LAUNCH_NS"] = str(time.time_ns())
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait again
        out.seek(0)
        err.seek(0)
        return Measured(wall * 1000, usage.ru_utime * 1000, usage.ru_stime * 1000, proc.returncode,
                        out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"))


def rotate(items, by):
    """The order for round `by`: each variant takes each position equally often, so drift in the machine's
    load (or warm caches helping whoever runs second) does not favour one variant."""
    by %= len(items)
    return items[by:] + items[:by]


def spread(values):
    """min / p25 / median / p75 / max, for judging how noisy a median is."""
    q = statistics.quantiles(values, n=4, method="inclusive") if len(values) > 1 else [values[0]] * 3
    return {"min": min(values), "p25": q[0], "median": q[1], "p75": q[2], "max": max(values)}


def machine():
    def first(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True, check=False).stdout.strip().splitlines()[0]
        except (OSError, IndexError):
            return "?"
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo", encoding="utf-8")
                if line.startswith("model name")), platform.processor() or "?")
    memory_kb = next(int(line.split()[1]) for line in open("/proc/meminfo", encoding="utf-8") if line.startswith("MemTotal"))
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "memory_gib": round(memory_kb / 1024 / 1024, 1),
        "os": f"{platform.system()} {platform.release()}",
        "dotnet": first(["dotnet", "--version"]),
        "node": first(["node", "--version"]),
        "load_avg_at_start": os.getloadavg(),
    }


def git_state(root):
    """The commit measured, and whether src/ had uncommitted changes (others edit it while benchmarks run)."""
    head = subprocess.run(["git", "-C", root, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", root, "status", "--porcelain", "--", "src", "build", "schema"],
                           capture_output=True, text=True).stdout.strip()
    return {"commit": head, "src_dirty": bool(dirty)}

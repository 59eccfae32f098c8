#!/usr/bin/env python3
"""Prints the machine and the commit measured, as the header of results/results.md."""
import os
import sys

from common import git_state, machine

m = machine()
g = git_state(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
print(f"Machine: {m['nproc']} cores ({m['cpu']}), {m['memory_gib']} GiB, {m['os']}; "
      f".NET SDK {m['dotnet']}, Node {m['node']}; load average at start {', '.join(f'{x:.2f}' for x in m['load_avg_at_start'])}")
print(f"Commit: {g['commit']}{' (src/, build/ or schema/ had uncommitted changes)' if g['src_dirty'] else ''}; command: {' '.join(sys.argv[1:])}")

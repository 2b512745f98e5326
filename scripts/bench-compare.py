#!/usr/bin/env python3
"""Two or more gongwen binaries side by side, run by run in turn, so that a machine whose speed
drifts (a shared host) drifts for all of them alike: medians and quartiles of wall time.

Usage:
  scripts/bench-compare.py render RUNS SPEC BINARY...     cold `render` (PDF + DOCX), bundled fonts
  scripts/bench-compare.py cascade RUNS OFFICES BINARY...  `derive --render` of the national
      notice for OFFICES synthetic offices (target/release/examples/gen_profiles), 1 and 2 workers

Needs only Python 3's standard library (and the example binary for `cascade`).
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def timed(cmd):
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - start) * 1000


def report(times, what):
    for key, values in times.items():
        v = sorted(values)
        print(
            f"{key:40s} {what}: median {statistics.median(v):7.1f} ms"
            f"  p25 {v[len(v) // 4]:7.1f}  p75 {v[3 * len(v) // 4]:7.1f}  ({len(v)} runs)"
        )


def in_turn(runs, binaries, one):
    """Runs `one(binary, i)` for every binary, RUNS times, the order reversed every other round."""
    times = {}
    for i in range(runs):
        order = binaries if i % 2 == 0 else binaries[::-1]
        for b in order:
            for key, ms in one(b, i):
                times.setdefault(key, []).append(ms)
    return times


def render(runs, spec, binaries):
    work = tempfile.mkdtemp()
    try:
        def one(b, i):
            out = os.path.join(work, str(binaries.index(b)))
            return [(b, timed([b, "render", "--no-system-fonts", spec, "-o", out]))]

        report(in_turn(runs, binaries, one), os.path.basename(spec))
    finally:
        shutil.rmtree(work)


def cascade(runs, offices, binaries):
    work = tempfile.mkdtemp()
    try:
        gen = os.path.join(ROOT, "target/release/examples/gen_profiles")
        folder = os.path.join(work, "offices")
        subprocess.run([gen, str(offices), folder], stderr=subprocess.DEVNULL, check=True)
        spec = os.path.join(ROOT, "samples/national-2025-notice.toml")

        def one(b, i):
            out = []
            for jobs in (1, 2):
                dest = os.path.join(work, "out")
                shutil.rmtree(dest, ignore_errors=True)
                ms = timed([b, "derive", spec, "--office", folder, "--as", "plan", "-o", dest,
                            "--render", "--no-system-fonts", "-j", str(jobs)])
                out.append((f"{b} -j {jobs}", ms))
            return out

        times = in_turn(runs, binaries, one)
        report(times, f"{offices} offices")
        for key, values in times.items():
            print(f"{key:40s} {offices * 1000 / statistics.median(values):.0f} docs/s")
    finally:
        shutil.rmtree(work)


def main():
    if len(sys.argv) < 5 or sys.argv[1] not in ("render", "cascade"):
        sys.exit(__doc__)
    mode, runs, what, binaries = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]
    if mode == "render":
        render(runs, what, binaries)
    else:
        cascade(runs, int(what), binaries)


if __name__ == "__main__":
    main()

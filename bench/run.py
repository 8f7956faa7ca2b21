#!/usr/bin/python3
"""bench/run.py BULLETIN [--runs N] [--layouts a,b]

Wall time and peak memory of `bulletin render` for every file of data/ and
for a generated 300-item bulletin, per layout. Prints one row per case:
the best and median wall time of N runs and the peak resident memory.
Figures, not assertions: compare them between commits.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time


ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def generated_bulletin(path, items=300):
    """A 300-item bulletin built from the real items of seed 000."""
    sys.path.insert(0, os.path.join(ROOT, "tests", "tools"))
    from generate_bulletin import generate
    generate(path, items)


def measure(binary, yaml_path, layout, out_dir, runs):
    times, peak_kb = [], 0
    out = os.path.join(out_dir, "bench.pdf")
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen([binary, "render", yaml_path, "-o", out, "--layout", layout],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"render failed: {yaml_path} ({layout}): {proc.stderr.read().decode()}")
        times.append(elapsed)
        peak_kb = max(peak_kb, usage.ru_maxrss)
    pages = subprocess.run(["pdfinfo", out], capture_output=True, text=True).stdout
    pages = next((l.split()[-1] for l in pages.splitlines() if l.startswith("Pages:")), "?")
    return min(times), statistics.median(times), peak_kb / 1024, pages, os.path.getsize(out) / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--layouts", default="official")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        big = os.path.join(tmp, "generated-300-items.yaml")
        generated_bulletin(big)
        cases = sorted(os.path.join(ROOT, "data", f) for f in os.listdir(os.path.join(ROOT, "data")) if f.endswith(".yaml"))
        cases.append(big)
        print(f"{'bulletin':<40} {'layout':<10} {'best s':>7} {'median s':>9} {'peak MB':>8} {'pages':>6} {'PDF KB':>7}")
        for layout in args.layouts.split(","):
            for case in cases:
                best, median, peak, pages, size = measure(args.binary, case, layout, tmp, args.runs)
                print(f"{os.path.basename(case):<40} {layout:<10} {best:7.3f} {median:9.3f} {peak:8.1f} {pages:>6} {size:7.0f}")


if __name__ == "__main__":
    main()

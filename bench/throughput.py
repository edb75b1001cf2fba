#!/usr/bin/env python3
"""Throughput of `hs-quotes extract` on a corpus of about 100 MB built from
the articles in inputs/: many files of article size, and one large file.
Prints MB/s, articles/s and peak memory, on one core and on all, next to a
plain read of the same bytes (`cat` to /dev/null) timed in the same run.

    cargo build --release && python3 bench/throughput.py [--mb 100] [--runs 3]

Standard library only; the corpus is written to a temporary folder and
removed afterwards. Each figure is the best of --runs runs.
"""
import argparse
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BINARY = os.path.join(ROOT, "target", "release", "hs-quotes")


def build(folder, megabytes):
    """Half the bytes as article-size files, half as one large file."""
    articles = [open(p, "rb").read() for p in sorted(glob.glob(os.path.join(ROOT, "inputs", "*.txt")))]
    if not articles:
        sys.exit("no articles in inputs/")
    half = megabytes * 1024 * 1024 // 2
    small, written, i = [], 0, 0
    while written < half:
        data = articles[i % len(articles)]
        path = os.path.join(folder, f"a{i:06}.txt")
        with open(path, "wb") as f:
            f.write(data)
        small.append(path)
        written += len(data)
        i += 1
    large = os.path.join(folder, "large.txt")
    with open(large, "wb") as f:
        size = 0
        while size < half:
            for data in articles:
                f.write(data + b"\n\n")
                size += len(data) + 2
    return small, large


def measure(argv, runs):
    """Best wall time of `runs` runs, and the peak resident memory (bytes)."""
    best, peak = float("inf"), 0
    for _ in range(runs):
        start = time.perf_counter()
        child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - start
        err = child.stderr.read().decode()
        child.stderr.close()
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"{' '.join(argv[:4])} … failed: {err[:500]}")
        best = min(best, elapsed)
        peak = max(peak, usage.ru_maxrss * 1024)
    return best, peak


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=100, help="corpus size in MB (default 100)")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure; the best is kept")
    args = parser.parse_args()
    if not os.path.exists(BINARY):
        sys.exit(f"{BINARY} not found: run `cargo build --release` first")
    cores = os.cpu_count() or 1
    folder = tempfile.mkdtemp(prefix="hs-quotes-bench-")
    try:
        small, large = build(folder, args.mb)
        small_bytes = sum(os.path.getsize(p) for p in small)
        large_bytes = os.path.getsize(large)
        mb = 1024 * 1024
        print(f"corpus: {len(small)} articles, {small_bytes / mb:.1f} MB; one file of {large_bytes / mb:.1f} MB; {cores} cores")
        print(f"{'run':<34}{'seconds':>9}{'MB/s':>9}{'articles/s':>12}{'peak MB':>9}{'x cat':>8}")

        def row(name, argv, nbytes, narticles):
            seconds, peak = measure(argv, args.runs)
            cat, _ = measure(["cat", *argv[argv.index("--") + 1:]], args.runs)
            rate = nbytes / mb / seconds
            per_article = f"{narticles / seconds:12.0f}" if narticles else f"{'':>12}"
            print(f"{name:<34}{seconds:9.2f}{rate:9.1f}{per_article}{peak / mb:9.1f}{seconds / cat:8.1f}", flush=True)
            return seconds

        def run(jobs, files):
            return [BINARY, "extract", "--jsonl", "-j", str(jobs), "--", *files]

        one = row("articles, 1 core", run(1, small), small_bytes, len(small))
        many = row(f"articles, {cores} cores", run(cores, small), small_bytes, len(small))
        row("one large file, 1 core", run(1, [large]), large_bytes, 0)
        cat, _ = measure(["cat", *small, large], args.runs)
        print(f"cat of the whole corpus: {cat:.2f} s, {(small_bytes + large_bytes) / mb / cat:.0f} MB/s")
        print(f"speed-up from 1 to {cores} cores on articles: {one / many:.2f}x")
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()

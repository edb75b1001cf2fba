#!/usr/bin/env python3
"""Time `hs-quotes extract` on inputs of 1, 2, 4 and 8 MB, ordinary and
adversarial, and print the seconds per size: each doubling of the input
should about double the time (cost linear in the input, whatever it is).

    cargo build --release && python3 bench/scaling.py [--sizes 1,2,4,8]

Standard library only. Inputs are built from the articles in inputs/ and
from patterns written here; nothing is downloaded.
"""
import argparse
import glob
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BINARY = os.path.join(ROOT, "target", "release", "hs-quotes")


def articles():
    paths = sorted(glob.glob(os.path.join(ROOT, "inputs", "*.txt")))
    return "".join(open(p, encoding="utf-8").read() + "\n\n" for p in paths)


def fill(pattern, size):
    return (pattern * (size // len(pattern.encode()) + 1))[:size]


def cases(size):
    a = articles()
    return {
        "articles": fill(a, size),
        "one line": fill(a.replace("\n", " "), size),
        "quotes in one sentence": fill("He said \"yes and 'no' “maybe” ", size),
        "stray marks": fill('" ', size),
        "unclosed marks": fill("“a ", size),
        "titles": fill("the film “Lantern” and ", size),
        "heading, quote": fill("Short heading\n“We went out.”\n", size),
        "re-opened chain": fill("“It went on and on\n\n", size),
        "capitals": fill("Alpha Beta Gamma Delta ", size),
        "nesting": "“x " * (size // 4) + "”" * (size // 4),
    }


def run(text):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write(text)
        path = f.name
    try:
        start = time.perf_counter()
        done = subprocess.run([BINARY, "extract", "--jsonl", path], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            sys.exit(f"hs-quotes failed (exit {done.returncode}): {done.stderr.decode()[:500]}")
        return elapsed
    finally:
        os.unlink(path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2,4,8", help="sizes in MB, comma-separated")
    args = parser.parse_args()
    if not os.path.exists(BINARY):
        sys.exit(f"{BINARY} not found: run `cargo build --release` first")
    sizes = [int(s) for s in args.sizes.split(",")]
    names = list(cases(1024))
    print(f"{'input':<24}" + "".join(f"{s:>7} MB" for s in sizes) + "   ratio last/first")
    for name in names:
        times = [run(cases(s * 1024 * 1024)[name]) for s in sizes]
        ratio = times[-1] / times[0] if times[0] > 0 else float("nan")
        print(f"{name:<24}" + "".join(f"{t:>8.2f}s" for t in times) + f"   {ratio:5.1f} (size x{sizes[-1] // sizes[0]})", flush=True)


if __name__ == "__main__":
    main()

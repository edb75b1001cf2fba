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


def mixed_marks(size):
    """Every quotation mark, in an order with no period (a fixed-seed LCG)."""
    marks = "“”‘’\"'«»‹›„"
    out, x = [], 1
    for _ in range(size // 2):
        x = (x * 1103515245 + 12345) % 2**31
        out.append(marks[x % len(marks)])
    return "".join(out)


def damaged(text, size):
    """An article with a byte that is not UTF-8 every 200 bytes: read with --lossy."""
    data = bytearray(fill(text, size).encode())
    for i in range(100, len(data), 200):
        data[i] = 0xFF
    return bytes(data)


# name -> (builder of an input of `size` bytes, extra arguments)
CASES = {
    "articles": (lambda a, n: fill(a, n), []),
    "articles, CRLF": (lambda a, n: fill(a.replace("\n", "\r\n"), n), []),
    "one line": (lambda a, n: fill(a.replace("\n", " "), n), []),
    "bad bytes, --lossy": (damaged, ["--lossy"]),
    "quotes in one sentence": (lambda a, n: fill("He said \"yes and 'no' “maybe” ", n), []),
    "stray marks": (lambda a, n: fill('" ', n), []),
    "opening marks in a row": (lambda a, n: fill("“", n), []),
    "closing marks in a row": (lambda a, n: fill("”", n), []),
    "mixed marks in a row": (lambda a, n: mixed_marks(n), []),
    "unclosed marks": (lambda a, n: fill("“a ", n), []),
    "titles": (lambda a, n: fill("the film “Lantern” and ", n), []),
    "heading, quote": (lambda a, n: fill("Short heading\n“We went out.”\n", n), []),
    "re-opened chain": (lambda a, n: fill("“It went on and on\n\n", n), []),
    "transcript labels": (lambda a, n: fill("ANN: We went out.\nQ: Why?\n", n), []),
    "capitals": (lambda a, n: fill("Alpha Beta Gamma Delta ", n), []),
    "nesting": (lambda a, n: "“x " * (n // 8) + "”" * (n // 8), []),
}


def run(data, extra):
    with tempfile.NamedTemporaryFile("wb", suffix=".txt", delete=False) as f:
        f.write(data if isinstance(data, bytes) else data.encode())
        path = f.name
    try:
        start = time.perf_counter()
        done = subprocess.run([BINARY, "extract", "--jsonl", *extra, path], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
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
    text = articles()
    growth = sizes[-1] / sizes[0]
    print(f"{'input':<24}" + "".join(f"{s:>7} MB" for s in sizes) + f"   time x (size x{growth:g})")
    for name, (build, extra) in CASES.items():
        times = [run(build(text, s * 1024 * 1024), extra) for s in sizes]
        ratio = times[-1] / times[0] if times[0] > 0 else float("nan")
        # Twice the size ratio allows for noise and start-up; a quadratic
        # cost shows as about its square.
        verdict = "linear" if ratio <= 2 * growth else "SUPERLINEAR"
        print(f"{name:<24}" + "".join(f"{t:>8.2f}s" for t in times) + f"   {ratio:5.1f}  {verdict}", flush=True)


if __name__ == "__main__":
    main()

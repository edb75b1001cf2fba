#!/usr/bin/env bash
# hs-quotes on Apache Spark: a JSON Lines corpus piped through the release
# binary by RDD.pipe on a local Spark (local[2]), checked against a direct
# run of the same binary. The way to run hs-quotes over a corpus that
# outgrows one machine: the same pipe works on a cluster's executors.
#
#   scripts/spark-demo.sh            # needs Rust, Python 3 and Java 17+
#
# Installs pyspark from PyPI into a virtual environment (VENV, default
# target/spark-venv); the first run downloads about 450 MB.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v java >/dev/null || { echo "spark-demo: java not found; Spark needs Java 17 or later" >&2; exit 1; }
cargo build --release --quiet

VENV=${VENV:-target/spark-venv}
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
"$VENV/bin/pip" install --quiet pyspark

export SPARK_LOCAL_IP=127.0.0.1
exec "$VENV/bin/python" scripts/spark_demo.py "$@"

"""The Python half of scripts/spark-demo.sh: build a JSON Lines corpus from
inputs/, extract it once directly and once through Spark's RDD.pipe, and
check that both give the same records."""
import glob
import json
import os
import subprocess
import sys
import tempfile

from pyspark.sql import SparkSession

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, "target", "release", "hs-quotes")
COPIES = 100  # each article of inputs/ under this many ids: partitions to share out


def corpus(path):
    articles = sorted(glob.glob(os.path.join(ROOT, "inputs", "*.txt")))
    with open(path, "w", encoding="utf-8") as out:
        for copy in range(COPIES):
            for article in articles:
                text = open(article, encoding="utf-8").read()
                doc = {"id": f"{os.path.basename(article)}#{copy}", "text": text}
                out.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return COPIES * len(articles)


def key(record):
    return (record["id"], record["index"])


def main():
    folder = tempfile.mkdtemp(prefix="hs-quotes-spark-")
    docs = os.path.join(folder, "docs.jsonl")
    n = corpus(docs)
    with open(docs, "rb") as f:
        direct = subprocess.run([BINARY, "extract", "--stdin-jsonl"], stdin=f, capture_output=True, check=True)
    expected = sorted((json.loads(line) for line in direct.stdout.decode().splitlines()), key=key)

    spark = SparkSession.builder.master("local[2]").appName("hs-quotes-demo").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    try:
        lines = spark.sparkContext.textFile(docs, minPartitions=4)
        piped = lines.pipe(f"{BINARY} extract --stdin-jsonl --jobs 1")
        got = sorted((json.loads(line) for line in piped.collect()), key=key)
        partitions = lines.getNumPartitions()
        # The same through Spark SQL's script transform.
        spark.read.text(docs).repartition(4).createOrReplaceTempView("docs")
        rows = spark.sql(
            f"SELECT TRANSFORM(value) USING '{BINARY} extract --stdin-jsonl --jobs 1' "
            "AS (record STRING) FROM docs"
        ).collect()
        via_sql = sorted((json.loads(row.record) for row in rows), key=key)
    finally:
        spark.stop()

    print(f"documents: {n} in {partitions} partitions")
    print(f"records, direct run:      {len(expected)}")
    print(f"records, Spark RDD.pipe:  {len(got)}")
    print(f"records, Spark SQL TRANSFORM: {len(via_sql)}")
    for name, records in (("RDD.pipe", got), ("TRANSFORM", via_sql)):
        if records != expected:
            diff = next(((a, b) for a, b in zip(expected, records) if a != b), None)
            sys.exit(f"MISMATCH ({name}): {len(records)} records; first difference {diff}")
    speakers = {r["speaker"]["name"] for r in got if r["speaker"]}
    print(f"speakers: {len(speakers)}, e.g. {sorted(speakers)[:4]}")
    print("OK: Spark's records (RDD.pipe and SQL TRANSFORM) equal the direct run's")


if __name__ == "__main__":
    main()

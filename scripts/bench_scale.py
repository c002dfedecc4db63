"""Throughput of the large-collection routes at 1 and 2 threads on one JSON Lines input
(built by tests/scale/make_docs.py from ../shared/data): the native command line,
textlens.analyze_batch, Spark mapInPandas, Dask map_partitions and Spark RDD.pipe.

    python scripts/bench_scale.py DOCS.jsonl --runs 3 [--routes native,batch,spark,dask,pipe]

Runs take turns (1 thread, 2 threads, 1, 2, ...) so that a change in the machine's load
hits both alike; prints the median of each and the load average before and after.
Spark and Dask times include starting the JVM or the worker processes, as a job pays
them. `make bench-scale` runs it on 20 MB and 2,000 documents.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def native(docs, threads, out):
    with open(docs, "rb") as source, open(out / "native.jsonl", "wb") as sink:
        subprocess.run([os.environ.get("TEXTLENS_BIN", ROOT / "target/release/textlens"), "--jsonl", "--threads", str(threads)], stdin=source, stdout=sink, check=True)


def batch(docs, threads, out):
    import textlens

    texts = [json.loads(line)["text"] for line in open(docs, encoding="utf-8")]
    started = time.perf_counter()
    textlens.analyze_batch(texts, threads=threads)
    return time.perf_counter() - started


def spark_env():
    return dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable, SPARK_LOCAL_IP="127.0.0.1")


def spark(docs, threads, out):
    script = ROOT / "examples/spark_job.py"
    subprocess.run([sys.executable, script, docs, out / "spark", "--master", f"local[{threads}]"], env=spark_env(), check=True, stderr=subprocess.DEVNULL)


def dask(docs, threads, out):
    script = ROOT / "examples/dask_job.py"
    subprocess.run([sys.executable, script, docs, out / "dask", "--workers", str(threads)], check=True, stderr=subprocess.DEVNULL)


def pipe(docs, threads, out):
    script = ROOT / "examples/spark_pipe.py"
    binary = os.environ.get("TEXTLENS_BIN", ROOT / "target/release/textlens")
    command = [sys.executable, script, docs, out / "pipe", "--master", f"local[{threads}]", "--binary", binary]
    subprocess.run(command, env=spark_env(), check=True, stderr=subprocess.DEVNULL)


ROUTES = {"native": native, "batch": batch, "spark": spark, "dask": dask, "pipe": pipe}


def timed(route, docs, threads):
    out = Path(tempfile.mkdtemp(prefix="textlens-bench-"))
    try:
        started = time.perf_counter()
        inner = route(docs, threads, out)
        # analyze_batch is timed without reading the input; the others as a whole job.
        return inner if inner is not None else time.perf_counter() - started
    finally:
        shutil.rmtree(out, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("docs")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--routes", default="native,batch")
    args = parser.parse_args()
    lines = [json.loads(line) for line in open(args.docs, encoding="utf-8")]
    documents, megabytes = len(lines), sum(len(d["text"].encode("utf-8")) for d in lines) / 1e6
    del lines
    print(f"{args.docs}: {documents} documents, {megabytes:.1f} MB of text; load average {os.getloadavg()[0]:.2f}")
    # A job on the first 20 documents shows what Spark and Dask spend starting up.
    few = Path(tempfile.mkdtemp(prefix="textlens-few-")) / "few.jsonl"
    with open(args.docs, encoding="utf-8") as source:
        few.write_text("".join(line for _, line in zip(range(20), source)), encoding="utf-8")
    for name in args.routes.split(","):
        times = {1: [], 2: []}
        start_up = {1: [], 2: []}
        for _ in range(args.runs):
            for threads in (1, 2):
                times[threads].append(timed(ROUTES[name], args.docs, threads))
                if name in ("spark", "dask", "pipe"):
                    start_up[threads].append(timed(ROUTES[name], str(few), threads))
        medians = {t: statistics.median(s) for t, s in times.items()}
        for threads, median in medians.items():
            runs = ", ".join(f"{s:.2f}" for s in times[threads])
            line = f"{name:6} threads={threads}: {median:7.2f} s median ({runs}), {documents / median:8.0f} documents/s, {megabytes / median:6.2f} MB/s"
            if start_up[threads]:
                fixed = statistics.median(start_up[threads])
                line += f"; a 20-document job takes {fixed:.2f} s, past that {documents / (median - fixed):.0f} documents/s, {megabytes / (median - fixed):.2f} MB/s"
            print(line)
        print(f"{name:6} 2 threads vs 1: {medians[1] / medians[2]:.2f}x; load average {os.getloadavg()[0]:.2f}", flush=True)


if __name__ == "__main__":
    main()

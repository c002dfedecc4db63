"""textlens on Dask: every document of a JSONL or Parquet input analysed by the Python
package in `map_partitions`, written as Parquet with one row per document.

    python examples/dask_job.py docs.jsonl out/ --workers 2 --options '{"keywords": 5}'

Input and output are as in `spark_job.py`: `id` and `text` in; `id`, the protocol's
fields (offsets in code points) and `error` out. Partitions run in worker processes
(`--scheduler processes`, which receive the Analyzer pickled) or threads (`threads`:
the analysis releases the GIL). On a cluster, point a `dask.distributed.Client` at it
before calling `run` and install the `textlens` wheel on every worker.
"""

import argparse
import json

import dask
import dask.dataframe as dd
import pandas as pd
import pyarrow as pa

import textlens

SPAN = pa.struct([("start", pa.int64()), ("end", pa.int64())])
SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("language", pa.string()),
        ("languages", pa.struct([("detected", pa.string()), ("words", pa.string()), ("names", pa.string())])),
        ("sentences", pa.list_(SPAN)),
        ("keywords", pa.list_(pa.struct([("text", pa.string()), ("score", pa.float64())]))),
        ("terms", pa.list_(pa.struct([("term", pa.string()), ("count", pa.int64())]))),
        ("entities", pa.list_(pa.struct([("text", pa.string()), ("label", pa.string()), ("start", pa.int64()), ("end", pa.int64()), ("confidence", pa.float64())]))),
        ("entity_groups", pa.list_(pa.struct([("text", pa.string()), ("label", pa.string()), ("count", pa.int64()), ("confidence", pa.float64()), ("mentions", pa.list_(SPAN))]))),
        ("summary", pa.list_(pa.struct([("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())]))),
        ("error", pa.string()),
    ]
)
FIELDS = SCHEMA.names[1:]


def analyse_partition(frame, analyzer, threads):
    """One partition of documents in, one row per document out."""
    results = analyzer.analyze_batch(frame["text"].tolist(), threads=threads)
    columns = {"id": frame["id"].astype(str).tolist()}
    for field in FIELDS:
        columns[field] = [result.get(field) for result in results]
    return pd.DataFrame(columns, index=frame.index)


def read_documents(path, blocksize):
    if path.endswith((".jsonl", ".json")):
        frame = dd.read_json(path, lines=True, blocksize=blocksize, dtype={"id": str})
    else:
        frame = dd.read_parquet(path)
    return frame[["id", "text"]]


def run(source, output, analyzer, threads=1, blocksize=1 << 20):
    documents = read_documents(source, blocksize)
    meta = pd.DataFrame({name: pd.Series(dtype="object") for name in SCHEMA.names})
    analysed = documents.map_partitions(analyse_partition, analyzer, threads, meta=meta)
    analysed.to_parquet(output, schema=SCHEMA, write_index=False, overwrite=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="JSON Lines (.jsonl) or Parquet with `id` and `text`")
    parser.add_argument("output", help="directory of Parquet files to write")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--scheduler", choices=["processes", "threads"], default="processes")
    parser.add_argument("--options", default="{}", help="protocol options as JSON, for every document")
    parser.add_argument("--blocksize", type=int, default=1 << 20, help="bytes of JSON Lines per partition")
    args = parser.parse_args()

    analyzer = textlens.Analyzer(json.loads(args.options))
    with dask.config.set(scheduler=args.scheduler, num_workers=args.workers):
        run(args.input, args.output, analyzer, threads=1, blocksize=args.blocksize)


if __name__ == "__main__":
    main()

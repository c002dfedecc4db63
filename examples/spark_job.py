"""textlens on Spark: every document of a JSONL or Parquet input analysed by the Python
package inside `mapInPandas`, written as Parquet with one row per document.

    python examples/spark_job.py docs.jsonl out/ --master 'local[2]' --options '{"keywords": 5}'

The input has an `id` and a `text` column (JSON Lines as the protocol's input, or
Parquet). Each output row has the `id` (as a string), the protocol's fields as columns
(`language`, `languages`, `sentences`, `keywords`, `terms`, `entities` and
`entity_groups` with their `confidence`, `summary`;
offsets in code points, Python string indices) and `error` (null unless the document
failed). On a cluster, install the `textlens` wheel on every executor (or ship it with
`--py-files`/an archive); the Analyzer travels to the executors pickled as its options.
"""

import argparse
import json

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

import textlens

SPAN = "struct<start:bigint,end:bigint>"
SCHEMA = ", ".join(
    [
        "id string",
        "language string",
        "languages struct<detected:string,words:string,names:string>",
        f"sentences array<{SPAN}>",
        "keywords array<struct<text:string,score:double>>",
        "terms array<struct<term:string,count:bigint>>",
        "entities array<struct<text:string,label:string,start:bigint,end:bigint,confidence:double>>",
        f"entity_groups array<struct<text:string,label:string,count:bigint,confidence:double,mentions:array<{SPAN}>>>",
        "summary array<struct<start:bigint,end:bigint,text:string>>",
        "error string",
    ]
)
FIELDS = ["language", "languages", "sentences", "keywords", "terms", "entities", "entity_groups", "summary", "error"]


def analyse_partitions(analyzer, threads):
    """The function mapInPandas runs on each executor: batches of rows in, rows out."""

    def run(batches):
        import pandas as pd

        for batch in batches:
            results = analyzer.analyze_batch(batch["text"].tolist(), threads=threads)
            columns = {"id": batch["id"].tolist()}
            for field in FIELDS:
                columns[field] = [result.get(field) for result in results]
            yield pd.DataFrame(columns)

    return run


def read_documents(spark, path):
    if path.endswith(".parquet") or not path.endswith((".jsonl", ".json")):
        frame = spark.read.parquet(path)
    else:
        frame = spark.read.json(path)
    return frame.select(F.col("id").cast("string").alias("id"), F.col("text"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="JSON Lines (.jsonl) or Parquet with `id` and `text`")
    parser.add_argument("output", help="directory of Parquet files to write")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--options", default="{}", help="protocol options as JSON, for every document")
    parser.add_argument("--threads", type=int, default=1, help="analysis threads per task (Spark already runs a task per core)")
    args = parser.parse_args()

    analyzer = textlens.Analyzer(json.loads(args.options))
    spark = SparkSession.builder.master(args.master).appName("textlens").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    documents = read_documents(spark, args.input)
    analysed = documents.mapInPandas(analyse_partitions(analyzer, args.threads), SCHEMA)
    analysed.write.mode("overwrite").parquet(args.output)
    spark.stop()


if __name__ == "__main__":
    main()

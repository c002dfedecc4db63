"""textlens on Spark without the Python package: the native command line (`textlens
--jsonl`) behind `RDD.pipe`, for clusters whose executors cannot install the wheel.

    python examples/spark_pipe.py docs.jsonl out/ --binary target/release/textlens --master 'local[2]'

Each partition of the JSON Lines input is piped through one `textlens --jsonl` process;
the answer lines (the protocol's, offsets in UTF-16 code units) are saved as text, in
input order, part after part. On a cluster, ship the binary with the job
(`spark-submit --files target/release/textlens`) and pass `--binary ./textlens`: it then
lies in each executor's working directory. The binary needs only the C library.
"""

import argparse
import os
import shlex

from pyspark.sql import SparkSession


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="JSON Lines: {\"id\", \"text\", \"options\"} per line")
    parser.add_argument("output", help="directory of text files to write")
    parser.add_argument("--binary", default="textlens", help="path of the textlens binary on the executors")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--threads", type=int, default=1, help="threads of each textlens process (Spark runs one task per core)")
    args = parser.parse_args()

    binary = os.path.abspath(args.binary) if os.path.exists(args.binary) else args.binary
    spark = SparkSession.builder.master(args.master).appName("textlens-pipe").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    lines = spark.sparkContext.textFile(args.input)
    answers = lines.pipe(shlex.join([binary, "--jsonl", "--threads", str(args.threads)]), checkCode=True)
    answers.saveAsTextFile(args.output)
    spark.stop()


if __name__ == "__main__":
    main()

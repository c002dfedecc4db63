"""Checks that the Spark, Dask and RDD.pipe examples wrote what the native command line
answers for the same documents.

    python tests/scale/check_outputs.py --docs docs.jsonl --native native.jsonl \
        --parquet spark-out/ --parquet dask-out/ --lines pipe-out/

Parquet outputs (the Python package: offsets in code points) must hold one row per
document equal, field for field and score for score, to the command line's answer
with its UTF-16 offsets turned into code points. Text outputs (`RDD.pipe` of the
binary) must be the command line's answer lines, byte for byte and in order.
"""

import argparse
import copy
import json
import sys
from pathlib import Path

import pyarrow.parquet as pq

FIELDS = ["language", "languages", "sentences", "keywords", "terms", "entities", "entity_groups", "summary"]


def code_points(text):
    """Maps each UTF-16 offset of `text` to its code-point offset."""
    table, units = [0], 0
    for i, c in enumerate(text):
        units += 2 if ord(c) > 0xFFFF else 1
        table.extend([i + 1] * (units - len(table) + 1))
    return table


def in_code_points(text, answer):
    at = code_points(text)
    answer = copy.deepcopy({field: answer.get(field) for field in FIELDS})
    for key in ("sentences", "entities", "summary"):
        for item in answer[key] or []:
            item["start"], item["end"] = at[item["start"]], at[item["end"]]
    for group in answer["entity_groups"] or []:
        for mention in group["mentions"]:
            mention["start"], mention["end"] = at[mention["start"]], at[mention["end"]]
    return answer


def check_parquet(path, texts, native):
    rows = pq.read_table(path).to_pylist()
    assert len(rows) == len(native), f"{path}: {len(rows)} rows for {len(native)} documents"
    seen = set()
    for row in rows:
        doc = row["id"]
        assert doc not in seen, f"{path}: document {doc} appears twice"
        seen.add(doc)
        assert row["error"] is None, f"{path}: document {doc} failed: {row['error']}"
        expected = in_code_points(texts[doc], native[doc])
        got = {field: row[field] for field in FIELDS}
        assert got == expected, f"{path}: document {doc} differs from the command line's answer"
    print(f"{path}: {len(rows)} documents, all equal to the native command line's")


def check_lines(path, native_bytes):
    parts = sorted(p for p in Path(path).glob("part-*") if not p.name.endswith(".crc"))
    written = b"".join(p.read_bytes() for p in parts)
    assert written == native_bytes, f"{path}: the answer lines differ from the native command line's"
    lines = written.count(b"\n")
    print(f"{path}: {lines} answer lines, byte for byte the native command line's")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", required=True)
    parser.add_argument("--native", required=True)
    parser.add_argument("--parquet", action="append", default=[])
    parser.add_argument("--lines", action="append", default=[])
    args = parser.parse_args()
    texts = {}
    with open(args.docs, encoding="utf-8") as lines:
        for line in lines:
            doc = json.loads(line)
            texts[doc["id"]] = doc["text"]
    native_bytes = Path(args.native).read_bytes()
    native = {}
    for line in native_bytes.decode("utf-8").splitlines():
        answer = json.loads(line)
        assert "error" not in answer, f"the command line failed on {answer['id']}: {answer['error']}"
        native[answer["id"]] = answer
    assert native.keys() == texts.keys(), "the command line did not answer every document"
    for path in args.parquet:
        check_parquet(path, texts, native)
    for path in args.lines:
        check_lines(path, native_bytes)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Builds a JSON Lines input of real documents from ../shared/data: the texts of every
set (dev and train files, every task) taken in turn, one set after another, so each
language and kind of text is in it; a text is used once, and the whole pool again only
when more documents are wanted than it holds.

    python tests/scale/make_docs.py OUT.jsonl --documents 2000
    python tests/scale/make_docs.py OUT.jsonl --megabytes 100

Prints "skipped: ../shared/data not found" and writes nothing when the data is absent.
The output holds evaluation texts: keep it out of the repository (it goes under target/
or /tmp).
"""

import argparse
import itertools
import json
import sys
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def texts_of(path):
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                text = json.loads(line).get("text")
                if isinstance(text, str) and text.strip():
                    yield text


def interleaved(data):
    """Texts of every set in turn: one of each set, then the next of each, and so on."""
    sets = sorted(data.rglob("*.jsonl"))
    iterators = [texts_of(path) for path in sets]
    for group in itertools.zip_longest(*iterators):
        yield from (text for text in group if text is not None)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--documents", type=int, help="this many documents")
    parser.add_argument("--megabytes", type=float, help="at least this many MB of text (UTF-8)")
    args = parser.parse_args()
    if not args.data.is_dir():
        print("skipped: ../shared/data not found")
        return 0
    pool = list(interleaved(args.data))
    wanted_bytes = (args.megabytes or 0) * 1e6
    written = size = 0
    with open(args.output, "w", encoding="utf-8") as out:
        for round_ in itertools.count():
            for text in pool:
                if (args.documents and written >= args.documents) or (wanted_bytes and size >= wanted_bytes):
                    print(f"{written} documents, {size / 1e6:.1f} MB of text, {round_ + (written % len(pool) > 0)} pass(es) over {len(pool)} texts")
                    return 0
                out.write(json.dumps({"id": f"doc-{written:07d}", "text": text}) + "\n")
                written += 1
                size += len(text.encode("utf-8"))
            if not (args.documents or args.megabytes):
                return 0


if __name__ == "__main__":
    sys.exit(main())

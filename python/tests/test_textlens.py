"""The Python package as a user installs it (`pip install ./python`): results, options,
offsets in code points, batches without the GIL, pickling, and the same answers as
the native command line."""

import json
import multiprocessing
import os
import pickle
import subprocess
import threading
import time
from pathlib import Path

import pytest

import textlens

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("TEXTLENS_DATA", ROOT.parent / "shared" / "data"))
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
FIELDS = ["language", "languages", "sentences", "keywords", "terms", "entities", "entity_groups", "summary"]
TRICKY = "Angela Merkel 👩‍👩‍👧 met Emmanuel Macron 😊 in Paris on 3 March 2024.\r\nCafé naïve 北京. Then Merkel flew to Berlin."


def spans_of(result):
    """Every (start, end, text-or-None) of a result."""
    for s in result.get("sentences", []):
        yield s["start"], s["end"], None
    for e in result.get("entities", []):
        yield e["start"], e["end"], e["text"]
    for g in result.get("entity_groups", []):
        for m in g["mentions"]:
            yield m["start"], m["end"], None
    for s in result.get("summary", []):
        yield s["start"], s["end"], s["text"]


def test_fields_are_the_protocols_and_offsets_are_code_points():
    result = textlens.analyze(TRICKY)
    assert list(result) == FIELDS
    assert {e["text"] for e in result["entities"]} >= {"Angela Merkel", "Emmanuel Macron", "Paris", "Berlin"}
    for start, end, text in spans_of(result):
        assert 0 <= start <= end <= len(TRICKY)
        if text is not None:
            assert TRICKY[start:end] == text, "help: offsets must be Python string indices"
    assert all(isinstance(k["score"], float) for k in result["keywords"])


def test_a_lone_surrogate_is_one_code_point():
    text = "Angela Merkel \ud800 visited Paris."
    paris = textlens.analyze(text)["entities"][-1]
    assert text[paris["start"] : paris["end"]] == "Paris"


def test_every_entity_has_a_confidence_and_min_confidence_drops_the_unsure():
    result = textlens.analyze(TRICKY)
    sure = [e["confidence"] for e in result["entities"]] + [g["confidence"] for g in result["entity_groups"]]
    assert sure and all(isinstance(c, float) and 0.0 <= c <= 1.0 for c in sure)
    cut = sorted(e["confidence"] for e in result["entities"])[len(result["entities"]) // 2]
    kept = textlens.analyze(TRICKY, min_confidence=cut)["entities"]
    assert kept == [e for e in kept if e["confidence"] >= cut] and 0 < len(kept) < len(result["entities"]) + 1
    assert [e["text"] for e in kept] == [e["text"] for e in result["entities"] if e["confidence"] >= cut]


def test_options_are_the_protocols():
    few = textlens.analyze(TRICKY, keywords=2, summary_sentences=1)
    assert len(few["keywords"]) <= 2 and len(few["summary"]) == 1
    assert textlens.analyze(TRICKY, summarySentences=1) == textlens.analyze(TRICKY, summary_sentences=1)
    off = textlens.analyze(TRICKY, entities=False, summary=False, sentences=False)
    assert list(off) == ["language", "languages", "keywords", "terms"]
    assert textlens.analyze(TRICKY, summary=2)["summary"] == textlens.analyze(TRICKY, summary_sentences=2)["summary"]


def test_the_language_option_and_which_analyses_ran_in_which_language():
    german = "Die Stadt eröffnet am 3. Oktober ihre neue Bibliothek. Die Leiterin rechnet mit vielen Besuchern."
    result = textlens.analyze(german)
    assert result["language"] == "de"
    assert list(result["languages"]) == ["detected", "words", "names", "model"]
    assert result["languages"]["detected"] == result["languages"]["words"] == "de"
    assert textlens.analyze("The council met on Monday.", language="fr")["languages"]["detected"] == "fr"
    japanese = textlens.analyze("東京で会議が開かれました。")["languages"]
    assert japanese == {"detected": "ja", "words": None, "names": "unavailable", "model": None}
    portuguese = textlens.analyze("O presidente da Câmara Municipal de Lisboa, Carlos Moedas, anunciou ontem a compra de autocarros.")
    assert portuguese["languages"] == {"detected": "pt", "words": "pt", "names": "ready", "model": "es"}
    assert "Carlos Moedas" in [e["text"] for e in portuguese["entities"] if e["label"] == "PERSON"]


@pytest.mark.parametrize(
    ("options", "named"),
    [({"language": "xx"}, "language"), ({"keywordz": 1}, "keywordz"), ({"keywords": 1000}, "keywords"), ({"keywords": "5"}, "keywords"), ({"sentences": 2}, "sentences"), ({"keywords": 10**400}, "keywords")],
)
def test_a_bad_option_raises_naming_it(options, named):
    with pytest.raises(ValueError, match=named):
        textlens.analyze("text", **options)
    with pytest.raises(ValueError, match=named):
        textlens.Analyzer(options)


def test_bad_texts():
    with pytest.raises(TypeError, match="str"):
        textlens.analyze(b"bytes")
    with pytest.raises(ValueError, match="too long"):
        textlens.analyze("a long text", max_length=3)


def test_batches_match_single_calls_in_order_and_never_stop():
    texts = [p.read_text(encoding="utf-8") for p in SEEDS] + [TRICKY, ""]
    singles = [textlens.analyze(t, keywords=5) for t in texts]
    assert textlens.analyze_batch(texts, keywords=5) == singles
    assert textlens.analyze_batch(iter(texts), threads=1, keywords=5) == singles
    assert textlens.analyze_batch(texts, threads=7, keywords=5) == singles
    mixed = textlens.analyze_batch(["Paris.", 5, "x" * 10, None], max_length=6)
    assert "language" in mixed[0]
    assert "str" in mixed[1]["error"] and "too long" in mixed[2]["error"] and "str" in mixed[3]["error"]
    assert textlens.analyze_batch([]) == []
    with pytest.raises(ValueError):
        textlens.analyze_batch(texts, threads=0)


def test_a_batch_releases_the_gil():
    texts = [p.read_text(encoding="utf-8") for p in SEEDS] * 40
    ticks = 0
    done = threading.Event()
    worker = threading.Thread(target=lambda: (textlens.analyze_batch(texts, threads=1), done.set()))
    started = time.perf_counter()
    worker.start()
    while not done.is_set():
        ticks += 1
    worker.join()
    seconds = time.perf_counter() - started
    # Holding the GIL, the batch would leave this thread no turn until it returned.
    assert seconds > 0.05, "help: the batch was too quick to tell"
    assert ticks > 10_000, f"help: this thread counted only {ticks} times in {seconds:.2f} s while the batch ran"


def analyze_in_child(analyzer, text):
    return analyzer.analyze(text)


def test_an_analyzer_pickles_and_a_spawned_process_uses_it():
    analyzer = textlens.Analyzer({"keywords": 3}, summary=False)
    copy = pickle.loads(pickle.dumps(analyzer))
    assert copy.options == {"keywords": 3, "summary": False}
    assert copy.analyze(TRICKY) == analyzer.analyze(TRICKY)
    assert "summary" not in copy.analyze(TRICKY)
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        assert pool.apply(analyze_in_child, (analyzer, TRICKY)) == analyzer.analyze(TRICKY)


LISTS = {
    "PRODUCT": [{"text": "Acme Rocket Skates", "aliases": ["ARS"]}],
    "ORG": {"entries": ["Globex"], "case_sensitive": True},
    "exclude": ["Windows"],
}
LISTED = "Globex sells ARS 😀 and Acme Rocket Skates. Windows crashed in Redmond. GLOBEX did not."


def test_entity_lists_label_group_and_exclude_with_code_point_offsets():
    answer = textlens.analyze(LISTED, entity_lists=LISTS, keywords=False, summary=False)
    marked = [(e["text"], e["label"]) for e in answer["entities"]]
    assert ("ARS", "PRODUCT") in marked and ("Acme Rocket Skates", "PRODUCT") in marked
    # A list match is certain (confidence 1); the model may still read "GLOBEX" as an ORG
    # on its own, but less surely.
    sure = {(e["text"], e["label"]): e["confidence"] for e in answer["entities"]}
    assert sure.get(("Globex", "ORG")) == 1.0 and sure.get(("GLOBEX", "ORG"), 0.0) < 1.0, "help: the ORG list is case-sensitive"
    assert all(text != "Windows" for text, _ in marked), "help: exclude removes what the model found"
    for e in answer["entities"]:
        assert LISTED[e["start"]:e["end"]] == e["text"], "help: offsets are code points, after the emoji too"
    group = next(g for g in answer["entity_groups"] if g["label"] == "PRODUCT")
    assert (group["text"], group["count"]) == ("Acme Rocket Skates", 2)


def test_an_analyzer_with_entity_lists_pickles_with_them():
    analyzer = textlens.Analyzer(entity_lists=LISTS, keywords=False)
    copy = pickle.loads(pickle.dumps(analyzer))
    assert copy.options["entity_lists"] == LISTS
    assert copy.analyze(LISTED) == analyzer.analyze(LISTED) == textlens.analyze(LISTED, entity_lists=LISTS, keywords=False)
    assert copy.analyze_batch([LISTED, "ARS"], threads=2)[1]["entity_groups"][0]["text"] == "Acme Rocket Skates"


@pytest.mark.parametrize(
    "lists, message",
    [
        ({"Product": ["x"]}, 'invalid option `entityLists`: "Product" is not a label'),
        ({"PRODUCT": ["Acme", ""]}, "invalid option `entityLists`: PRODUCT[1]: the phrase is empty"),
        ({"PRODUCT": ["Acme", 5]}, "invalid option `entityLists`: PRODUCT[1]: an entry must be a phrase (a string) or { text, aliases }, got a number"),
        ({"ORG": [{"text": "A", "aliases": [None]}]}, "invalid option `entityLists`: ORG[0].aliases[0]: an alias must be a string, got null"),
        ({"ORG": ["x" * 65_537]}, "invalid option `entityLists`: ORG[0]: the entry is 65537 bytes of UTF-8"),
        ({"ORG": [f"p{i}" for i in range(100_001)]}, "invalid option `entityLists`: ORG[100000]: over the limit of 100000 entries"),
    ],
)
def test_bad_entity_lists_raise_naming_list_and_entry(lists, message):
    with pytest.raises(ValueError) as raised:
        textlens.Analyzer(entity_lists=lists)
    assert str(raised.value).startswith(message)
    assert textlens.analyze_batch(["a"], entity_lists=None) == [textlens.analyze("a")]


def test_forking_after_a_batch_does_not_hang():
    textlens.analyze_batch([TRICKY] * 20, threads=2)
    with multiprocessing.get_context("fork").Pool(1) as pool:
        result = pool.apply_async(textlens.analyze_batch, ([TRICKY] * 20,), {"threads": 2})
        assert result.get(timeout=60)[0] == textlens.analyze(TRICKY)


def test_stubs_and_marker_ship():
    package = Path(textlens.__file__).parent
    assert (package / "_textlens.pyi").is_file() and (package / "py.typed").is_file()


def code_points(text):
    """Maps UTF-16 offsets of `text` to code-point offsets."""
    table, units = [0], 0
    for i, c in enumerate(text):
        units += 2 if ord(c) > 0xFFFF else 1
        table.extend([i + 1] * (units - len(table) + 1))
    return table


def as_code_points(text, answer):
    """A command-line answer (UTF-16 offsets) with code-point offsets and without its id."""
    at = code_points(text)
    answer = {k: v for k, v in answer.items() if k != "id"}
    for key in ("sentences", "entities", "summary"):
        for item in answer.get(key, []):
            item["start"], item["end"] = at[item["start"]], at[item["end"]]
    for group in answer.get("entity_groups", []):
        for m in group["mentions"]:
            m["start"], m["end"] = at[m["start"]], at[m["end"]]
    return answer


def native_cli():
    binary = Path(os.environ.get("TEXTLENS_BIN", ROOT / "target" / "release" / "textlens"))
    if not binary.is_absolute():
        binary = ROOT / binary
    if not binary.exists():
        pytest.skip(f"the native command line is not built ({binary}); `make test-native` builds it")
    return binary


def assert_same_as_cli(texts, options):
    lines = "".join(json.dumps({"id": i, "text": t, "options": options}) + "\n" for i, t in enumerate(texts))
    run = subprocess.run([native_cli(), "--jsonl"], input=lines.encode(), capture_output=True, check=True)
    answers = [json.loads(line) for line in run.stdout.decode().splitlines()]
    ours = textlens.analyze_batch(texts, **options)
    assert len(answers) == len(ours)
    for i, (text, answer, mine) in enumerate(zip(texts, answers, ours)):
        assert mine == as_code_points(text, answer), f"text {i}: Python and the command line differ"


def test_same_answers_as_the_command_line_with_entity_lists():
    assert_same_as_cli([LISTED, TRICKY, "acme rocket skates and ars"], {"entity_lists": LISTS})


def test_same_answers_as_the_command_line_on_the_seeds():
    texts = [p.read_text(encoding="utf-8") for p in SEEDS] + [TRICKY]
    assert_same_as_cli(texts, {})
    assert_same_as_cli(texts, {"keywords": 4, "entities": False, "summary_ratio": 0.5})


def test_same_answers_as_the_command_line_on_dev_data(capsys):
    if not DATA.is_dir():
        with capsys.disabled():
            print("\nskipped: ../shared/data not found")
        return
    for name in ["keywords/inspec.dev.jsonl", "ner/wnut17/dev.jsonl", "summary/cnndm.dev.jsonl"]:
        path = DATA / name
        texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        assert_same_as_cli(texts, {})

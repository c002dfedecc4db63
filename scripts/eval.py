#!/usr/bin/env python3
"""Scores the built package's CLI (`node pkg/cli.mjs --jsonl`) on the dev data in
../shared/data, with the metric definitions of the READMEs beside the data:

* keywords: F1@5/@10, NLTK Porter-stemmed exact match (Inspec, SemEval-2010, DUC-2001; French
            WikiNews, Portuguese 110-PT-BN-KP, and Polish pak2018 as a smoke test)
* summary:  ROUGE-1/2/L/Lsum F1 from rouge-score with stemming (CNN/DM k=3; BBC k=3 and k=matched,
            and k=3 with each article after its title)
* segment:  Golden Rules passed; UD boundary P/R/F1 (EWT, German GSD, French GSD)
* language: single-sentence detection accuracy per language (sentences of UD English, German and
            French, CoNLL-2002 Spanish and Dutch, 110-PT-BN-KP Portuguese, pak2018 Polish)
* ner:      micro P/R/F1 over PER/LOC/ORG, per type and lenient, exact span after snapping to gold tokens,
            on every English dev set (CoNLL-2003, BTC, WNUT-17, re3d, SEC) and the other languages'
            (CoNLL-2002 es/nl, GermEval 2014 de, Europeana fr/de/nl); ECE of the confidences
* names:    the same on the project's own Italian and Portuguese texts (tests/data/names-*.jsonl, in the
            repository: scored without ../shared/data too)

Usage: eval.py [--data DIR] [--only keywords,summary,segment,language,ner,names] [--json OUT] [--check THRESHOLDS] [--cli PATH]
With --check, exits 1 when a metric is past its threshold (a JSON object {"task|set|metric": minimum, or
{"max": maximum} for an error such as ECE}).
"""
import argparse
import bisect
import json
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The CLI scored (--cli picks another build, to compare two).
CLI = ROOT / "pkg" / "cli.mjs"


def u16(text, start, end):
    """The text between UTF-16 code-unit offsets, as JavaScript's slice gives it."""
    data = text.encode("utf-16-le", "surrogatepass")
    return data[2 * start:2 * end].decode("utf-16-le", "surrogatepass")


def run_cli(docs, options):
    """Sends one JSON line per document to the CLI; returns its answers by id and seconds taken."""
    lines = "".join(json.dumps({"id": d["id"], "text": d["text"], "options": options}) + "\n" for d in docs)
    started = time.perf_counter()
    out = subprocess.run(["node", str(CLI), "--jsonl"], input=lines, capture_output=True,
                         text=True, check=True).stdout
    seconds = time.perf_counter() - started
    answers = [json.loads(line) for line in out.splitlines() if line.strip()]
    if len(answers) != len(docs):
        sys.exit(f"CLI answered {len(answers)} lines for {len(docs)} inputs")
    for doc, answer in zip(docs, answers):
        if answer.get("id") != doc["id"]:
            sys.exit(f"CLI answered id {answer.get('id')!r} for {doc['id']!r}")
        if "error" in answer:
            sys.exit(f"CLI error on {doc['id']}: {answer['error']}")
    return answers, seconds


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def mb_per_s(docs, seconds):
    return sum(len(d["text"].encode()) for d in docs) / 1e6 / max(seconds, 1e-9)


# ---------------------------------------------------------------- keywords
def keyword_scores(data):
    from nltk.stem.porter import PorterStemmer
    stemmer = PorterStemmer()
    cache = {}

    def norm(phrase):
        key = phrase.lower()
        if key not in cache:
            cache[key] = " ".join(stemmer.stem(w) for w in re.findall(r"\w+", key))
        return cache[key]

    def score(docs, answers, gold_of):
        sums = {k: [0.0, 0.0, 0.0] for k in (5, 10)}
        counted = 0
        for doc, answer in zip(docs, answers):
            gold = {n for n in map(norm, gold_of(doc)) if n}
            if not gold:
                continue
            counted += 1
            predicted = []
            for kw in answer.get("keywords", []):
                n = norm(kw["text"])
                if n and n not in predicted:
                    predicted.append(n)
            for k in (5, 10):
                top = predicted[:k]
                hits = sum(1 for p in top if p in gold)
                p = hits / len(top) if top else 0.0
                r = hits / len(gold)
                f = 2 * p * r / (p + r) if p + r else 0.0
                for i, v in enumerate((p, r, f)):
                    sums[k][i] += v
        row = {f"{m}@{k}": 100 * sums[k][i] / max(counted, 1) for k in (5, 10) for i, m in enumerate("PRF")}
        row["docs"] = counted
        return row

    results = {}
    for name in ("inspec", "semeval2010", "duc2001", "wikinews_fr", "ptbnkp_pt", "pak2018_pl"):
        path = data / "keywords" / f"{name}.dev.jsonl"
        if not path.exists():
            continue
        docs = load(path)
        answers, seconds = run_cli(docs, {"keywords": 10})
        results[name] = score(docs, answers, lambda d: d["keyphrases"])
        results[name]["MB/s"] = mb_per_s(docs, seconds)
        if name == "inspec":
            results["inspec/union"] = score(docs, answers, lambda d: d["keyphrases_alt"]["union"])
    return results


# ---------------------------------------------------------------- summary
def summary_scores(data):
    from rouge_score import rouge_scorer
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL", "rougeLsum"], use_stemmer=True)
    results = {}
    # "titled": each BBC article after its title and a blank line, as a user pastes a
    # page (the set keeps the title apart); the title is no reference sentence.
    titled = lambda d: {**d, "text": d["title"] + "\n\n" + d["text"]}
    runs = [("cnndm", "3", lambda d: 3, None), ("bbc", "3", lambda d: 3, None),
            ("bbc", "matched", lambda d: d["n_ref_sentences"], None), ("bbc", "3+title", lambda d: 3, titled)]
    for name, label, k_of, shape in runs:
        docs = load(data / "summary" / f"{name}.dev.jsonl")
        docs = [shape(d) for d in docs] if shape else docs
        by_k = {}
        for d in docs:
            by_k.setdefault(k_of(d), []).append(d)
        totals = {m: 0.0 for m in ("rouge1", "rouge2", "rougeL", "rougeLsum")}
        seconds = 0.0
        for k, group in sorted(by_k.items()):
            answers, s = run_cli(group, {"summary_sentences": k})
            seconds += s
            for doc, answer in zip(group, answers):
                picked = [u16(doc["text"], s["start"], s["end"]) for s in answer.get("summary", [])]
                reference = "\n".join(doc["reference_sentences"])
                scores = scorer.score(reference, "\n".join(picked))
                for m in totals:
                    totals[m] += scores[m].fmeasure
        row = {m.replace("rouge", "R-"): 100 * v / len(docs) for m, v in totals.items()}
        row["docs"] = len(docs)
        results[f"{name}/k={label}"] = row
    return results


# ---------------------------------------------------------------- segment
def segment_scores(data):
    results = {}
    docs = load(data / "segment" / "golden_rules_en.dev.jsonl")
    answers, _ = run_cli(docs, {"sentences": True})
    failed = []
    for doc, answer in zip(docs, answers):
        got = [u16(doc["text"], s["start"], s["end"]).strip() for s in answer.get("sentences", [])]
        if [g for g in got if g] != doc["expected"]:
            failed.append(doc["rule"])
    results["golden_rules_en"] = {"passed": len(docs) - len(failed), "of": len(docs), "failed": failed}
    for name in ("ud_en_ewt", "ud_de_gsd", "ud_fr_gsd"):
        docs = load(data / "segment" / f"{name}.dev.jsonl")
        answers, seconds = run_cli(docs, {"sentences": True})
        tp = fp = fn = 0
        for doc, answer in zip(docs, answers):
            def boundaries(spans):
                ends = set()
                for s in spans:
                    piece = u16(doc["text"], s["start"], s["end"])
                    ends.add(s["start"] + len(piece.rstrip().encode("utf-16-le")) // 2)
                doc_end = len(doc["text"].rstrip().encode("utf-16-le")) // 2
                ends.discard(doc_end)
                return ends
            gold, predicted = boundaries(doc["sentences"]), boundaries(answer.get("sentences", []))
            tp += len(gold & predicted)
            fp += len(predicted - gold)
            fn += len(gold - predicted)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        results[name] = {"P": 100 * p, "R": 100 * r, "F1": 100 * (2 * p * r / (p + r) if p + r else 0.0), "docs": len(docs)}
    return results


# ---------------------------------------------------------------- language
# Where single sentences of each language come from: (language, file, gold sentence spans?).
LANGUAGE_SETS = (("en", "segment/ud_en_ewt.dev.jsonl", True), ("de", "segment/ud_de_gsd.dev.jsonl", True),
                 ("fr", "segment/ud_fr_gsd.dev.jsonl", True), ("es", "ner/conll2002/es.dev.jsonl", False),
                 ("nl", "ner/conll2002/nl.dev.jsonl", False), ("pt", "keywords/ptbnkp_pt.dev.jsonl", False),
                 ("pl", "keywords/pak2018_pl.dev.jsonl", False), ("en/tweets", "ner/wnut17/dev.jsonl", None))
# Sentences per language (the first ones of at least MIN_WORDS words), and that minimum:
# a tweet-length sentence, not a heading or a dateline. English tweets (WNUT-17, whole
# documents) show how often an English text loses the English name model.
LANGUAGE_SENTENCES = 300
MIN_WORDS = 5


def language_scores(data):
    results = {}
    for language, name, gold_spans in LANGUAGE_SETS:
        path = data / name
        if not path.exists():
            continue
        sentences = []
        for doc in load(path):
            if gold_spans is None:
                pieces = [doc["text"]]
            elif gold_spans:
                pieces = [u16(doc["text"], s["start"], s["end"]) for s in doc["sentences"]]
            else:
                pieces = re.split(r"(?<=[.!?])\s+", doc["text"])
            sentences += [p.strip() for p in pieces if len(p.split()) >= MIN_WORDS]
            if len(sentences) >= LANGUAGE_SENTENCES:
                break
        docs = [{"id": f"{language}-{i}", "text": s} for i, s in enumerate(sentences[:LANGUAGE_SENTENCES])]
        language, row = language.split("/")[0], language
        answers, _ = run_cli(docs, {"sentences": False, "keywords": False, "terms": False, "entities": False, "summary": False})
        wrong = {}
        for answer in answers:
            if answer["language"] != language:
                wrong[answer["language"]] = wrong.get(answer["language"], 0) + 1
        results[row] = {"accuracy": 100 * (len(docs) - sum(wrong.values())) / max(len(docs), 1), "sentences": len(docs),
                             "wrong": ",".join(f"{k}:{v}" for k, v in sorted(wrong.items(), key=lambda kv: -kv[1]))}
    right = sum(r["accuracy"] * r["sentences"] for r in results.values())
    results["all"] = {"accuracy": right / max(sum(r["sentences"] for r in results.values()), 1)}
    return results


# ---------------------------------------------------------------- ner
PUNCT_OR_CLITIC = re.compile(r"^(?:[^\w\s]+|'s|')$", re.IGNORECASE)
TYPES = {"PERSON": "PER", "PER": "PER", "ORG": "ORG", "LOCATION": "LOC", "LOC": "LOC", "GPE": "LOC", "MISC": "MISC"}
MAIN = ("PER", "LOC", "ORG")
# The English dev sets: directory under ner/, and the name the rows are printed under.
NER_SETS = (("conll2003", "conll"), ("btc", "btc"), ("wnut17", "wnut17"), ("re3d", "re3d"), ("sec", "sec"))
# Mentions that are not names, which the model is not trained to find (see
# examples/train_ner.rs): pronouns, spans without a capitalised word or a digit
# ("the army", "civilians"), and a contract's parties named by their role ("Borrower").
PRONOUNS = set("i me my mine myself we us our ours ourselves you your yours yourself he him his himself she her hers "
               "herself it its itself they them their theirs themselves here there this that these those who whom".split())
ARTICLES = ("the", "a", "an")
# The words that end a place's name ("region", "city"), as the rules' list has them.
PLACE_WORDS = {w for line in (ROOT / "src" / "entities" / "lists" / "loc_words.txt").read_text().splitlines()
               if not line.startswith("#") for w in line.split()}
ROLES = set("borrower borrowers lender lenders bank agent guarantor guarantors trustee issuer holder holders".split())


def is_name(text):
    words = re.findall(r"\w+", text)
    if not words or " ".join(words).lower() in PRONOUNS or (len(words) == 1 and words[0].lower() in ROLES):
        return False
    return any(w[0].isupper() or w[0].isdigit() for w in words)


def prf(tp, n_pred, n_gold):
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"P": 100 * p, "R": 100 * r, "F1": 100 * (2 * p * r / (p + r) if p + r else 0.0)}


def ece(pairs, bins=10):
    """Expected calibration error over `bins` equal-width bins of (confidence, correct) pairs."""
    if not pairs:
        return None
    total = 0.0
    for b in range(bins):
        inside = [(c, ok) for c, ok in pairs if min(int(c * bins), bins - 1) == b]
        if inside:
            total += abs(sum(c for c, _ in inside) / len(inside) - sum(ok for _, ok in inside) / len(inside)) * len(inside)
    return total / len(pairs)


def ner_spans(doc, answer):
    """Gold names {(first token, last token), type} and predictions {same: confidence}, snapped
    to the gold tokens and trimmed of punctuation and possessives at either end; and the gold
    of the names-only view: names without a leading article, with the spans of the gold
    mentions that are no names (predictions there count neither way)."""
    units = doc["text"].encode("utf-16-le", "surrogatepass")
    token_text = [units[2 * a:2 * b].decode("utf-16-le", "surrogatepass") for a, b in doc["tokens"]]
    starts = [a for a, _ in doc["tokens"]]

    def trim(first, last):
        while first <= last and PUNCT_OR_CLITIC.match(token_text[first]):
            first += 1
        while last >= first and PUNCT_OR_CLITIC.match(token_text[last]):
            last -= 1
        return (first, last) if first <= last else None

    gold, names, not_names = set(), set(), []
    for e in doc["entities"]:
        span = trim(e["tok"][0], e["tok"][1] - 1)
        if not span:
            continue
        gold.add((span, e["label"]))
        if not is_name(e["text"]):
            not_names.append(span)
            continue
        first, last = span
        if first < last and token_text[first].lower() in ARTICLES and is_name(" ".join(token_text[first + 1:last + 1])):
            first += 1
        # A name followed by a description ("Kurdistan region", "Iraqi forces"): a place
        # stays the place named; anything else is left open, as training leaves it.
        described = last
        while described > first and token_text[described].isalpha() and token_text[described].islower() \
                and is_name(" ".join(token_text[first:described])):
            described -= 1
        # A place stays a place only when the words after it say what kind of place it
        # is ("Kurdistan region"); "ISIL targets" and "ISIL - held building" are places,
        # "ISIL" is not.
        place = e["label"] == "LOC" and all(w in PLACE_WORDS for w in token_text[described + 1:last + 1])
        if described < last and not place:
            not_names.append(span)
            continue
        names.add(((first, described), e["label"]))
    predicted = {}
    for e in answer.get("entities", []):
        label = TYPES.get(e.get("label"))
        if label is None:
            continue
        first = max(bisect.bisect_right(starts, e["start"]) - 1, 0)
        covered = [i for i in range(first, len(starts)) if starts[i] < e["end"] and e["start"] < doc["tokens"][i][1]]
        span = trim(covered[0], covered[-1]) if covered else None
        if span:
            predicted[(span, label)] = e.get("confidence")
    return {"gold": gold, "names": (names, not_names), "predicted": predicted, "tokens": token_text}


def score_ner(docs, view=lambda d: (d["gold"], [])):
    """Rows of P/R/F1 per type, micro over PER/LOC/ORG, lenient overlap, and the calibration
    pairs (confidence, correct) of the predicted PER/LOC/ORG mentions. `view` gives each
    document's gold names and the spans where predictions are not counted."""
    counts = {t: [0, 0, 0] for t in ("PER", "LOC", "ORG", "MISC")}  # tp, predicted, gold
    lenient = [0, 0, 0]
    calibration = []
    for d in docs:
        gold, ignored = view(d)
        predicted = {key: c for key, c in d["predicted"].items() if not any(a <= key[0][1] and key[0][0] <= b for a, b in ignored)}
        for t in counts:
            g = {x for x in gold if x[1] == t}
            p = {x for x in predicted if x[1] == t}
            counts[t][0] += len(g & p)
            counts[t][1] += len(p)
            counts[t][2] += len(g)
        main_gold = [x for x in gold if x[1] in MAIN]
        main_pred = [x for x in predicted if x[1] in MAIN]
        lenient[0] += sum(1 for (a, b), t in main_pred if any(t == u and a <= d and c <= b for (c, d), u in main_gold))
        lenient[1] += len(main_pred)
        lenient[2] += len(main_gold)
        calibration += [(predicted[x], x in gold) for x in main_pred if predicted[x] is not None]
    rows = {"micro": prf(*[sum(counts[t][i] for t in MAIN) for i in range(3)])}
    # MISC is counted above but not shown: the analyzer does not emit it.
    rows.update((t, prf(*counts[t])) for t in MAIN)
    rows["lenient"] = prf(*lenient)
    rows["micro"]["ECE"] = ece(calibration)
    return rows, calibration


def without_handles(d):
    """BTC's gold without @-handles and #hashtags, as the issue's tweet figures count it."""
    handles = {key for key in d["gold"] if d["tokens"][key[0][0] - 1 if key[0][0] else 0] in ("@", "#") or
               d["tokens"][key[0][0]][:1] in ("@", "#")}
    return d["gold"] - handles, [span for span, _ in handles]


# The other languages' dev sets: file under ner/, the name the rows are printed under, and
# the language (README-multilingual.md). Each has its own model (models/ner-<language>.bin).
NER_LANGUAGE_SETS = (("conll2002/es.dev.jsonl", "es-dev", "es"), ("conll2002/nl.dev.jsonl", "nl-dev", "nl"),
                     ("germeval2014/de.dev.jsonl", "de-dev", "de"), ("europeana/fr.dev.jsonl", "fr-dev", "fr"),
                     ("europeana/de.dev.jsonl", "enp-de-dev", "de"), ("europeana/nl.dev.jsonl", "enp-nl-dev", "nl"))


def language_option(language):
    """The options that name the text's language, where the CLI has the `language` option;
    else none, and the CLI detects it."""
    global LANGUAGE_OPTION
    if LANGUAGE_OPTION is None:
        probe = json.dumps({"id": "probe", "text": "Hallo.", "options": {"language": "de"}}) + "\n"
        out = subprocess.run(["node", str(CLI), "--jsonl"], input=probe, capture_output=True, text=True).stdout
        LANGUAGE_OPTION = '"error"' not in out
    return {"language": language} if LANGUAGE_OPTION else {}


LANGUAGE_OPTION = None


# Italian and Portuguese have no labelled names in ../shared/data: their names (found by the
# Spanish model, src/entities/model/registry.rs) are scored on texts written for the project,
# in the repository (tests/data/README-names.md): file, row name, language.
NER_OWN_SETS = (("names-it.jsonl", "it-own", "it"), ("names-pt.jsonl", "pt-own", "pt"))


def own_ner_docs(path):
    """A file of texts with their names ({"text", "entities": [{"text", "label"}]}, every
    mention in text order) in the form of the dev sets: tokens as UTF-16 offsets, and each
    entity's token range, found at its next occurrence after the previous mention."""
    docs = []
    for n, item in enumerate(load(path)):
        text = item["text"]
        if len(text.encode("utf-16-le")) != 2 * len(text):
            sys.exit(f"{path}: text {n} leaves the Basic Multilingual Plane; offsets would differ")
        tokens = [(m.start(), m.end()) for m in re.finditer(r"\w+|[^\w\s]", text)]
        starts = [a for a, _ in tokens]
        entities, at = [], 0
        for e in item["entities"]:
            start = text.find(e["text"], at)
            if start < 0:
                sys.exit(f"{path}: text {n} has no {e['text']!r} after offset {at}")
            end = start + len(e["text"])
            first = bisect.bisect_left(starts, start)
            last = bisect.bisect_left(starts, end)
            entities.append({"text": e["text"], "label": e["label"], "tok": [first, last]})
            at = end
        docs.append({"id": f"{path.stem}-{n}", "text": text, "tokens": tokens, "entities": entities})
    return docs


def ner_language_scores(data):
    """Every other language's dev set through its language's model: micro P/R/F1 over
    PER/LOC/ORG, ECE, and how many documents detection reads in the right language."""
    results = {}
    for file, name, language in NER_LANGUAGE_SETS:
        path = data / "ner" / file
        if not path.exists():
            continue
        docs = load(path)
        answers, seconds = run_cli(docs, language_option(language))
        spans = [ner_spans(doc, answer) for doc, answer in zip(docs, answers)]
        rows, _ = score_ner(spans)
        rows["micro"]["MB/s"] = mb_per_s(docs, seconds)
        # Detection scored on a run of its own where the scored run names the language.
        detected = run_cli(docs, {})[0] if language_option(language) else answers
        rows["micro"]["language %"] = 100 * sum(a.get("language") == language for a in detected) / len(detected)
        results.update((f"{name} {row}", values) for row, values in rows.items() if row != "lenient")
    return results


def own_ner_scores(_data):
    """The project's own Italian and Portuguese texts (in the repository, so scored without
    ../shared/data too), their language detected as a user's would be: micro P/R/F1 over
    PER/LOC/ORG, per type, and how many texts detection reads in the right language."""
    results = {}
    for file, name, language in NER_OWN_SETS:
        docs = own_ner_docs(ROOT / "tests" / "data" / file)
        answers, _ = run_cli(docs, {})
        rows, _ = score_ner([ner_spans(doc, answer) for doc, answer in zip(docs, answers)])
        rows["micro"]["language %"] = 100 * sum(a.get("language") == language for a in answers) / len(answers)
        results.update((f"{name} {row}", values) for row, values in rows.items() if row != "lenient")
    return results


def ner_scores(data):
    """Every English dev set, and the names-only view of re3d and SEC (gold pronouns, nominals
    and party roles left out, leading articles trimmed) and of BTC without @-handles and
    #hashtags."""
    results = {}
    pooled = []
    for directory, name in NER_SETS:
        path = data / "ner" / directory / "dev.jsonl"
        if not path.exists():
            continue
        docs = load(path)
        # The sets' language is known: detection is scored on its own (a misread tweet
        # would get no names, or another language's).
        answers, seconds = run_cli(docs, language_option("en"))
        spans = [ner_spans(doc, answer) for doc, answer in zip(docs, answers)]
        rows, calibration = score_ner(spans)
        if name != "conll":
            pooled += calibration
        rows["micro"]["MB/s"] = mb_per_s(docs, seconds)
        results.update((f"{name} {row}", values) for row, values in rows.items())
        if name in ("re3d", "sec"):
            results[f"{name} names micro"] = score_ner(spans, lambda d: d["names"])[0]["micro"]
        if name == "btc":
            results["btc no-@# micro"] = score_ner(spans, without_handles)[0]["micro"]
    results["pooled non-conll"] = {"ECE": ece(pooled), "mentions": len(pooled)}
    # Text typed without capitals or shouted: CoNLL dev (ASCII, so the offsets hold) in
    # lower case and in capitals, against the same gold.
    path = data / "ner" / "conll2003" / "dev.jsonl"
    if path.exists():
        for case in ("lower", "upper"):
            docs = [dict(d, text=getattr(d["text"], case)()) for d in load(path)]
            answers, _ = run_cli(docs, language_option("en"))
            spans = [ner_spans(doc, answer) for doc, answer in zip(docs, answers)]
            results[f"conll-{case} micro"] = score_ner(spans)[0]["micro"]
    results.update(ner_language_scores(data))
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--only", default="keywords,summary,segment,language,ner,names")
    parser.add_argument("--json", help="write all results to this file")
    parser.add_argument("--cli", help="the CLI to score (default: pkg/cli.mjs of this repository)")
    parser.add_argument("--check", help="JSON thresholds {\"task|set|metric\": minimum or {\"max\": maximum}}; exit 1 when one is missed")
    args = parser.parse_args()
    if args.cli:
        global CLI
        CLI = Path(args.cli).resolve()
    data = Path(args.data)
    tasks = {"keywords": keyword_scores, "summary": summary_scores, "segment": segment_scores, "language": language_scores,
             "ner": ner_scores, "names": own_ner_scores}
    only = args.only.split(",")
    if not data.is_dir():
        # The project's own texts are in the repository: only they are scored.
        print(f"skipped: evaluation data not found at {data}; scoring the repository's own texts only")
        only = [name for name in only if name == "names"]
    results = {}
    for name in only:
        started = time.perf_counter()
        results[name] = tasks[name](data)
        print(f"\n## {name}  ({time.perf_counter() - started:.1f} s)")
        for dataset, row in results[name].items():
            cells = "  ".join(f"{k} {v:.{4 if k == 'ECE' else 2}f}" if isinstance(v, float) else f"{k} {v}"
                              for k, v in row.items() if v is not None)
            print(f"{dataset:24s} {cells}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1) + "\n")
    if args.check:
        failures = []
        for key, bound in json.loads(Path(args.check).read_text()).items():
            task, dataset, metric = key.split("|")
            if task not in results:
                continue
            value = results[task][dataset][metric]
            # A number is a minimum; {"max": x} a maximum (an error such as ECE).
            if isinstance(bound, dict):
                ok, relation, limit = value is not None and value <= bound["max"], "<=", bound["max"]
            else:
                ok, relation, limit = value is not None and value >= bound, ">=", bound
            shown = "none" if value is None else f"{value:.4f}"
            print(f"check {key}: {shown} {relation} {limit} {'ok' if ok else 'MISSED'}")
            if not ok:
                failures.append(key)
        if failures:
            print(f"FAILED: {len(failures)} metric(s) past their threshold: {failures}")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

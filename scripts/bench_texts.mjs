// The texts of `make bench` (scripts/bench.mjs). Real, distinct documents from
// ../shared/data, so that the word memos meet new words as a user's texts bring them
// (issue 17): a 1 MB text built from the seeds held only about 20 KB of distinct prose,
// so the memos answered almost every word after the first pages and flattered the figure.
// The data is research-only in part (CoNLL-2003 is Reuters, CoNLL-2002 EFE): it is read
// at run time and written only to a temporary folder, never committed or shipped.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** A fixed-seed PRNG, so that every run builds the same bytes. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The pools, by what they hold. News is what the 1 MB row and the comparison with wink-nlp
// read; the 10 MB row reads every pool, English and not, which together hold about 12.8 MB,
// so it repeats no document.
const POOLS = {
  news: ['ner/conll2003/train.jsonl', 'ner/conll2003/dev.jsonl', 'summary/cnndm.dev.jsonl', 'summary/bbc.dev.jsonl', 'keywords/duc2001.dev.jsonl'],
  papers: ['keywords/inspec.dev.jsonl', 'keywords/semeval2010.dev.jsonl'],
  otherLanguages: [
    'ner/conll2002/es.dev.jsonl', 'ner/conll2002/nl.dev.jsonl', 'ner/germeval2014/de.dev.jsonl', 'ner/europeana/de.dev.jsonl',
    'ner/europeana/fr.dev.jsonl', 'ner/europeana/nl.dev.jsonl', 'keywords/wikinews_fr.dev.jsonl', 'keywords/ptbnkp_pt.dev.jsonl',
  ],
};

function shuffled(xs, random) {
  return xs.map((x) => [random(), x]).sort((a, b) => a[0] - b[0]).map(([, x]) => x);
}

function readDocuments(path) {
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line).text).filter(Boolean);
}

/** Documents joined by blank lines, from `start`, until `bytes` are reached. */
function take(documents, bytes, start = 0) {
  const out = [];
  let size = 0;
  let i = start;
  for (; i < documents.length && size < bytes; i++) {
    out.push(documents[i]);
    size += Buffer.byteLength(documents[i]) + 2;
  }
  return { text: out.join('\n\n'), next: i };
}

/**
 * The real-text rows' texts, or `{ missing }` naming the files ../shared/data lacks.
 * `news1`: 1 MB of English news (CoNLL-2003, CNN/DailyMail, BBC, DUC-2001) in a shuffled
 * order; `fresh`: the next 1 MB of that order, for the fresh-vocabulary row (run in fresh
 * processes); `other1`: about 1 MB of German, French, Spanish, Dutch and Portuguese dev
 * texts; `all10`: 10 MB of every pool shuffled together.
 */
export function realTexts(root) {
  const data = join(root, '..', 'shared', 'data');
  const all = Object.values(POOLS).flat();
  const missing = all.filter((f) => !existsSync(join(data, f)));
  if (missing.length) return { missing };
  const random = mulberry32(17);
  const pool = (name) => shuffled(POOLS[name].flatMap((f) => readDocuments(join(data, f))), random);
  const news = pool('news');
  const other = pool('otherLanguages');
  const first = take(news, 1e6);
  return {
    news1: first.text,
    fresh: take(news, 1e6, first.next).text,
    other1: take(other, 1e6).text,
    all10: take(shuffled([...news, ...pool('papers'), ...other], random), 10e6).text,
  };
}

/** Distinct lower-cased words per MB: how much a text asks of the memos. */
export function vocabularyPerMb(text) {
  const words = new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  return words.size / (Buffer.byteLength(text) / 1e6);
}

// ---------------------------------------------------------------------------------
// The seed-built text, kept as a second, labelled row: each document takes its title and
// three in four of its sentences from one of the news-like seeds (the report, the essay
// and the two written reports; not the short note or the travel notes, which still lend
// a sentence now and then), the rest from any seed, in a shuffled order, with the second
// half of the digits of every number redrawn (so years stay years).

const NEWS_SEEDS = /^0[0345]0_/;

function seedArticles(root) {
  const dir = join(root, 'seeds');
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => {
    const paragraphs = readFileSync(join(dir, f), 'utf8').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
    // A first paragraph without closing punctuation is the headline.
    const title = /[.!?"”]$/.test(paragraphs[0]) ? null : paragraphs.shift();
    const sentences = paragraphs.flatMap((p) => p.split(/(?<=[.!?]["”’)]?)\s+(?=["“‘(]?[\p{Lu}\d])/u));
    return { title, sentences, news: NEWS_SEEDS.test(f) };
  }).filter((a) => a.sentences.length > 0);
}

export function seedCorpus(root, targetBytes, seed = 2024) {
  const random = mulberry32(seed);
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const articles = seedArticles(root);
  const homes = articles.filter((a) => a.news);
  const titles = articles.map((a) => a.title).filter(Boolean);
  const redraw = (s) => s.replace(/\d+/g, (n) => {
    const keep = Math.ceil(n.length / 2);
    return n.slice(0, keep) + [...n.slice(keep)].map(() => Math.floor(random() * 10)).join('');
  });
  const docs = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    const home = pick(homes);
    const parts = [home.title ?? pick(titles)];
    const paragraphs = 4 + Math.floor(random() * 9);
    for (let p = 0; p < paragraphs; p++) {
      const sentences = [];
      const count = 1 + Math.floor(random() * 4);
      for (let s = 0; s < count; s++) sentences.push(redraw(pick(random() < 0.75 ? home.sentences : pick(articles).sentences)));
      parts.push(sentences.join(' '));
    }
    const doc = parts.join('\n\n');
    docs.push(doc);
    bytes += Buffer.byteLength(doc) + 2;
  }
  return docs.join('\n\n');
}

/** Texts built to hurt, each about 1 MB, made from a normal 1 MB text. */
export function pathological(normal) {
  const words = normal.split(/\s+/).filter(Boolean);
  const lines = [];
  for (let i = 0, line = ''; lines.length < 100_000; i++) {
    line = line ? `${line} ${words[i % words.length]}` : words[i % words.length];
    if (line.length >= 8) {
      lines.push(line);
      line = '';
    }
  }
  return {
    'no spaces': normal.replace(/\s+/g, ''),
    'one giant sentence': normal.replace(/[.!?;:…]/g, '').replace(/\s+/g, ' '),
    '100,000 short lines': lines.join('\n'),
    'every word capitalised': normal.replace(/(^|\s)(\p{Ll})/gu, (_, space, letter) => space + letter.toUpperCase()),
  };
}

/** The first `bytes` of a text, cut at a document boundary. */
export function slice(text, bytes) {
  const cut = text.lastIndexOf('\n\n', bytes);
  return text.slice(0, cut > 0 ? cut : bytes);
}

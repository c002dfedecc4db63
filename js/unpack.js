// Builds result objects from a packed result: the one place in JavaScript that knows the
// wire format (the TypeScript types beside it, textlens.d.ts, name the same fields).
// src/pack.rs writes the format from the Rust result types' serde derives; a field added
// there is added here, in textlens.d.ts, and nowhere else.
//
// The wasm returns [numbers, strings]: every number in one Float64Array, every string
// joined in one string. A worker transfers both as they are.
//
// numbers, in order:
//   0          L: where the label table starts
//   1          the number of sections (top-level fields of the result): SECTIONS.length
//   2 + 2i     where section i starts in numbers
//   3 + 2i     where section i's first string starts in strings (UTF-16 code units)
//   …          each section's value, in the order of SECTIONS
//   L          the label table: its length, the offset in strings of its first name,
//              then the length of each name (the names are the last strings)
//
// A value is packed as:
//   number     itself (counts and offsets are exact: they stay far below 2^53)
//   string     its length in UTF-16 code units; its text comes next in strings
//   list       its length, then its items
//   struct     its fields in order, with a flattened span's start and end in its place
//   label      its index in the label table (an enum's variant too)
//   string?    an optional string: its length, or -1 for null
//
// The sections and their items' fields, in packed order:
//   stats          characters, words, sentences, paragraphs, readingTimeSeconds,
//                  averageSentenceLength, language (string)
//   sentences      [start, end, score]
//   terms          [term (string), count]
//   keywords       [text (string), score, count, occurrences ([start, end])]
//   entities       [text (string), label, start, end, group, confidence]
//   entityGroups   [text (string), label, count, mentions ([start, end]), confidence]
//   summary        [index, start, end, text (string), score]
//   languages      detected (string), words (string?), names (label: "ready",
//                  "not-loaded" or "unavailable"), model (string?)
//
// Objects get their keys in that order, the order of the types. unpack() builds them at
// once (what analyze() returns), or, with { lazy: true }, each section on first read and
// the span lists of key phrases and entity groups on first read (what the element uses:
// a long text's result holds tens of thousands of objects that the page may never read).

/** The sections of a result, in packed order. */
export const SECTIONS = ['stats', 'sentences', 'terms', 'keywords', 'entities', 'entityGroups', 'summary', 'languages'];

const READERS = {
  stats: readStats,
  sentences: readSentences,
  terms: readTerms,
  keywords: readKeywords,
  entities: readEntities,
  entityGroups: readEntityGroups,
  summary: readSummary,
  languages: readLanguages,
};

/**
 * The result objects of a packed result: the `sections` asked for, in that order.
 * @param {Float64Array} numbers
 * @param {string} strings
 * @param {{ sections?: string[], lazy?: boolean }} [how]
 */
export function unpack(numbers, strings, how) {
  const sections = how?.sections ?? SECTIONS;
  const lazy = how?.lazy === true;
  checkFormat(numbers);
  const labels = labelsOf(numbers, strings);
  const result = {};
  for (let k = 0; k < sections.length; k++) {
    const name = sections[k];
    const i = SECTIONS.indexOf(name);
    const n = numbers[2 + 2 * i] | 0;
    const s = numbers[3 + 2 * i] | 0;
    if (lazy) lazily(result, name, () => READERS[name](numbers, strings, n, s, labels, true));
    else result[name] = READERS[name](numbers, strings, n, s, labels, false);
  }
  return result;
}

/**
 * The entities as parallel columns, without building their objects: `marks` holds start,
 * end, label (an index into `labels`) and group of each entity, four numbers apiece, and
 * `confidences` the confidence of each.
 * @param {Float64Array} numbers
 * @param {string} strings
 */
export function entityMarks(numbers, strings) {
  checkFormat(numbers);
  let n = numbers[2 + 2 * SECTIONS.indexOf('entities')] | 0;
  const count = numbers[n++] | 0;
  const marks = new Int32Array(count * 4);
  const confidences = new Float64Array(count);
  for (let i = 0, k = 0; i < count; i++, k += 4) {
    marks[k + 2] = numbers[n + 1];
    marks[k] = numbers[n + 2];
    marks[k + 1] = numbers[n + 3];
    marks[k + 3] = numbers[n + 4];
    confidences[i] = numbers[n + 5];
    n += 6;
  }
  return { marks, confidences, labels: labelsOf(numbers, strings) };
}

function checkFormat(numbers) {
  if (numbers[1] !== SECTIONS.length) {
    throw new Error(`textlens: the wasm packs ${numbers[1]} sections where unpack.js reads ${SECTIONS.length}; they come from different builds`);
  }
}

function labelsOf(numbers, strings) {
  let n = numbers[0] | 0;
  const labels = new Array(numbers[n]);
  let s = numbers[n + 1] | 0;
  n += 2;
  for (let i = 0; i < labels.length; i++) {
    const start = s;
    s += numbers[n++] | 0;
    labels[i] = strings.slice(start, s);
  }
  return labels;
}

/** Defines `key` on `object` as a value built on first read and kept from then on as data. */
function lazily(object, key, build) {
  const settle = (value) => {
    // A result the caller froze keeps the getter, which then builds the value on each read.
    if (Object.isExtensible(object)) Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  };
  Object.defineProperty(object, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = build();
      settle(value);
      return value;
    },
    set: settle,
  });
}

function readSpans(numbers, n, count) {
  const list = new Array(count);
  for (let i = 0; i < count; i++) {
    list[i] = { start: numbers[n] | 0, end: numbers[n + 1] | 0 };
    n += 2;
  }
  return list;
}

function readStats(numbers, strings, n, s) {
  return {
    characters: numbers[n] | 0,
    words: numbers[n + 1] | 0,
    sentences: numbers[n + 2] | 0,
    paragraphs: numbers[n + 3] | 0,
    readingTimeSeconds: numbers[n + 4] | 0,
    averageSentenceLength: numbers[n + 5],
    language: strings.slice(s, s + (numbers[n + 6] | 0)),
  };
}

function readSentences(numbers, strings, n) {
  const list = new Array(numbers[n++]);
  for (let i = 0; i < list.length; i++) {
    list[i] = { start: numbers[n] | 0, end: numbers[n + 1] | 0, score: numbers[n + 2] };
    n += 3;
  }
  return list;
}

function readTerms(numbers, strings, n, s) {
  const list = new Array(numbers[n++]);
  for (let i = 0; i < list.length; i++) {
    const start = s;
    s += numbers[n] | 0;
    list[i] = { term: strings.slice(start, s), count: numbers[n + 1] | 0 };
    n += 2;
  }
  return list;
}

function readKeywords(numbers, strings, n, s, labels, lazy) {
  const list = new Array(numbers[n++]);
  for (let i = 0; i < list.length; i++) {
    const start = s;
    s += numbers[n] | 0;
    const text = strings.slice(start, s);
    const spans = numbers[n + 3] | 0;
    const at = n + 4;
    if (lazy) {
      const keyword = { text, score: numbers[n + 1], count: numbers[n + 2] | 0, occurrences: null };
      lazily(keyword, 'occurrences', () => readSpans(numbers, at, spans));
      list[i] = keyword;
    } else {
      list[i] = { text, score: numbers[n + 1], count: numbers[n + 2] | 0, occurrences: readSpans(numbers, at, spans) };
    }
    n = at + 2 * spans;
  }
  return list;
}

function readEntities(numbers, strings, n, s, labels) {
  const list = new Array(numbers[n++]);
  for (let i = 0; i < list.length; i++) {
    const start = s;
    s += numbers[n] | 0;
    list[i] = {
      text: strings.slice(start, s),
      label: labels[numbers[n + 1] | 0],
      start: numbers[n + 2] | 0,
      end: numbers[n + 3] | 0,
      group: numbers[n + 4] | 0,
      confidence: numbers[n + 5],
    };
    n += 6;
  }
  return list;
}

function readEntityGroups(numbers, strings, n, s, labels, lazy) {
  const list = new Array(numbers[n++]);
  for (let i = 0; i < list.length; i++) {
    const start = s;
    s += numbers[n] | 0;
    const text = strings.slice(start, s);
    const label = labels[numbers[n + 1] | 0];
    const spans = numbers[n + 3] | 0;
    const at = n + 4;
    const confidence = numbers[at + 2 * spans];
    if (lazy) {
      const group = { text, label, count: numbers[n + 2] | 0, mentions: null, confidence };
      lazily(group, 'mentions', () => readSpans(numbers, at, spans));
      list[i] = group;
    } else {
      list[i] = { text, label, count: numbers[n + 2] | 0, mentions: readSpans(numbers, at, spans), confidence };
    }
    n = at + 2 * spans + 1;
  }
  return list;
}

function readSummary(numbers, strings, n, s) {
  const list = new Array(numbers[n++]);
  for (let i = 0; i < list.length; i++) {
    const start = s;
    s += numbers[n + 3] | 0;
    list[i] = { index: numbers[n] | 0, start: numbers[n + 1] | 0, end: numbers[n + 2] | 0, text: strings.slice(start, s), score: numbers[n + 4] };
    n += 5;
  }
  return list;
}

function readLanguages(numbers, strings, n, s, labels) {
  const detected = strings.slice(s, (s += numbers[n] | 0));
  const length = numbers[n + 1];
  const words = length < 0 ? null : strings.slice(s, (s += length | 0));
  const modelLength = numbers[n + 3];
  const model = modelLength < 0 ? null : strings.slice(s, s + (modelLength | 0));
  return { detected, words, names: labels[numbers[n + 2] | 0], model };
}

/**
 * `result` (an unpacked result) with its names marked failed for `reason`: the name model
 * of its language could not be loaded (see models.js); its other parts stay as they are.
 */
export function namesFailed(result, reason) {
  result.languages = { ...result.languages, names: 'failed', namesError: reason };
  return result;
}

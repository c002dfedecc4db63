// Builds the result objects of a call from the packed analysis the wasm sends: every
// number in one Float64Array, every string joined in one string. The layout is
// documented in src/pack.rs, which writes it; the two change together. Keys come in
// the order the TypeScript types list them.

const STATS = 1;
const SENTENCES = 2;
const TERMS = 4;
const KEYWORDS = 8;
const ENTITIES = 16;
const SUMMARY = 32;

/**
 * @param {Float64Array} numbers
 * @param {string} strings
 */
export function unpack(numbers, strings) {
  let n = 0;
  let s = 0;
  const string = () => {
    const start = s;
    s += numbers[n++];
    return strings.slice(start, s);
  };
  const spans = () => {
    const count = numbers[n++];
    const list = new Array(count);
    for (let i = 0; i < count; i++) {
      list[i] = { start: numbers[n], end: numbers[n + 1] };
      n += 2;
    }
    return list;
  };
  const sections = numbers[n++];
  const labels = new Array(numbers[n++]);
  for (let i = 0; i < labels.length; i++) labels[i] = string();
  const result = {};
  if (sections & STATS) {
    result.stats = {
      characters: numbers[n],
      words: numbers[n + 1],
      sentences: numbers[n + 2],
      paragraphs: numbers[n + 3],
      readingTimeSeconds: numbers[n + 4],
      averageSentenceLength: numbers[n + 5],
      language: '',
    };
    n += 6;
    result.stats.language = string();
  }
  if (sections & SENTENCES) {
    const list = new Array(numbers[n++]);
    for (let i = 0; i < list.length; i++) {
      list[i] = { start: numbers[n], end: numbers[n + 1], score: numbers[n + 2] };
      n += 3;
    }
    result.sentences = list;
  }
  if (sections & TERMS) {
    const list = new Array(numbers[n++]);
    for (let i = 0; i < list.length; i++) {
      const term = string();
      list[i] = { term, count: numbers[n++] };
    }
    result.terms = list;
  }
  if (sections & KEYWORDS) {
    const list = new Array(numbers[n++]);
    for (let i = 0; i < list.length; i++) {
      const text = string();
      const score = numbers[n];
      const count = numbers[n + 1];
      n += 2;
      list[i] = { text, score, count, occurrences: spans() };
    }
    result.keywords = list;
  }
  if (sections & ENTITIES) {
    const entities = new Array(numbers[n++]);
    for (let i = 0; i < entities.length; i++) {
      const text = string();
      entities[i] = { text, label: labels[numbers[n]], start: numbers[n + 1], end: numbers[n + 2], group: numbers[n + 3] };
      n += 4;
    }
    const groups = new Array(numbers[n++]);
    for (let i = 0; i < groups.length; i++) {
      const text = string();
      const label = labels[numbers[n]];
      const count = numbers[n + 1];
      n += 2;
      groups[i] = { text, label, count, mentions: spans() };
    }
    result.entities = entities;
    result.entityGroups = groups;
  }
  if (sections & SUMMARY) {
    const list = new Array(numbers[n++]);
    for (let i = 0; i < list.length; i++) {
      const index = numbers[n];
      const start = numbers[n + 1];
      const end = numbers[n + 2];
      n += 3;
      const text = string();
      list[i] = { index, start, end, text, score: numbers[n++] };
    }
    result.summary = list;
  }
  return result;
}

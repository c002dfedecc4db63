// The <text-analyzer> element's module worker: instantiates the wasm once, from the URL the
// first message names, and analyses off the main thread so typing stays fluid on long texts.
// Messages in: { id, text, options, wasmUrl }. Out: { id, ms, packed } or { id, error, fatal }.
//
// A long text's result holds tens of thousands of small objects (entities, sentences, the
// spans of groups and key phrases). Cloning them into the page would cost the main thread
// tens of milliseconds per result, so the bulky lists travel as transferred typed arrays
// and the page rebuilds their objects only when something reads them.
import init, { analyze } from './textlens.js';

let ready = null;

// The fields of each packed list, in the order analyze() writes them: the page rebuilds
// objects with exactly these keys, and a result whose lists have other keys is sent whole.
const ENTITY_KEYS = 'text,label,start,end,group';
const SENTENCE_KEYS = 'start,end,score';
const SPAN_KEYS = 'start,end';

const keysOf = (list) => (list.length ? Object.keys(list[0]).join() : null);
const shaped = (list, keys) => list.every((item) => Object.keys(item).join() === keys);

/** Every span of every list, flattened: spans [start, end, …] and bounds [0, n1, n1 + n2, …]. */
function packSpans(lists) {
  const bounds = new Int32Array(lists.length + 1);
  let total = 0;
  lists.forEach((list, i) => {
    total += list.length;
    bounds[i + 1] = total;
  });
  const spans = new Int32Array(total * 2);
  let k = 0;
  for (const list of lists) {
    for (const { start, end } of list) {
      spans[k] = start;
      spans[k + 1] = end;
      k += 2;
    }
  }
  return { spans, bounds };
}

/** The result as { rest, entities, labels, texts, sentences, groupSpans, keywordSpans }, or null. */
function pack(result, text) {
  const { entities, sentences, entityGroups, keywords } = result;
  const spanLists = [...entityGroups.map((g) => g.mentions), ...keywords.map((k) => k.occurrences)];
  // Checking every item costs about a millisecond per 10,000; it keeps the page's copy exact.
  if (
    !shaped(entities, ENTITY_KEYS) ||
    !shaped(sentences, SENTENCE_KEYS) ||
    !spanLists.every((list) => shaped(list, SPAN_KEYS)) ||
    (keysOf(entityGroups) ?? 'text,label,count,mentions') !== 'text,label,count,mentions' ||
    (keysOf(keywords) ?? 'text,score,count,occurrences') !== 'text,score,count,occurrences'
  ) {
    return null;
  }
  const labels = [];
  const labelIndex = new Map();
  const packedEntities = new Int32Array(entities.length * 4);
  // An entity's text is almost always the slice of the text it spans; the few that are not
  // travel as they are.
  const texts = [];
  entities.forEach((e, i) => {
    let label = labelIndex.get(e.label);
    if (label === undefined) {
      label = labels.push(e.label) - 1;
      labelIndex.set(e.label, label);
    }
    packedEntities[i * 4] = e.start;
    packedEntities[i * 4 + 1] = e.end;
    packedEntities[i * 4 + 2] = label;
    packedEntities[i * 4 + 3] = e.group;
    if (text.slice(e.start, e.end) !== e.text) texts.push([i, e.text]);
  });
  const packedSentences = new Float64Array(sentences.length * 3);
  sentences.forEach((s, i) => {
    packedSentences[i * 3] = s.start;
    packedSentences[i * 3 + 1] = s.end;
    packedSentences[i * 3 + 2] = s.score;
  });
  const groupSpans = packSpans(entityGroups.map((g) => g.mentions));
  const keywordSpans = packSpans(keywords.map((k) => k.occurrences));
  return {
    rest: {
      ...result,
      sentences: null,
      entities: null,
      entityGroups: entityGroups.map(({ text: t, label, count }) => ({ text: t, label, count })),
      keywords: keywords.map(({ text: t, score, count }) => ({ text: t, score, count })),
    },
    entities: packedEntities,
    labels,
    texts,
    sentences: packedSentences,
    groupSpans,
    keywordSpans,
  };
}

self.onmessage = async ({ data: { id, text, options, wasmUrl } }) => {
  ready ??= init({ module_or_path: wasmUrl }).then(
    () => null,
    (error) => error,
  );
  const failure = await ready;
  if (failure) {
    // A failed download may succeed later: the next message tries again.
    ready = null;
    self.postMessage({ id, error: `the analyzer could not be loaded: ${failure.message ?? failure}` });
    return;
  }
  const started = performance.now();
  let result;
  try {
    result = analyze(text, options);
  } catch (error) {
    // A trap leaves the wasm instance unusable: the page replaces this worker.
    const fatal = error instanceof WebAssembly.RuntimeError;
    self.postMessage({ id, fatal, error: error instanceof Error ? error.message : String(error) });
    return;
  }
  const ms = performance.now() - started;
  const packed = pack(result, text);
  if (!packed) {
    self.postMessage({ id, result, ms });
    return;
  }
  const { entities, sentences, groupSpans, keywordSpans } = packed;
  self.postMessage({ id, packed, ms }, [entities.buffer, sentences.buffer, groupSpans.spans.buffer, groupSpans.bounds.buffer, keywordSpans.spans.buffer, keywordSpans.bounds.buffer]);
};

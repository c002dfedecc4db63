// The one decoder of the packed result (js/unpack.js): a packed result written by hand
// from the layout its header describes, and the built package's own packed results,
// decoded at once (what analyze() returns) and lazily (what the element reads).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { PKG, seedFiles } from './helpers.mjs';

let api;
let decoder;

before(async () => {
  assert.ok(existsSync(join(PKG, 'node.js')), 'pkg/ is not built: run `make build` first');
  // node.js instantiates the wasm that api.js, which it re-exports, calls.
  await import(pathToFileURL(join(PKG, 'node.js')).href);
  api = await import(pathToFileURL(join(PKG, 'api.js')).href);
  decoder = await import(pathToFileURL(join(PKG, 'unpack.js')).href);
});

/** A packed result as the layout in js/unpack.js describes it, built step by step. */
function handPacked() {
  const numbers = [0, 8, ...new Array(16).fill(0)];
  let strings = '';
  const section = (i) => {
    numbers[2 + 2 * i] = numbers.length;
    numbers[3 + 2 * i] = strings.length;
  };
  const string = (s) => {
    numbers.push(s.length);
    strings += s;
  };
  section(0);
  numbers.push(13, 3, 2, 1, 1, 1.5);
  string('en');
  section(1);
  numbers.push(2, 0, 6, 0.9, 7, 13, 0.1);
  section(2);
  numbers.push(1);
  string('paris');
  numbers.push(2);
  section(3);
  numbers.push(1);
  string('Paris');
  numbers.push(0.75, 2, 2, 0, 5, 7, 12);
  section(4);
  numbers.push(2);
  string('Paris');
  numbers.push(0, 0, 5, 0, 0.875);
  string('😀Paris');
  numbers.push(0, 7, 12, 0, 0.25);
  section(5);
  numbers.push(1);
  string('Paris');
  numbers.push(0, 2, 2, 0, 5, 7, 12, 0.875);
  section(6);
  numbers.push(1, 0, 0, 6);
  string('Paris.');
  numbers.push(1);
  section(7);
  string('fi');
  numbers.push(-1, 1);
  string('es');
  numbers[0] = numbers.length;
  numbers.push(2, strings.length);
  string('LOCATION');
  string('unavailable');
  return [Float64Array.from(numbers), strings];
}

const EXPECTED = {
  stats: { characters: 13, words: 3, sentences: 2, paragraphs: 1, readingTimeSeconds: 1, averageSentenceLength: 1.5, language: 'en' },
  sentences: [{ start: 0, end: 6, score: 0.9 }, { start: 7, end: 13, score: 0.1 }],
  terms: [{ term: 'paris', count: 2 }],
  keywords: [{ text: 'Paris', score: 0.75, count: 2, occurrences: [{ start: 0, end: 5 }, { start: 7, end: 12 }] }],
  entities: [
    { text: 'Paris', label: 'LOCATION', start: 0, end: 5, group: 0, confidence: 0.875 },
    { text: '😀Paris', label: 'LOCATION', start: 7, end: 12, group: 0, confidence: 0.25 },
  ],
  entityGroups: [{ text: 'Paris', label: 'LOCATION', count: 2, mentions: [{ start: 0, end: 5 }, { start: 7, end: 12 }], confidence: 0.875 }],
  summary: [{ index: 0, start: 0, end: 6, text: 'Paris.', score: 1 }],
  languages: { detected: 'fi', words: null, names: 'unavailable', model: 'es' },
};

describe('the layout', () => {
  test('a hand-packed result decodes to the documented objects, keys in the order of the types', () => {
    const [numbers, strings] = handPacked();
    const result = decoder.unpack(numbers, strings);
    assert.deepEqual(result, EXPECTED);
    assert.deepEqual(JSON.stringify(result), JSON.stringify(EXPECTED), 'same key order');
  });

  test('only the sections asked for, in the order asked', () => {
    const [numbers, strings] = handPacked();
    const result = decoder.unpack(numbers, strings, { sections: ['entities', 'entityGroups'] });
    assert.deepEqual(Object.keys(result), ['entities', 'entityGroups']);
    assert.deepEqual(result.entityGroups, EXPECTED.entityGroups);
  });

  test('entityMarks() gives start, end, label, group and confidence without building objects', () => {
    const [numbers, strings] = handPacked();
    const { marks, confidences, labels } = decoder.entityMarks(numbers, strings);
    assert.deepEqual([...marks], [0, 5, 0, 0, 7, 12, 0, 0]);
    assert.deepEqual([...confidences], [0.875, 0.25]);
    assert.deepEqual(labels, ['LOCATION', 'unavailable']);
  });

  test('a packed result of another build is refused with a clear error', () => {
    const [numbers, strings] = handPacked();
    numbers[1] = 9;
    assert.throws(() => decoder.unpack(numbers, strings), /different builds/);
  });
});

describe('lazy decoding', () => {
  test('sections and span lists are built on first read, then kept as plain data', () => {
    const [numbers, strings] = handPacked();
    const result = decoder.unpack(numbers, strings, { lazy: true });
    assert.equal(typeof Object.getOwnPropertyDescriptor(result, 'entities').get, 'function', 'not built before it is read');
    const groups = result.entityGroups;
    assert.equal(typeof Object.getOwnPropertyDescriptor(groups[0], 'mentions').get, 'function');
    assert.deepEqual(groups[0].mentions, EXPECTED.entityGroups[0].mentions);
    assert.ok('value' in Object.getOwnPropertyDescriptor(groups[0], 'mentions'), 'kept once read');
    assert.strictEqual(result.entityGroups, groups, 'the same objects on every read');
    assert.deepEqual(JSON.parse(JSON.stringify(result)), EXPECTED);
    assert.deepEqual(Object.keys(result), Object.keys(EXPECTED));
  });

  test('a frozen result still reads, and a section can be replaced', () => {
    const [numbers, strings] = handPacked();
    const frozen = Object.freeze(decoder.unpack(numbers, strings, { lazy: true }));
    assert.deepEqual(frozen.summary, EXPECTED.summary);
    const result = decoder.unpack(numbers, strings, { lazy: true });
    result.terms = [];
    assert.deepEqual(result.terms, []);
  });
});

describe("the package's packed results", () => {
  for (const file of seedFiles()) {
    test(`decoded lazily, they equal analyze(): seeds/${basename(file)}`, () => {
      const text = readFileSync(file, 'utf8');
      // analyze() first: it loads the text's name model, which analyzePacked() (the raw
      // wasm call the worker makes once a model is in) does not.
      const eager = api.analyze(text);
      const [numbers, strings] = api.analyzePacked(text);
      const lazy = decoder.unpack(numbers, strings, { lazy: true });
      assert.deepEqual(lazy, eager);
      const { marks, confidences, labels } = decoder.entityMarks(numbers, strings);
      assert.deepEqual(
        eager.entities.map((e) => [e.start, e.end, e.label, e.group, e.confidence]),
        Array.from({ length: marks.length / 4 }, (_, i) => [marks[4 * i], marks[4 * i + 1], labels[marks[4 * i + 2]], marks[4 * i + 3], confidences[i]]),
      );
    });
  }
});

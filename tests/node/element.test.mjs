// The pure parts of the <text-analyzer> element, without a browser: the geometry of the
// drawn text (js/element/blocks.js) and the CSV/JSON downloads (js/element/export.js).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BLOCK_CHARS, blockEnds, cutPoints, firstEndingAfter, layer, spanLayer } from '../../js/element/blocks.js';
import { csvLines, jsonPieces } from '../../js/element/export.js';

const spans = (...pairs) => pairs.map(([start, end]) => ({ start, end }));
const asPairs = (l) => Array.from({ length: l.count }, (_, i) => [l.starts[i], l.ends[i], l.ids[i]]);

describe('layers of spans', () => {
  test('keep document order, drop empty, overlapping and out-of-text spans, and remember ids', () => {
    const l = spanLayer(spans([5, 9], [0, 3], [2, 4], [6, 6], [10, 12], [11, 30]), 20);
    assert.deepEqual(asPairs(l), [[0, 3, 1], [5, 9, 0], [10, 12, 4]]);
  });

  test('of spans starting together the longest wins', () => {
    assert.deepEqual(asPairs(spanLayer(spans([4, 6], [0, 2], [4, 9]), 20)), [[0, 2, 1], [4, 9, 2]]);
  });

  test('packed columns read through accessors give the same layer', () => {
    const marks = Int32Array.from([0, 3, 0, 0, 5, 9, 1, 1]);
    const l = layer(2, (i) => marks[4 * i], (i) => marks[4 * i + 1], 20);
    assert.deepEqual(asPairs(l), [[0, 3, 0], [5, 9, 1]]);
  });

  test('firstEndingAfter finds the first span ending after a position', () => {
    const l = spanLayer(spans([0, 3], [5, 9], [10, 12]), 20);
    assert.deepEqual([0, 2, 3, 4, 9, 11, 12].map((p) => firstEndingAfter(l, p)), [0, 0, 1, 1, 2, 2, 3]);
  });
});

test('a block is cut at every span boundary inside it', () => {
  const sentences = spanLayer(spans([0, 20], [21, 40]), 50);
  const entities = spanLayer(spans([5, 9], [18, 25]), 50);
  const { points, first } = cutPoints([sentences, entities, spanLayer([], 50)], 10, 30);
  assert.deepEqual(points, [10, 18, 20, 21, 25, 30]);
  assert.deepEqual(first, [0, 1, 0]);
});

describe('blocks of the drawn text', () => {
  const check = (text, ends) => {
    assert.equal(ends.at(-1), text.length, 'the blocks cover the text');
    for (let i = 1; i < ends.length; i++) assert.ok(ends[i] > ends[i - 1], 'blocks are in order and not empty');
  };

  test('a short text is one block; an empty one none', () => {
    assert.deepEqual(blockEnds('one line\nanother', []), [16]);
    assert.deepEqual(blockEnds('', []), []);
  });

  test('a long text is cut just after line breaks, about BLOCK_CHARS apart', () => {
    const line = `${'word '.repeat(99)}end\n`;
    const text = line.repeat(40);
    const ends = blockEnds(text, []);
    check(text, ends);
    assert.ok(ends.length > 1);
    ends.slice(0, -1).forEach((end, i) => {
      assert.equal(text[end - 1], '\n', `block ending at ${end} ends after a line break`);
      const length = end - (i ? ends[i - 1] : 0);
      assert.ok(length >= BLOCK_CHARS && length < BLOCK_CHARS + line.length, `block ending at ${end} is ${length} long`);
    });
  });

  test('no block ends inside a kept span', () => {
    const line = `${'x'.repeat(99)}\n`;
    const text = line.repeat(100);
    const free = blockEnds(text, []);
    const keep = spanLayer(free.slice(0, -1).map((end) => ({ start: end - 5, end: end + 5 })), text.length);
    const ends = blockEnds(text, [keep]);
    check(text, ends);
    for (const end of ends) {
      const i = firstEndingAfter(keep, end);
      assert.ok(!(i < keep.count && keep.starts[i] < end), `block end ${end} is inside a kept span`);
    }
  });

  test('a line without breaks is cut after a space, and never inside a surrogate pair', () => {
    const words = 'lorem ipsum '.repeat(3000);
    const wordEnds = blockEnds(words, []);
    check(words, wordEnds);
    for (const end of wordEnds.slice(0, -1)) assert.equal(words[end - 1], ' ');
    const emoji = '😀'.repeat(20_000);
    const emojiEnds = blockEnds(emoji, []);
    check(emoji, emojiEnds);
    for (const end of emojiEnds) assert.ok(end % 2 === 0, `cut at ${end} splits a surrogate pair`);
  });
});

const RESULT = {
  stats: { characters: 30, words: 5, sentences: 1, paragraphs: 1, readingTimeSeconds: 2, averageSentenceLength: 5, language: 'en' },
  sentences: [{ start: 0, end: 30, score: 1 }],
  terms: [{ term: 'paris', count: 1 }],
  keywords: [{ text: '=cmd|"calc"', score: 0.5, count: 1, occurrences: [{ start: 0, end: 11 }] }],
  entities: [{ text: 'Paris', label: 'LOCATION', start: 20, end: 25, group: 0 }],
  entityGroups: [{ text: 'Paris', label: 'LOCATION', count: 1, mentions: [{ start: 20, end: 25 }] }],
  summary: [{ index: 0, start: 0, end: 30, text: ' A "quoted" sentence, in Paris. ', score: 1 }],
};

describe('downloads', () => {
  test('the CSV has one row per item, quotes doubled and formulas defused', () => {
    const csv = [...csvLines(RESULT)].join('');
    assert.equal(
      csv,
      [
        '"kind","text","label","start","end","score","count"',
        '"entity","Paris","LOCATION","20","25","",""',
        '"entity group","Paris","LOCATION","","","","1"',
        `"key phrase","'=cmd|""calc""","","","","0.5","1"`,
        '"term","paris","","","","","1"',
        '"summary sentence","A ""quoted"" sentence, in Paris.","","0","30","1",""',
        '',
      ].join('\r\n'),
    );
  });

  test('the JSON, written in pieces, is JSON.stringify(result, null, 2)', () => {
    const empty = { ...RESULT, entities: [], entityGroups: [] };
    for (const result of [RESULT, empty, {}]) {
      assert.equal([...jsonPieces(result)].join(''), `${JSON.stringify(result, null, 2)}\n`);
    }
  });
});

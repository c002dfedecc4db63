// Inputs built to hurt finish in time linear in their length: each runs at two sizes
// through the built package, and the larger (4×) may take at most 10× the smaller plus
// slack (a quadratic cost would take 16×), and never more than a generous absolute
// bound. The times are printed so the closing note can list them.
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { before, describe, test } from 'node:test';
import { PKG, checkAnalysis } from './helpers.mjs';

let analyze;
before(async () => {
  ({ analyze } = await import(new URL(`file://${PKG}/node.js`).href));
});

const repeat = (piece, bytes) => piece.repeat(Math.ceil(bytes / piece.length));
const INPUTS = {
  'a million periods': (n) => '.'.repeat(n),
  'one giant token': (n) => 'x'.repeat(n),
  'nested quotes and brackets': (n) => repeat('("[«“', n),
  'capitalised words in a row': (n) => repeat('Word ', n),
  '"Mr." in a row': (n) => repeat('Mr. ', n),
  'short lines': (n) => repeat('Ab\n', n),
  'one giant sentence': (n) => repeat('word and ', n),
  'dotted acronyms': (n) => repeat('A.', n),
  '@ signs': (n) => repeat('@a', n),
  'URLs back to back': (n) => repeat('http://a.b/', n),
  'emoji': (n) => repeat('😊👨‍👩‍👧', n),
  'CJK without spaces': (n) => repeat('北京欢迎你', n),
};

function timed(text) {
  const t0 = performance.now();
  const result = analyze(text);
  return { ms: performance.now() - t0, result };
}

describe('pathological inputs', () => {
  const SMALL = 250_000;
  for (const [name, make] of Object.entries(INPUTS)) {
    test(`${name} stays linear`, () => {
      const small = make(SMALL);
      const large = make(4 * SMALL);
      timed(small); // warm up
      const a = timed(small);
      const b = timed(large);
      console.log(`${name}: ${(small.length / 1e6).toFixed(2)} M units in ${a.ms.toFixed(0)} ms, ${(large.length / 1e6).toFixed(2)} M in ${b.ms.toFixed(0)} ms`);
      checkAnalysis(large, b.result);
      assert.ok(b.ms < 10 * a.ms + 500, `help: 4× the input took ${(b.ms / a.ms).toFixed(1)}× the time: not linear`);
      assert.ok(b.ms < 15_000, `help: ${name} took ${b.ms.toFixed(0)} ms for ${large.length} units`);
    });
  }
});

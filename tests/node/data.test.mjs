// The CLI's JSON Lines mode over the shared evaluation data: every document gets one
// answer, in order, without errors, and every offset slices the input correctly. Metrics
// are computed elsewhere (scripts/eval.py); this checks the plumbing at scale.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DATA, PKG, skipWithoutData } from './helpers.mjs';

const SETS = ['summary/bbc.dev.jsonl', 'keywords/inspec.dev.jsonl', 'segment/ud_fr_gsd.dev.jsonl'];
const LIMIT = 300;

for (const set of SETS) {
  test(`CLI --jsonl over ${set} (first ${LIMIT} documents)`, (t) => {
    const path = join(DATA, set);
    if (skipWithoutData(t, path)) return;
    const docs = readFileSync(path, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .slice(0, LIMIT)
      .map((line) => JSON.parse(line))
      .filter((doc) => typeof doc.text === 'string');
    const input = docs.map((d) => JSON.stringify({ id: d.id, text: d.text, options: { sentences: true } })).join('\n');
    const result = spawnSync(process.execPath, [join(PKG, 'cli.mjs'), '--jsonl'], { input, encoding: 'utf8', maxBuffer: 1 << 30 });
    assert.equal(result.status, 0, result.stderr);
    const out = result.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line));
    assert.equal(out.length, docs.length, 'one answer per document');
    out.forEach((answer, i) => {
      const { id, text } = docs[i];
      assert.equal(answer.id, id);
      assert.equal(answer.error, undefined, `${id}: ${answer.error}`);
      for (const s of answer.sentences) assert.ok(s.start >= 0 && s.start <= s.end && s.end <= text.length, `${id}: sentence ${s.start}..${s.end}`);
      for (const e of answer.entities) assert.equal(text.slice(e.start, e.end), e.text, `${id}: entity at ${e.start}`);
      for (const s of answer.summary) assert.equal(text.slice(s.start, s.end), s.text, `${id}: summary at ${s.start}`);
    });
  });
}

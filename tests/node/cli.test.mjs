// The command line as installed from the package (node_modules/.bin/textlens):
// files mode and the JSON Lines protocol of the evaluation harness.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { checkAnalysis, installPackage, seedFiles } from './helpers.mjs';

let cli;
let cleanup = () => {};

before(() => {
  const installed = installPackage();
  cleanup = installed.cleanup;
  cli = join(installed.project, 'node_modules', '.bin', 'textlens');
});

after(() => cleanup());

const run = (args, input) => {
  const result = spawnSync(cli, args, { input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  assert.equal(result.error, undefined, `textlens ${args.join(' ')} could not start`);
  return result;
};

const jsonl = (lines) => {
  const result = run(['--jsonl'], lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
  assert.equal(result.status, 0, `--jsonl exits 0; stderr: ${result.stderr}`);
  return result.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line));
};

/** The protocol's output line, turned back into the shape checkAnalysis expects. */
const asAnalysis = (line) => ({
  stats: {},
  sentences: line.sentences.map((s) => ({ ...s, score: 0 })),
  terms: line.terms,
  keywords: line.keywords.map((k) => ({ ...k, occurrences: [] })),
  entities: line.entities.map((e) => ({
    ...e,
    group: line.entity_groups.findIndex((g) => g.label === e.label && g.mentions.some((m) => m.start === e.start && m.end === e.end)),
  })),
  entityGroups: line.entity_groups,
  summary: line.summary,
});

describe('files', () => {
  test('prints a JSON array with one analysis per file, named by the file', () => {
    const files = seedFiles();
    const result = run(files);
    assert.equal(result.status, 0, result.stderr);
    const out = JSON.parse(result.stdout);
    assert.equal(out.length, files.length);
    out.forEach((entry, i) => {
      assert.equal(entry.file, files[i]);
      checkAnalysis(readFileSync(files[i], 'utf8'), entry, basename(files[i]));
    });
  });

  test('options as flags', () => {
    const [file] = seedFiles();
    const [entry] = JSON.parse(run(['--keywords', '2', '--summary-sentences=1', '--compact', file]).stdout);
    assert.ok(entry.keywords.length <= 2);
    assert.ok(entry.summary.length <= 1);
  });

  test('a missing file is reported, the others still analysed, exit status 1', () => {
    const [file] = seedFiles();
    const result = run([file, 'no/such/file.txt']);
    assert.equal(result.status, 1);
    const out = JSON.parse(result.stdout);
    assert.equal(out.length, 2);
    assert.ok(out[0].stats);
    assert.match(out[1].error, /no such file/i);
    assert.match(result.stderr, /no\/such\/file\.txt/);
  });

  test('a bad option fails before any work, naming it', () => {
    const result = run(['--keywords', '1000', seedFiles()[0]]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /keywords/);
    assert.equal(run(['--keywords', 'many', seedFiles()[0]]).status, 2);
  });

  test('--help and no arguments print the usage', () => {
    const help = run(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--jsonl/);
    const none = run([]);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /usage/);
  });
});

describe('--jsonl', () => {
  test('one line out per line in, in order, with the protocol fields and UTF-16 offsets', () => {
    const texts = seedFiles().map((file) => readFileSync(file, 'utf8'));
    const out = jsonl(texts.map((text, i) => ({ id: `doc-${i}`, text })));
    assert.equal(out.length, texts.length);
    out.forEach((line, i) => {
      assert.equal(line.id, `doc-${i}`);
      for (const key of ['language', 'languages', 'sentences', 'keywords', 'terms', 'entities', 'entity_groups', 'summary']) {
        assert.ok(key in line, `output has "${key}"`);
      }
      for (const k of line.keywords) assert.deepEqual(Object.keys(k).sort(), ['score', 'text']);
      for (const e of line.entities) {
        assert.deepEqual(Object.keys(e).sort(), ['confidence', 'end', 'label', 'start', 'text']);
        assert.ok(e.confidence >= 0 && e.confidence <= 1, `confidence ${e.confidence}`);
      }
      for (const g of line.entity_groups) assert.ok(g.confidence >= 0 && g.confidence <= 1, `group confidence ${g.confidence}`);
      for (const s of line.summary) assert.deepEqual(Object.keys(s).sort(), ['end', 'start', 'text']);
      checkAnalysis(texts[i], asAnalysis(line), `doc-${i}`);
    });
  });

  test('a bad line yields {id, error} and the stream goes on', () => {
    const out = jsonl([
      { id: 'a', text: 'Paris is lovely. So is Rome.' },
      'this is not json',
      { id: 'b', text: 42 },
      { id: 'c', text: 'x', options: { summary_sentences: 1000 } },
      { id: 'd', text: 'x', options: [1, 2] },
      '[1, 2, 3]',
      { id: 'e', text: '' },
      { id: 7, text: '😀 Emoji first. Then 𝒳 text.' },
    ]);
    assert.deepEqual(out.map((l) => l.id), ['a', null, 'b', 'c', 'd', null, 'e', 7]);
    assert.deepEqual(out.map((l) => 'error' in l), [false, true, true, true, true, true, false, false]);
    assert.match(out[3].error, /summarySentences/);
    assert.deepEqual(out[6].sentences, []);
  });

  test('protocol options: counts and section switches', () => {
    const text = readFileSync(seedFiles()[0], 'utf8');
    const [counts, switched, on] = jsonl([
      { id: 1, text, options: { keywords: 2, terms: 3, summary_sentences: 1 } },
      { id: 2, text, options: { sentences: false, entities: false, summary: false } },
      { id: 3, text, options: { sentences: true } },
    ]);
    assert.ok(counts.keywords.length <= 2 && counts.terms.length <= 3 && counts.summary.length <= 1);
    assert.ok(!('sentences' in switched) && !('entities' in switched) && !('entity_groups' in switched) && !('summary' in switched));
    assert.ok('keywords' in switched);
    assert.ok(on.sentences.length > 0);
  });

  test('blank lines are skipped and CRLF line ends accepted', () => {
    const result = run(['--jsonl'], '{"id":1,"text":"A."}\r\n\r\n\n{"id":2,"text":"B."}\r\n');
    const ids = result.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l).id);
    assert.deepEqual(ids, [1, 2]);
  });

  test('streams many documents', () => {
    const text = readFileSync(seedFiles()[0], 'utf8');
    const n = 400;
    const out = jsonl(Array.from({ length: n }, (_, i) => ({ id: i, text: `${i}. ${text}` })));
    assert.equal(out.length, n);
    assert.ok(out.every((line, i) => line.id === i && !line.error));
  });
});

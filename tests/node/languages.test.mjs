// Issue 14 through the package: the result says which analyses ran in which language,
// the `language` option overrides the detection (an unknown code throws an Error naming
// it), and the command line takes --language and writes `languages` on every line.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { PKG, SEEDS } from './helpers.mjs';

let textlens;

before(async () => {
  assert.ok(existsSync(join(PKG, 'node.js')), 'pkg/ is not built: run `make build` first');
  textlens = await import(pathToFileURL(join(PKG, 'node.js')).href);
});

const seed = (name) => readFileSync(join(SEEDS, name), 'utf8');
const NAMES = ['ready', 'not-loaded', 'unavailable', 'failed'];

describe('languages', () => {
  test('each seed says its language, the language of its word lists and whether names ran', () => {
    for (const [code, file] of [['en', '010_short_note.txt'], ['de', '060_de_stadtbibliothek.txt'], ['fr', '070_fr_marche_du_port.txt'], ['es', '080_es_huerto_escolar.txt'], ['it', '090_it_ponte_sul_po.txt'], ['pt', '100_pt_biblioteca_de_braga.txt']]) {
      const { stats, languages } = textlens.analyze(seed(file));
      assert.equal(stats.language, code, file);
      assert.deepEqual(Object.keys(languages).slice(0, 3), ['detected', 'words', 'names'], 'keys in the order of the types');
      assert.equal(languages.detected, code, file);
      assert.equal(languages.words, code, file);
      assert.ok(NAMES.includes(languages.names), `${file}: names is ${languages.names}`);
    }
    assert.equal(textlens.analyze(seed('010_short_note.txt')).languages.names, 'ready');
  });

  test('a language without a word list says null, and one without a name model "unavailable"', () => {
    const japanese = textlens.analyze('東京で会議が開かれました。予算は承認されました。');
    assert.deepEqual(japanese.languages, { detected: 'ja', words: null, names: 'unavailable', model: null });
    const finnish = textlens.keywords('Kaupunginvaltuusto kokoontui maanantaina ja budjetti hyväksyttiin, mutta keskustelu oli pitkä.');
    assert.deepEqual(finnish.languages, { detected: 'fi', words: 'fi', names: 'unavailable', model: null });
  });

  test('the language option overrides the detection; "auto" detects; an unknown code throws an Error naming it', () => {
    const text = 'The council met on Monday. The budget passed after a long debate.';
    assert.equal(textlens.analyze(text, { language: 'auto' }).languages.detected, 'en');
    const forced = textlens.summarize(text, { language: 'de' });
    assert.equal(forced.languages.detected, 'de');
    assert.throws(() => textlens.analyze(text, { language: 'xx' }), (error) => error instanceof Error && /`language`/.test(error.message) && /"xx"/.test(error.message));
    assert.throws(() => textlens.analyze(text, { language: 5 }), (error) => error instanceof Error && /`language`.*got 5/.test(error.message));
  });

  test('the command line takes --language and writes languages on every protocol line', () => {
    const cli = join(PKG, 'cli.mjs');
    const input = [
      { id: 'de', text: seed('060_de_stadtbibliothek.txt') },
      { id: 'forced', text: 'The council met on Monday.', options: { language: 'fr' } },
      { id: 'bad', text: 'x', options: { language: 'klingon' } },
    ].map((line) => JSON.stringify(line)).join('\n');
    const result = spawnSync('node', [cli, '--jsonl'], { input, encoding: 'utf8' });
    const [de, forced, bad] = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
    assert.deepEqual(Object.keys(de).slice(0, 3), ['id', 'language', 'languages']);
    assert.deepEqual([de.language, de.languages.detected, de.languages.words], ['de', 'de', 'de']);
    assert.equal(forced.languages.detected, 'fr');
    assert.match(bad.error, /`language`.*"klingon"/);
    const flagged = spawnSync('node', [cli, '--jsonl', '--language', 'es'], { input: '{"id":1,"text":"The council met."}\n', encoding: 'utf8' });
    assert.equal(JSON.parse(flagged.stdout).languages.detected, 'es');
    const refused = spawnSync('node', [cli, '--jsonl', '--language', 'xx'], { input: '', encoding: 'utf8' });
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /"xx"/);
  });
});

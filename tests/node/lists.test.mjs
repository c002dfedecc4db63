// Entity lists through the package as a user installs it: the `entityLists` option as a
// plain object and as lists prepared once (EntityLists), custom labels in results and in
// the packed fast path, every bad input as an Error naming the list and entry, the
// command line's --entity-lists, and the element's pure helpers (js/element/lists.js).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { cleanPhrase, labelOf, taught } from '../../js/element/lists.js';
import { checkAnalysis, importFrom, installPackage } from './helpers.mjs';

let textlens;
let project;
let cleanup = () => {};
let scratch;

before(async () => {
  const installed = installPackage();
  cleanup = installed.cleanup;
  project = installed.project;
  textlens = await importFrom(project);
  scratch = mkdtempSync(join(tmpdir(), 'textlens-lists-'));
});

after(() => {
  cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

const LISTS = {
  PRODUCT: [{ text: 'Acme Rocket Skates', aliases: ['ARS'] }],
  PERSON: { entries: ['Bill'], caseSensitive: true },
  exclude: ['Redmond'],
};
const TEXT = '😀 Globex sells ARS. The Acme Rocket Skates are fast. Bill paid the bill in Redmond, said Angela Merkel.';

const marked = (result) => result.entities.map((e) => [e.text, e.label]);

describe('the entityLists option', () => {
  test('a custom label with aliases grouped, a case-sensitive list and exclude, with UTF-16 offsets', () => {
    const result = textlens.analyze(TEXT, { entityLists: LISTS });
    checkAnalysis(TEXT, result);
    const shown = marked(result);
    for (const pair of [['ARS', 'PRODUCT'], ['Acme Rocket Skates', 'PRODUCT'], ['Bill', 'PERSON'], ['Angela Merkel', 'PERSON']]) {
      assert.ok(shown.some(([t, l]) => t === pair[0] && l === pair[1]), `${pair} in ${JSON.stringify(shown)}`);
    }
    assert.ok(textlens.analyze(TEXT).entities.some((e) => e.text === 'Redmond'), 'help: the model finds Redmond');
    assert.ok(!shown.some(([t]) => t === 'Redmond' || t === 'bill'), JSON.stringify(shown));
    const product = result.entityGroups.find((g) => g.label === 'PRODUCT');
    assert.deepEqual([product.text, product.count], ['Acme Rocket Skates', 2]);
    assert.deepEqual(textlens.entities(TEXT, { entityLists: LISTS }), { entities: result.entities, entityGroups: result.entityGroups, languages: result.languages });
  });

  test('lists prepared once give the same results, call after call, and can be freed', () => {
    const prepared = new textlens.EntityLists(LISTS);
    assert.equal(prepared.entries, 3);
    const plain = textlens.analyze(TEXT, { entityLists: LISTS, keywords: 3 });
    for (let i = 0; i < 3; i++) assert.deepEqual(textlens.analyze(TEXT, { entityLists: prepared, keywords: 3 }), plain);
    assert.deepEqual(textlens.entities('ARS', { entityLists: prepared }).entityGroups[0].text, 'Acme Rocket Skates');
    prepared.free();
    assert.throws(() => textlens.analyze(TEXT, { entityLists: prepared }));
  });

  test('null or an empty object means no lists', () => {
    const none = textlens.analyze(TEXT);
    assert.deepEqual(textlens.analyze(TEXT, { entityLists: null }), none);
    assert.deepEqual(textlens.analyze(TEXT, { entityLists: {} }), none);
  });

  test('every bad input throws an Error naming the list and entry, never a trap', () => {
    const many = { PRODUCT: Array.from({ length: 100_001 }, (_, i) => `p${i}`) };
    const cases = [
      [[], 'must be an object of lists by label, got an array'],
      ['PRODUCT', 'must be an object of lists by label, got a string'],
      [{ Product: ['x'] }, '"Product" is not a label'],
      [{ PRODUCT: 'Acme' }, 'PRODUCT: a list must be an array of entries or { entries, caseSensitive }, got a string'],
      [{ PRODUCT: ['Acme', 5] }, 'PRODUCT[1]: an entry must be a phrase (a string) or { text, aliases }, got a number'],
      [{ PRODUCT: ['Acme', undefined] }, 'PRODUCT[1]: an entry must be a phrase (a string) or { text, aliases }, got null'],
      [{ ORG: ['Acme', '  '] }, 'ORG[1]: the phrase is empty'],
      [{ ORG: [{ text: 'Acme', aliases: ['A', 7n] }] }, 'ORG[0].aliases[1]: an alias must be a string, got a number'],
      [{ ORG: [{ text: 'Acme', alias: ['A'] }] }, 'ORG[0]: unknown field `alias` (known: text, aliases)'],
      [{ ORG: { entries: ['A'], caseSensitive: 'yes' } }, 'ORG: `caseSensitive` must be true or false, got a string'],
      [{ ORG: ['x'.repeat(65_537)] }, 'ORG[0]: the entry is 65537 bytes of UTF-8 (text and aliases), over the limit of 65536'],
      [many, 'PRODUCT[100000]: over the limit of 100000 entries in all lists'],
    ];
    for (const [lists, message] of cases) {
      for (const call of [() => textlens.analyze('Acme.', { entityLists: lists }), () => new textlens.EntityLists(lists)]) {
        assert.throws(call, (error) => error instanceof Error && !(error instanceof WebAssembly.RuntimeError) && error.message.startsWith(`invalid option \`entityLists\`: ${message}`), message);
      }
    }
    // Unknown options are still named, with entityLists among the known ones.
    assert.throws(() => textlens.analyze('a', { entityList: {} }), /unknown option `entityList` \(known: .*entityLists\)/);
    // Limits of one's own.
    assert.throws(() => new textlens.EntityLists({ ORG: ['a', 'b'] }, { maxEntries: 1 }), /ORG\[1\]: over the limit of 1 entries/);
    assert.throws(() => new textlens.EntityLists({ ORG: ['abc'] }, { maxEntryBytes: 2 }), /ORG\[0\]: the entry is 3 bytes/);
    assert.throws(() => new textlens.EntityLists({ ORG: ['a'] }, { maxEntrys: 1 }), /maxEntrys/);
    // The analyzer is still usable after every error.
    assert.ok(textlens.analyze('Angela Merkel visited Paris.').entities.length > 0);
  });
});

describe('the command line', () => {
  const cli = () => join(project, 'node_modules', '.bin', 'textlens');
  const run = (args, input = '') => spawnSync(cli(), args, { input, encoding: 'utf8' });

  test('--entity-lists FILE applies to every line, which may replace or drop them', () => {
    const file = join(scratch, 'lists.json');
    writeFileSync(file, JSON.stringify(LISTS));
    const lines = [
      { id: 1, text: TEXT },
      { id: 2, text: TEXT, options: { entity_lists: { PERSON: ['Redmond'] }, keywords: 1 } },
      { id: 3, text: TEXT, options: { entity_lists: null } },
    ];
    const result = run(['--jsonl', '--entity-lists', file], lines.map((l) => JSON.stringify(l)).join('\n'));
    assert.equal(result.status, 0, result.stderr);
    const [one, two, three] = result.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.ok(one.entities.some((e) => e.text === 'ARS' && e.label === 'PRODUCT'));
    assert.ok(two.entities.some((e) => e.text === 'Redmond' && e.label === 'PERSON') && !two.entities.some((e) => e.label === 'PRODUCT'));
    // The flag's lists exclude "Redmond"; without them the model's reading of it (a
    // place or, for the model trained on tweets too, a person) is back.
    assert.ok(three.entities.some((e) => e.text === 'Redmond') && !one.entities.some((e) => e.text === 'Redmond'), 'help: null drops the lists of the flag');
    const files = run(['--compact', '--entity-lists', file, file]);
    assert.equal(files.status, 0, files.stderr);
  });

  test('a bad lists file fails before any work, naming the file and entry', () => {
    const bad = join(scratch, 'bad.json');
    writeFileSync(bad, '{"PRODUCT": ["Acme", ""]}');
    const result = run(['--jsonl', '--entity-lists', bad]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--entity-lists .*bad\.json: invalid option `entityLists`: PRODUCT\[1\]: the phrase is empty/);
    assert.match(run(['--jsonl', '--entity-lists', join(scratch, 'none.json')]).stderr, /none\.json: no such file/);
  });
});

describe('teaching in the element (js/element/lists.js)', () => {
  test('a taught phrase joins one list and leaves the others, keeping each list\'s form', () => {
    const lists = { ORG: ['Acme', 'Globex'], PERSON: { entries: [{ text: 'Acme', aliases: ['A'] }], caseSensitive: true } };
    assert.deepEqual(taught(lists, 'Acme', 'PRODUCT'), { ORG: ['Globex'], PRODUCT: ['Acme'] });
    assert.deepEqual(taught(lists, 'Bob', 'PERSON').PERSON, { entries: [{ text: 'Acme', aliases: ['A'] }, 'Bob'], caseSensitive: true });
    assert.deepEqual(taught(null, 'Windows', 'exclude'), { exclude: ['Windows'] });
    assert.deepEqual(lists.ORG, ['Acme', 'Globex'], 'help: the given lists are not changed');
  });

  test('selections become phrases and typed labels custom labels', () => {
    assert.equal(cleanPhrase('  “Acme\n Rocket Skates”, '), 'Acme Rocket Skates');
    assert.equal(cleanPhrase('Acme Inc.'), 'Acme Inc.');
    assert.equal(cleanPhrase(' ... '), '');
    assert.equal(cleanPhrase('x'.repeat(201)), '');
    assert.equal(labelOf('product line'), 'PRODUCT_LINE');
    assert.equal(labelOf('2nd'), null);
  });
});

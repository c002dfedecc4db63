// Name models loaded by need, in the installed package: Node reads a language's model
// (ner-<code>.bin) from the package the first time a text in that language asks for names,
// and keeps it; an English-only session reads none; a model that cannot be read leaves the
// rest of the result whole and says why.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { importFrom, installPackage } from './helpers.mjs';

let textlens;
let project;
let cleanup = () => {};

before(async () => {
  const installed = installPackage();
  cleanup = installed.cleanup;
  project = installed.project;
  textlens = await importFrom(installed.project);
});

after(() => cleanup());

const modelFile = (language) => join(project, 'node_modules', 'textlens', `ner-${language}.bin`);

/** Runs `body` with the model files of `languages` moved out of the package. */
function without(languages, body) {
  const moved = languages.map((language) => [modelFile(language), `${modelFile(language)}.away`]);
  for (const [file, away] of moved) renameSync(file, away);
  try {
    return body();
  } finally {
    for (const [file, away] of moved) renameSync(away, file);
  }
}

const names = (result) => result.entities.filter((e) => ['PERSON', 'ORG', 'LOCATION'].includes(e.label)).map((e) => e.text);

const GERMAN = [
  'Gestern besuchte Angela Merkel die Firma Siemens in München. Der Zahnarzt hat mir einen Termin gegeben.',
  'Die Stadtverwaltung von Freiburg plant eine neue Brücke, sagte Olaf Scholz am Montag in Berlin.',
];
const ENGLISH = [
  'Angela Merkel visited Siemens in Munich on Monday, and met the board in Berlin.',
  'The city council of Leeds approved the budget on 4 March 2024, said Sarah Jones.',
];

describe('name models by need', () => {
  test('the package lists every model file next to the wasm', () => {
    for (const language of ['de', 'es', 'fr', 'nl']) assert.ok(existsSync(modelFile(language)), `ner-${language}.bin is not in the package`);
  });

  test('the wasm holds none of the other models', () => {
    const wasm = readFileSync(join(project, 'node_modules', 'textlens', 'textlens_bg.wasm'));
    for (const language of ['de', 'es', 'fr', 'nl']) {
      // A model's header (magic bytes, tag scores) and first rows differ from every other model's.
      const head = readFileSync(modelFile(language)).subarray(0, 256);
      assert.equal(wasm.indexOf(head), -1, `ner-${language}.bin is inside the wasm`);
    }
  });

  test('an English-only session reads no other model', () => {
    // A fresh process with every other model gone: had it looked for one, its results would say "failed".
    const script = `
      import { analyze } from 'textlens';
      const texts = ${JSON.stringify(ENGLISH)};
      console.log(JSON.stringify(texts.map((t) => analyze(t)).map((r) => [r.languages.names, r.entities.length])));`;
    const out = without(['de', 'es', 'fr', 'nl'], () => execFileSync('node', ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' }));
    for (const [status, count] of JSON.parse(out)) {
      assert.equal(status, 'ready');
      assert.ok(count > 0);
    }
  });

  test('a German model is read on first use and reused afterwards', () => {
    const first = textlens.analyze(GERMAN[0]);
    assert.equal(first.languages.detected, 'de');
    assert.equal(first.languages.names, 'ready');
    assert.deepEqual(names(first), ['Angela Merkel', 'Siemens', 'München']);
    // The file gone, later German texts still find names: the model read once is kept.
    const later = without(['de'], () => textlens.entities(GERMAN[1]));
    assert.equal(later.languages.names, 'ready');
    assert.ok(names(later).includes('Freiburg') && names(later).includes('Berlin'), names(later).join(', '));
  });

  test('Portuguese and Italian read the Spanish model, once, in a fresh process', () => {
    // Only the Spanish model in the package: a Portuguese text must not look for ner-pt.bin.
    const script = `
      import { analyze, loadModel } from 'textlens';
      const pt = analyze(${JSON.stringify('O presidente da Câmara Municipal de Lisboa, Carlos Moedas, anunciou a compra de autocarros para a Carris.')});
      const it = analyze(${JSON.stringify('Il sindaco di Torino, Stefano Lo Russo, ha inaugurato il nuovo ponte sul fiume Po insieme alla Regione Piemonte.')});
      await loadModel('pt');
      const names = (r) => r.entities.filter((e) => ['PERSON', 'ORG', 'LOCATION'].includes(e.label)).map((e) => [e.text, e.label]);
      console.log(JSON.stringify([pt.languages, names(pt), it.languages, names(it)]));`;
    const out = without(['de', 'fr', 'nl'], () => execFileSync('node', ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' }));
    const [pt, ptNames, it, itNames] = JSON.parse(out);
    assert.deepEqual(pt, { detected: 'pt', words: 'pt', names: 'ready', model: 'es' });
    assert.deepEqual(it, { detected: 'it', words: 'it', names: 'ready', model: 'es' });
    assert.ok(ptNames.some(([t, l]) => t === 'Carlos Moedas' && l === 'PERSON'), JSON.stringify(ptNames));
    assert.ok(ptNames.some(([t, l]) => t.startsWith('Câmara Municipal') && l === 'ORG'), JSON.stringify(ptNames));
    assert.ok(itNames.some(([t, l]) => t === 'Stefano Lo Russo' && l === 'PERSON'), JSON.stringify(itNames));
    assert.ok(itNames.some(([t, l]) => t === 'Regione Piemonte' && l === 'ORG'), JSON.stringify(itNames));
  });

  test('a model that cannot be read leaves the rest of the result and says why', () => {
    const text = 'Le médecin a vu Emmanuel Macron à Paris, écrivez à contact@example.fr pour un rendez-vous. Il est parti vers la gare avec sa voiture.';
    const result = without(['fr'], () => textlens.analyze(text));
    assert.equal(result.languages.names, 'failed');
    assert.match(result.languages.namesError, /name model for "fr" could not be loaded: .*ENOENT/);
    assert.deepEqual(names(result), []);
    assert.ok(result.entities.some((e) => e.label === 'EMAIL'), 'pattern entities are still found');
    assert.ok(result.keywords.length > 0 && result.sentences.length === 2 && result.summary.length > 0);
    // Once the file is back, the next text reads it.
    const again = textlens.analyze(text);
    assert.equal(again.languages.names, 'ready');
    assert.ok(names(again).includes('Emmanuel Macron'), names(again).join(', '));
  });

  test('loadModel() names an unknown language and refuses bytes that are no model', async () => {
    await assert.rejects(textlens.loadModel('xx'), /no name model to load for language "xx": the models to load are de, es, fr, nl, it \(uses es\), pt \(uses es\)/);
    await assert.rejects(textlens.loadModel('nl', new Uint8Array([1, 2, 3])), /name model for "nl" could not be loaded: invalid named-entity model: /);
    // Dutch still loads from the package when a text needs it.
    const dutch = textlens.analyze('Mark Rutte sprak gisteren in Amsterdam met de directie van Philips over de nieuwe fabriek.');
    assert.equal(dutch.languages.names, 'ready');
    assert.ok(names(dutch).includes('Amsterdam'));
  });

  test('analyzeAsync() and the result types agree with analyze()', async () => {
    const text = 'El alcalde de Sevilla se reunió ayer con Pedro Sánchez en Madrid.';
    const result = await textlens.analyzeAsync(text);
    assert.deepEqual(result, textlens.analyze(text));
    assert.deepEqual(Object.keys(result.languages), ['detected', 'words', 'names', 'model']);
  });
});

// Name models loaded by need in a browser: the element's worker and the package's
// analyzeAsync() fetch a language's model (ner-<code>.bin, next to the wasm) the first
// time a text in that language arrives, once; an English-only session fetches none; a
// blocked model leaves the rest of the result and says why. The server counts every
// model request, the worker's included, and drops the connection of a blocked one.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { createPageServer } from '../../tools/serve.mjs';
import { close, launch, waitForWidget, watch } from './helpers.mjs';

const ELEMENT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>models</title>
<link rel="icon" href="data:,">
<script type="module" src="/pkg/text-analyzer.js"></script></head>
<body><text-analyzer id="analyzer" text="Nothing yet."></text-analyzer></body></html>`;

const PACKAGE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>package</title>
<link rel="icon" href="data:,">
<script type="module">
  import init, * as textlens from '/pkg/browser.js';
  await init();
  window.textlens = textlens;
</script></head><body></body></html>`;

const ENGLISH = [
  'Angela Merkel visited Siemens in Munich on Monday, and met the board in Berlin.',
  'The city council of Leeds approved the budget on 4 March 2024, said Sarah Jones.',
];
const GERMAN = [
  'Gestern besuchte Angela Merkel die Firma Siemens in München. Der Zahnarzt hat mir einen Termin gegeben.',
  'Die Stadtverwaltung von Freiburg plant eine neue Brücke über den Fluss, sagte der Bürgermeister in Berlin.',
];
const FRENCH = 'Le médecin a vu Emmanuel Macron à Paris, écrivez à contact@example.fr pour un rendez-vous. Il est parti vers la gare avec sa voiture.';
const SPANISH = 'El alcalde de Sevilla se reunió ayer con Pedro Sánchez en Madrid para hablar del nuevo mercado.';

let server;
let browser;
// Paths of the model files asked for, in order; and those whose connection is dropped.
const requested = [];
const blocked = new Set(['/pkg/ner-fr.bin']);

before(async () => {
  const pages = createPageServer({ pages: { '/models.html': ELEMENT_PAGE, '/package.html': PACKAGE_PAGE } });
  server = createServer((req, res) => {
    const path = new URL(req.url, 'http://localhost').pathname;
    if (/\/ner-[a-z]+\.bin$/.test(path)) requested.push(path);
    if (blocked.has(path)) return req.socket.destroy();
    pages.emit('request', req, res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await close(server);
});

const base = () => `http://127.0.0.1:${server.address().port}`;
const names = (entities) => entities.filter((e) => ['PERSON', 'ORG', 'LOCATION'].includes(e.label)).map((e) => e.text);

/** Sets the element's text and resolves to what its result says of names. */
async function show(page, text) {
  await page.evaluate((text) => {
    document.getElementById('analyzer').text = text;
  }, text);
  await waitForWidget(page, { text });
  return page.evaluate(() => {
    const { result } = document.getElementById('analyzer');
    return { languages: result.languages, entities: result.entities, keywords: result.keywords.length };
  });
}

describe('the element', () => {
  test('an English-only session fetches no model; German is fetched once, on first use', async () => {
    const page = await browser.newPage();
    const problems = [];
    watch(page, problems);
    await page.goto(`${base()}/models.html`);
    requested.length = 0;
    for (const text of ENGLISH) {
      const shown = await show(page, text);
      assert.equal(shown.languages.names, 'ready');
      assert.ok(names(shown.entities).length > 0);
    }
    assert.deepEqual(requested, [], 'an English-only session fetches no model');
    const first = await show(page, GERMAN[0]);
    assert.equal(first.languages.detected, 'de');
    assert.equal(first.languages.names, 'ready');
    assert.deepEqual(names(first.entities), ['Angela Merkel', 'Siemens', 'München']);
    const later = await show(page, GERMAN[1]);
    assert.equal(later.languages.names, 'ready');
    assert.ok(names(later.entities).includes('Freiburg'), names(later.entities).join(', '));
    assert.deepEqual(requested, ['/pkg/ner-de.bin'], 'the German model is fetched once and reused');
    // Portuguese borrows the Spanish model: fetched for it, then reused by Spanish.
    const portuguese = await show(page, 'O presidente da Câmara Municipal de Lisboa, Carlos Moedas, anunciou a compra de autocarros elétricos.');
    assert.deepEqual([portuguese.languages.detected, portuguese.languages.names, portuguese.languages.model], ['pt', 'ready', 'es']);
    assert.ok(names(portuguese.entities).includes('Carlos Moedas'), names(portuguese.entities).join(', '));
    const spanish = await show(page, 'El alcalde de Valencia, Joan Ribó, inauguró ayer el nuevo puente sobre el río Turia.');
    assert.deepEqual([spanish.languages.detected, spanish.languages.names], ['es', 'ready']);
    assert.deepEqual(requested, ['/pkg/ner-de.bin', '/pkg/ner-es.bin'], 'the Spanish model is fetched once, for Portuguese, and reused');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a blocked model leaves the rest of the result and says why', async () => {
    const page = await browser.newPage();
    const problems = [];
    watch(page, problems);
    await page.goto(`${base()}/models.html`);
    const shown = await show(page, FRENCH);
    assert.equal(shown.languages.names, 'failed');
    assert.match(shown.languages.namesError, /name model for "fr" could not be loaded/);
    assert.deepEqual(names(shown.entities), []);
    assert.ok(shown.entities.some((e) => e.label === 'EMAIL'), 'pattern entities are still found');
    assert.ok(shown.keywords > 0, 'key phrases are still there');
    // The failed fetch shows in the console; nothing else may.
    assert.ok(problems.every((p) => p.includes('ner-fr.bin') || p.includes('Failed to fetch') || p.includes('ERR_')), problems.join('\n'));
    await page.close();
  });
});

describe('the package (browser.js)', () => {
  test('analyze() says not-loaded; analyzeAsync() fetches once; a blocked model fails cleanly', async () => {
    const page = await browser.newPage();
    await page.goto(`${base()}/package.html`);
    await page.waitForFunction(() => window.textlens);
    requested.length = 0;
    const outcome = await page.evaluate(
      async ({ SPANISH, FRENCH }) => {
        const { analyze, analyzeAsync } = window.textlens;
        const pick = (r) => ({ languages: r.languages, names: r.entities.filter((e) => e.label !== 'EMAIL').map((e) => e.text), keywords: r.keywords.length });
        const before = pick(analyze(SPANISH));
        const first = pick(await analyzeAsync(SPANISH));
        const again = pick(analyze(SPANISH));
        const french = pick(await analyzeAsync(FRENCH));
        const frenchLater = pick(analyze(FRENCH));
        return { before, first, again, french, frenchLater };
      },
      { SPANISH, FRENCH },
    );
    assert.equal(outcome.before.languages.names, 'not-loaded');
    assert.deepEqual(outcome.before.names, []);
    assert.equal(outcome.first.languages.names, 'ready');
    assert.ok(outcome.first.names.includes('Pedro Sánchez') && outcome.first.names.includes('Madrid'), outcome.first.names.join(', '));
    assert.deepEqual(outcome.again, outcome.first);
    assert.equal(outcome.french.languages.names, 'failed');
    assert.match(outcome.french.languages.namesError, /name model for "fr" could not be loaded/);
    assert.ok(outcome.french.keywords > 0);
    assert.equal(outcome.frenchLater.languages.names, 'failed', 'later French texts say why they have no names');
    // Chromium retries a request whose connection drops, so the blocked file may be asked for more than once.
    assert.deepEqual(requested.filter((path) => path !== '/pkg/ner-fr.bin'), ['/pkg/ner-es.bin'], 'the Spanish model is fetched once');
    assert.ok(requested.includes('/pkg/ner-fr.bin'));
    await page.close();
  });
});

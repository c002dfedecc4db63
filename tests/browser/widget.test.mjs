// <text-analyzer> on host pages of its own: hostile global CSS, the analysis event,
// theming through custom properties, `for` and `panels`, and a scratch folder holding only
// the package files and a page of just the two embed lines.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, close, serve, servedBrowser, waitForWidget, watch } from './helpers.mjs';

const SAMPLE = 'Angela Merkel met Emmanuel Macron in Paris on 3 March 2024. Merkel later flew to Berlin.';
const SCRIPT = '<script type="module" src="/pkg/text-analyzer.js"></script>';

const PAGES = {
  '/hostile.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>hostile</title>
<link rel="icon" href="data:,">
<style>* { all: unset } mark { display: none } div { color: red !important; font-size: 40px !important }</style>
${SCRIPT}</head><body>
<div id="outer"><text-analyzer id="a" text="${SAMPLE}"></text-analyzer></div>
<text-analyzer id="b">
  Anna Schmidt moved from Oslo to Lima in 2021.
  She works for the United Nations.
</text-analyzer>
</body></html>`,
  '/events.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>events</title>
<link rel="icon" href="data:,">
<script>
  window.received = [];
  document.addEventListener('analysis', (event) => {
    window.received.push({ bubbles: event.bubbles, composed: event.composed, target: event.target.id, detail: event.detail });
  });
</script>
<style>text-analyzer#themed { --ta-accent: rgb(200, 0, 100); --ta-font: Georgia, serif; }</style>
${SCRIPT}</head><body>
<label for="mine">Your text</label>
<textarea id="mine">Kofi Mensah opened an office in Accra. Reuters reported it on Monday.</textarea>
<text-analyzer id="bound" for="mine" panels="entities stats"></text-analyzer>
<text-analyzer id="themed" theme="dark" summary-sentences="1" text="${SAMPLE}"></text-analyzer>
</body></html>`,
};

const requests = [];
const problems = [];

const site = servedBrowser({ pages: PAGES });

async function open(path, options = {}) {
  const page = await site.browser.newPage({ viewport: { width: 1100, height: 900 }, ...options });
  watch(page, problems);
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(new URL(path, site.base).href);
  return page;
}

describe('<text-analyzer> on host pages', () => {
  test('global CSS of the host (* { all: unset }, mark { display: none }) neither breaks nor restyles it', async () => {
    const page = await open('hostile.html');
    await waitForWidget(page, { selector: '#a', text: SAMPLE });
    await waitForWidget(page, { selector: '#b' });
    assert.equal(await page.$eval('#b', (w) => w.text), 'Anna Schmidt moved from Oslo to Lima in 2021.\nShe works for the United Nations.', 'initial text from the content, de-indented');
    const marks = await page.$$eval('#a >> #document mark.ent', (nodes) =>
      nodes.map((n) => {
        const style = getComputedStyle(n);
        const box = n.getBoundingClientRect();
        return { text: n.textContent, display: style.display, visible: box.width > 0 && box.height > 0, border: style.borderBottomStyle, size: style.fontSize };
      }),
    );
    assert.ok(marks.some((m) => m.text === 'Angela Merkel'), JSON.stringify(marks));
    for (const mark of marks) {
      assert.equal(mark.display, 'inline');
      assert.ok(mark.visible, `${mark.text} is drawn`);
      assert.equal(mark.border, 'solid');
    }
    const inside = await page.$eval('#a', (w) => {
      const root = w.shadowRoot.querySelector('.root');
      const area = w.shadowRoot.getElementById('text').getBoundingClientRect();
      return { colour: getComputedStyle(root).color, size: getComputedStyle(root).fontSize, area: area.height };
    });
    assert.notEqual(inside.colour, 'rgb(255, 0, 0)');
    assert.equal(inside.size, '15px');
    assert.ok(inside.area > 100, `the input is laid out (${inside.area}px high)`);
    // The widget's own rules stay inside: the host page's elements keep the host's styles.
    assert.equal(await page.$eval('#outer', (n) => getComputedStyle(n).fontSize), '40px');
    const wasm = requests.filter((url) => url.endsWith('/textlens_bg.wasm'));
    assert.equal(wasm.length, 1, 'two widgets load the wasm once');
    await page.close();
  });

  test('fires a bubbling, composed `analysis` event with the result; `for` and `panels` are honoured', async () => {
    const page = await open('events.html');
    await page.waitForFunction(() => window.received.some((r) => r.target === 'bound') && window.received.some((r) => r.target === 'themed'));
    const events = await page.evaluate(() => window.received);
    for (const event of events) {
      assert.equal(event.bubbles, true);
      assert.equal(event.composed, true);
    }
    const themed = events.find((e) => e.target === 'themed').detail;
    assert.equal(themed.stats.characters, SAMPLE.length);
    assert.equal(themed.summary.length, 1, 'summary-sentences="1"');
    assert.ok(themed.entities.some((e) => SAMPLE.slice(e.start, e.end) === 'Angela Merkel' && e.label === 'PERSON'));
    assert.deepEqual(themed, await page.$eval('#themed', (w) => w.result), 'detail is the result shown');

    const bound = events.find((e) => e.target === 'bound').detail;
    assert.equal(bound.stats.characters, 'Kofi Mensah opened an office in Accra. Reuters reported it on Monday.'.length);
    const hidden = await page.$eval('#bound', (w) =>
      Object.fromEntries(['input-panel', 'summary', 'keywords', 'stats', 'document'].map((id) => [id, w.shadowRoot.getElementById(id).checkVisibility()])),
    );
    assert.deepEqual(hidden, { 'input-panel': false, summary: false, keywords: false, stats: true, document: true });
    await page.fill('#mine', 'Lena Berg visited Stockholm.');
    await waitForWidget(page, { selector: '#bound', text: 'Lena Berg visited Stockholm.' });
    await page.close();
  });

  test('custom properties and the theme attribute restyle the inside of the shadow root', async () => {
    const page = await open('events.html');
    await waitForWidget(page, { selector: '#themed', text: SAMPLE });
    const read = () =>
      page.$eval('#themed', (w) => {
        const root = w.shadowRoot.querySelector('.root');
        return {
          bar: getComputedStyle(w.shadowRoot.querySelector('#keywords .bar'), '::after').backgroundColor,
          font: getComputedStyle(root).fontFamily,
          background: getComputedStyle(root).backgroundColor,
        };
      });
    const before = await read();
    assert.equal(before.bar, 'rgb(200, 0, 100)', '--ta-accent');
    assert.match(before.font, /^Georgia/, '--ta-font');
    assert.equal(before.background, 'rgb(15, 20, 28)', 'theme="dark"');
    await page.$eval('#themed', (w) => {
      w.style.setProperty('--ta-accent', 'rgb(0, 120, 60)');
      w.setAttribute('theme', 'light');
    });
    const after = await read();
    assert.equal(after.bar, 'rgb(0, 120, 60)');
    assert.equal(after.background, 'rgb(244, 245, 247)', 'theme="light"');
    const parts = await page.$eval('#themed', (w) => [...w.shadowRoot.querySelectorAll('[part]')].flatMap((n) => n.getAttribute('part').split(' ')));
    for (const part of ['root', 'input', 'toolbar', 'button', 'status', 'stats', 'document', 'legend', 'mark', 'summary', 'keywords', 'panel']) {
      assert.ok(parts.includes(part), `::part(${part}) is exposed`);
    }
    await page.close();
  });

  test('no errors on the host pages, and no request leaves 127.0.0.1', () => {
    const origin = new URL(site.base).origin;
    assert.deepEqual(requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:')), []);
    assert.deepEqual(problems, []);
  });
});

describe('the two embed lines', () => {
  let scratch;
  let scratchServer;
  let scratchBase;

  before(async () => {
    // A folder holding only what the package ships and a page of the two lines, as a
    // user who copied pkg/ to a site would have.
    scratch = mkdtempSync(join(tmpdir(), 'textlens-embed-'));
    cpSync(join(ROOT, 'pkg'), join(scratch, 'textlens'), { recursive: true });
    writeFileSync(
      join(scratch, 'index.html'),
      '<script type="module" src="/textlens/text-analyzer.js"></script>\n<text-analyzer></text-analyzer>\n',
    );
    ({ server: scratchServer, base: scratchBase } = await serve({ mounts: [['/', scratch]] }));
  });

  after(async () => {
    await close(scratchServer);
    rmSync(scratch, { recursive: true, force: true });
  });

  test('a page of only the two lines gives a working analyzer', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1000, height: 900 } });
    const seen = [];
    const errors = [];
    page.on('request', (request) => seen.push(new URL(request.url()).pathname));
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      // A page of two lines has no icon; the browser's favicon request is not the widget's.
      if (message.type() === 'error' && !/favicon|404/.test(message.text())) errors.push(message.text());
    });
    await page.goto(scratchBase);
    await page.waitForSelector('text-analyzer >> #text');
    await page.fill('#text', SAMPLE);
    await waitForWidget(page, { text: SAMPLE });
    const labels = await page.$$eval('#document mark.ent', (nodes) => nodes.map((n) => `${n.textContent}/${n.dataset.label}`));
    assert.ok(labels.includes('Angela Merkel/PERSON') && labels.includes('Paris/LOCATION'), labels.join(', '));
    assert.ok((await page.$$('#keywords .bar-button')).length > 0);
    assert.deepEqual(errors, []);
    const shipped = new Set(readdirSync(join(scratch, 'textlens'), { recursive: true }).map((f) => `/textlens/${f}`));
    const other = seen.filter((path) => path !== '/' && path !== '/favicon.ico' && !shipped.has(path));
    assert.deepEqual(other, [], 'only the package files are requested');
    const modules = ['textlens_bg.wasm', 'text-analyzer-worker.js', 'api.js', 'unpack.js', 'element/client.js', 'element/drawing.js', 'element/style.js'];
    for (const file of modules) assert.ok(seen.includes(`/textlens/${file}`), `help: the element loads ${file} from the package`);
    await page.close();
  });
});

// The showcase page in headless Chromium, served by the project's own static server on a
// free loopback port: the seed article is analysed by the <text-analyzer> widget on open,
// its entities are highlighted with their types, pasted markup stays text, nothing leaves
// 127.0.0.1, and it lays out at phone and desktop widths in light and dark.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { OUTPUT, ROOT, close, launch, serve, waitForWidget, watch } from './helpers.mjs';

const ARTICLE = readFileSync(join(ROOT, 'seeds', '000_50d3d3b30f27bb10.txt'), 'utf8');

let server;
let base;
let browser;
let context;
let page;
const requests = [];
const dialogs = [];
const problems = [];

before(async () => {
  ({ server, base } = await serve());
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.on('request', (request) => requests.push(request.url()));
  page = await context.newPage();
  watch(page, problems);
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  await page.goto(base);
  await page.waitForSelector('body[data-analysed="true"]');
});

after(async () => {
  await browser?.close();
  await close(server);
});

/** The highlighted occurrences: the text of each, joined across the pieces it was cut into. */
const occurrences = () =>
  page.$$eval('#document .hit', (nodes) => {
    const byNumber = new Map();
    for (const n of nodes) byNumber.set(n.dataset.occurrence, (byNumber.get(n.dataset.occurrence) ?? '') + n.textContent);
    return [...byNumber.values()];
  });

/** The marks currently shown: { text, label } in document order (selectors pierce the shadow root). */
const marks = () => page.$$eval('#document mark.ent', (nodes) => nodes.map((n) => ({ text: n.textContent, label: n.dataset.label })));

const waitForAnalysisOf = (text) => waitForWidget(page, { text });

describe('page', () => {
  test('opens with the seed article loaded and analysed by the widget', async () => {
    await waitForAnalysisOf(ARTICLE);
    assert.equal(await page.inputValue('#text'), ARTICLE);
    assert.equal(await page.$eval('#sample', (s) => s.value), '000_50d3d3b30f27bb10.txt');
    const options = await page.$$eval('#sample option', (nodes) => nodes.map((n) => n.value).filter(Boolean));
    assert.ok(options.length >= 4, `the sample menu lists the seeds, got ${options.join(', ')}`);
    assert.match(await page.$eval('#stats', (n) => n.textContent), /Sentences/);
    assert.match(await page.textContent('#embed-code'), /<script type="module" src="[^"]*text-analyzer\.js"><\/script>\n<text-analyzer><\/text-analyzer>/);
  });

  test('people, places and organisations of the article are highlighted with their type', async () => {
    const shown = await marks();
    const has = (text, label) => shown.some((m) => m.text === text && m.label === label);
    for (const [text, label] of [
      ['Hossein Amir Abdollahian', 'PERSON'],
      ['Tehran', 'LOCATION'],
      ['Baghdad', 'LOCATION'],
      ['Islamic Revolution Guards Corps', 'ORG'],
    ]) {
      assert.ok(has(text, label), `"${text}" is highlighted as ${label}; shown: ${JSON.stringify(shown.slice(0, 30))}`);
    }
    const legend = await page.$$eval('#legend [data-label]', (nodes) => nodes.map((n) => n.dataset.label));
    for (const label of ['PERSON', 'LOCATION', 'ORG']) assert.ok(legend.includes(label), `legend lists ${label}`);
    const colours = await page.$$eval('#document mark.ent', (nodes) => {
      const byLabel = {};
      for (const n of nodes) byLabel[n.dataset.label] = getComputedStyle(n).borderBottomColor;
      return byLabel;
    });
    assert.equal(new Set(Object.values(colours)).size, Object.keys(colours).length, `one colour per type: ${JSON.stringify(colours)}`);
  });

  test('hovering or focusing a mention tells its type, group, count and confidence', async () => {
    const mark = page.locator('#document mark.ent[data-label="PERSON"]').first();
    await mark.hover();
    const tip = page.locator('#tip');
    await tip.waitFor({ state: 'visible' });
    const sure = Math.round(Number(await mark.getAttribute('data-confidence')) * 100);
    assert.ok(sure > 0 && sure <= 100, `the mark carries its confidence: ${sure}`);
    assert.match(await tip.textContent(), new RegExp(`^Person · Hossein Amir Abdollahian · \\d+ mentions? in the text · ${sure}% sure$`));
    await page.mouse.move(0, 0);
    await tip.waitFor({ state: 'hidden' });
    await page.focus('#document');
    await page.keyboard.press('ArrowRight');
    await tip.waitFor({ state: 'visible' });
    const focused = await page.evaluate(() => document.querySelector('text-analyzer').shadowRoot.activeElement?.textContent);
    assert.ok(ARTICLE.includes(focused) && (await tip.textContent()).includes('mention'), `focused mention ${focused}`);
  });

  test('mentions the analysis is unsure of (confidence below 0.5) are faded, the others not', async () => {
    const shown = await page.$$eval('#document mark.ent', (nodes) =>
      nodes.map((n) => ({ text: n.textContent, confidence: Number(n.dataset.confidence), opacity: Number(getComputedStyle(n).opacity) })),
    );
    assert.ok(shown.every((m) => m.confidence >= 0 && m.confidence <= 1), 'every mark has a confidence in 0-1');
    const unsure = shown.filter((m) => m.confidence < 0.5);
    const sure = shown.filter((m) => m.confidence >= 0.5);
    assert.ok(unsure.length > 0 && sure.length > 0, `the article has mentions of both kinds: ${JSON.stringify(shown.slice(0, 20))}`);
    for (const m of unsure) assert.ok(m.opacity < 1, `"${m.text}" (${m.confidence}) is faded: opacity ${m.opacity}`);
    for (const m of sure) assert.equal(m.opacity, 1, `"${m.text}" (${m.confidence}) is not faded`);
  });

  test('entity groups, key phrases, terms and summary are listed; summary sentences are marked by importance', async () => {
    const chips = await page.$$eval('#groups button.chip', (nodes) => nodes.map((n) => n.textContent));
    assert.ok(chips.some((c) => c.startsWith('Hossein Amir Abdollahian')), `groups: ${chips.join(' | ')}`);
    assert.ok((await page.$$('#keywords .bar-button')).length > 0, 'key phrases have bars');
    assert.ok((await page.$$('#terms .bar-row')).length > 0, 'terms have bars');
    const summary = await page.$$eval('#summary li:not(.empty)', (nodes) => nodes.map((n) => n.firstChild.textContent));
    assert.equal(summary.length, 3);
    for (const sentence of summary) assert.ok(ARTICLE.includes(sentence), `summary sentence is from the article: ${sentence}`);
    const marked = await page.$$eval('#document .sent[data-level]', (nodes) => nodes.map((n) => ({ text: n.textContent.trim(), level: n.dataset.level, score: Number(n.dataset.score) })));
    assert.equal(marked.length, 3, 'each summary sentence is marked in the text');
    const result = await page.evaluate(() => document.querySelector('text-analyzer').result.summary.map((s) => s.score));
    assert.deepEqual(marked.map((m) => m.score), result.map((s) => Number(s.toFixed(2))));
    for (const m of marked) assert.ok(summary.includes(m.text), `marked sentence ${m.text} is in the summary`);
  });

  test('clicking an entity group or a key phrase highlights all its occurrences', async () => {
    const chip = page.locator('#groups button.chip').first();
    await chip.click();
    assert.equal(await chip.getAttribute('aria-pressed'), 'true');
    const group = await page.evaluate(() => {
      const widget = document.querySelector('text-analyzer');
      return widget.result.entityGroups[Number(widget.shadowRoot.querySelector('#groups button.chip').dataset.index)];
    });
    assert.equal((await occurrences()).length, group.mentions.length);
    assert.equal(await page.textContent('#status'), `${group.mentions.length} occurrence${group.mentions.length === 1 ? '' : 's'} highlighted in the text`);
    await chip.click();
    assert.equal((await page.$$('#document .hit')).length, 0);
    assert.match(await page.textContent('#status'), /^Analysed /);

    const phrase = page.locator('#keywords .bar-button').first();
    await phrase.focus();
    await page.keyboard.press('Enter');
    assert.equal(await phrase.getAttribute('aria-pressed'), 'true');
    const expected = await page.evaluate(() => {
      const widget = document.querySelector('text-analyzer');
      return widget.result.keywords[0].occurrences.map((o) => widget.text.slice(o.start, o.end));
    });
    assert.deepEqual(await occurrences(), expected);
    await page.keyboard.press('Enter');
    assert.equal((await page.$$('#document .hit')).length, 0);
  });

  test('the result downloads as JSON and CSV', async () => {
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
    assert.equal(json.suggestedFilename(), 'textlens-analysis.json');
    const parsed = JSON.parse(readFileSync(await json.path(), 'utf8'));
    assert.equal(parsed.stats.characters, ARTICLE.length);
    assert.ok(parsed.entities.length > 0);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
    assert.equal(csv.suggestedFilename(), 'textlens-analysis.csv');
    const lines = readFileSync(await csv.path(), 'utf8').trim().split('\r\n');
    assert.equal(lines[0], '"kind","text","label","start","end","score","count"');
    assert.ok(lines.some((l) => l.startsWith('"entity","Hossein Amir Abdollahian","PERSON",')), 'entities are rows');
    assert.ok(lines.some((l) => l.startsWith('"key phrase",')), 'key phrases are rows');
  });

  test('a .md file opened or dropped is analysed', async () => {
    const note = '# Notes\n\nMaria Lopez visited Madrid on 3 May 2024.';
    await page.setInputFiles('#file', { name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from(note) });
    await waitForAnalysisOf(note);
    const dropped = 'Kofi Mensah flew to Accra with Ama Owusu.';
    const transfer = await page.evaluateHandle((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'dropped.txt', { type: 'text/plain' }));
      return data;
    }, dropped);
    await page.dispatchEvent('#input-panel', 'drop', { dataTransfer: transfer });
    await waitForAnalysisOf(dropped);
  });

  test('pasted markup is shown as text and never runs', async () => {
    const attack = '<img src=x onerror=alert(1)> <script>window.__pwned = 1</script> Visit Paris with <b>Anna Schmidt</b>. <svg onload=alert(2)>';
    await page.fill('#text', attack);
    await waitForAnalysisOf(attack);
    assert.equal(await page.$eval('#document', (n) => n.textContent), attack);
    const created = await page.evaluate(() => {
      const root = document.querySelector('text-analyzer').shadowRoot;
      return root.querySelectorAll('img, svg, script, b').length + document.querySelectorAll('img, svg, b, script:not([src])').length;
    });
    assert.equal(created, 0, 'no element was created from the text');
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    const summary = await page.$eval('#summary', (n) => n.textContent);
    assert.ok(summary.includes('<') || summary.includes('No'), `the summary shows the characters: ${summary}`);
    await page.waitForTimeout(300);
    assert.deepEqual(dialogs, [], 'no dialog opened');
  });

  test('re-analyses as the user types, debounced', async () => {
    await page.fill('#text', '');
    let events = 0;
    await page.exposeFunction('countAnalysis', () => {
      events += 1;
    });
    await page.evaluate(() => document.addEventListener('analysis', () => window.countAnalysis()));
    await page.type('#text', 'Anna Schmidt flew from Oslo to Lima. She met Carlos Ruiz there.', { delay: 5 });
    const typed = await page.inputValue('#text');
    await waitForAnalysisOf(typed);
    assert.match(await page.$eval('#stats', (n) => n.textContent), /Sentences\s*2/);
    assert.match(await page.$eval('#status', (n) => n.textContent), /Analysed 63 characters/);
    assert.ok(events >= 1 && events < 10, `typing 63 characters ran ${events} analyses, not one per key`);
  });

  test('the sample menu loads another seed', async () => {
    const file = await page.$$eval('#sample option', (nodes) => nodes.map((n) => n.value).find((v) => v.startsWith('030_')));
    assert.ok(file, 'the long seed is listed');
    await page.selectOption('#sample', file);
    await waitForAnalysisOf(readFileSync(join(ROOT, 'seeds', file), 'utf8'));
  });

  test('emoji and non-Latin text keep highlights on the right characters', async () => {
    const file = '020_travel_multilingual.txt';
    await page.selectOption('#sample', file);
    const text = readFileSync(join(ROOT, 'seeds', file), 'utf8');
    await waitForAnalysisOf(text);
    const shown = await marks();
    assert.ok(shown.length > 0);
    for (const mark of shown) assert.ok(text.includes(mark.text), `mark "${mark.text}" is a piece of the text`);
  });

  test('a 2 MB paste is analysed in the worker while the page stays responsive', async () => {
    const big = ARTICLE.repeat(Math.ceil(2_000_000 / ARTICLE.length));
    await page.evaluate((text) => {
      const area = document.querySelector('text-analyzer').shadowRoot.getElementById('text');
      area.value = text;
      area.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }, big);
    // While the worker runs, timers on the page keep firing on time.
    const { gap, ticks } = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const widget = document.querySelector('text-analyzer');
          let last = performance.now();
          let gap = 0;
          let ticks = 0;
          const started = performance.now();
          const timer = setInterval(() => {
            const now = performance.now();
            const running = widget.state === 'running';
            if (running) {
              gap = Math.max(gap, now - last);
              ticks += 1;
            }
            last = now;
            if ((!running && ticks > 0) || now - started > 20_000) {
              clearInterval(timer);
              resolve({ gap, ticks });
            }
          }, 10);
        }),
    );
    assert.ok(ticks > 0, 'the analysis ran in the background');
    assert.ok(gap < 400, `the page stalled for ${Math.round(gap)} ms during the analysis`);
    await page.waitForFunction((n) => document.querySelector('text-analyzer').shadowRoot.getElementById('status').textContent.includes(`Analysed ${n} characters`), big.length.toLocaleString('en'));
    // All of it is shown, every entity marked, once the drawing that follows has ended.
    await waitForWidget(page, { text: big });
    const shown = await page.evaluate(() => {
      const widget = document.querySelector('text-analyzer');
      const doc = widget.shadowRoot.getElementById('document');
      const marked = new Set([...doc.querySelectorAll('mark')].map((mark) => mark.closest('.block')));
      return { entities: widget.result.entities.length, marks: doc.querySelectorAll('mark').length, blocks: doc.children.length, marked: marked.size, busy: doc.hasAttribute('aria-busy') };
    });
    assert.equal(shown.busy, false);
    assert.ok(shown.marks >= shown.entities && shown.entities > 10_000, `every entity is marked: ${JSON.stringify(shown)}`);
    assert.ok(shown.marked > shown.blocks * 0.9, `marks are drawn through the whole text: ${JSON.stringify(shown)}`);
  });

  test('screenshots at 390 and 1280 px, light and dark', async () => {
    mkdirSync(OUTPUT, { recursive: true });
    for (const [width, colorScheme] of [[1280, 'light'], [1280, 'dark'], [390, 'light'], [390, 'dark']]) {
      const phone = width < 600;
      const shot = await browser.newPage({ viewport: { width, height: phone ? 844 : 900 }, deviceScaleFactor: phone ? 2 : 1, isMobile: phone, colorScheme });
      watch(shot, problems);
      shot.on('request', (request) => requests.push(request.url()));
      await shot.goto(base);
      await shot.waitForSelector('body[data-analysed="true"]');
      await waitForWidget(shot, { text: ARTICLE });
      const overflow = await shot.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no horizontal scrolling at ${width} px (overflow ${overflow}px)`);
      const background = await shot.$eval('#document', (n) => getComputedStyle(n.closest('.card')).backgroundColor);
      assert.equal(background, colorScheme === 'dark' ? 'rgb(24, 32, 43)' : 'rgb(255, 255, 255)', `${colorScheme} theme`);
      await shot.screenshot({ path: join(OUTPUT, `page-${width}-${colorScheme}.png`), fullPage: true });
      await shot.close();
    }
  });

  test('no request leaves 127.0.0.1, and no errors were logged', () => {
    assert.ok(requests.length > 0);
    const origin = new URL(base).origin;
    const outside = requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith(`blob:${origin}/`));
    assert.deepEqual(outside, [], 'every request goes to the page server');
    assert.ok(requests.some((url) => url.endsWith('/pkg/textlens_bg.wasm')), 'the wasm is loaded from /pkg/');
    assert.ok(requests.some((url) => url.endsWith('/pkg/text-analyzer-worker.js')), 'the widget worker is loaded from /pkg/');
    assert.deepEqual(problems, []);
  });
});

describe('server', () => {
  test('serves wasm as application/wasm and refuses paths outside its folders', async () => {
    const wasm = await fetch(new URL('pkg/textlens_bg.wasm', base));
    assert.equal(wasm.headers.get('content-type'), 'application/wasm');
    const seeds = await (await fetch(new URL('seeds/index.json', base))).json();
    assert.ok(seeds.some((s) => s.file === '000_50d3d3b30f27bb10.txt'));
    for (const path of ['pkg/..%2f..%2fCargo.toml', 'seeds/%2e%2e/Cargo.toml', '..%2fCargo.toml']) {
      const response = await fetch(new URL(path, base));
      assert.equal(response.status, 404, `${path} is refused`);
    }
  });
});

// Entity lists in the browser: the page teaches a new name by selecting it, keeps it in
// IndexedDB with the text, still marks it after a reload, exports the lists as JSON and
// forgets them; the element reads lists from a child script and from its property.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { servedBrowser, waitForWidget, watch } from './helpers.mjs';

// "zorblaxer" is no word any model or rule knows, written in lower case so that nothing
// finds it before it is taught.
const TEXT = 'Our new zorblaxer sold out in Paris. Everyone wants a zorblaxer now.';
const SCRIPT = '<script type="module" src="/pkg/text-analyzer.js"></script>';
const PAGES = {
  '/lists.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>lists</title>
<link rel="icon" href="data:,">${SCRIPT}</head><body>
<text-analyzer id="scripted">
  The Acme Rocket Skates and ARS sold out. Windows crashed.
  <script type="application/json" data-entity-lists>{ "PRODUCT": [{ "text": "Acme Rocket Skates", "aliases": ["ARS"] }], "exclude": ["Windows"] }</script>
</text-analyzer>
<text-analyzer id="bad"><script type="application/json" data-entity-lists>{ "PRODUCT": [""] }</script>Acme.</text-analyzer>
</body></html>`,
};

const problems = [];

const site = servedBrowser({ pages: PAGES });

/** The marks shown by the widget matching `selector`: { text, label } in document order. */
const marks = (page, selector = 'text-analyzer') =>
  page.$$eval(`${selector} >> #document mark.ent`, (nodes) => nodes.map((n) => ({ text: n.textContent, label: n.dataset.label })));

/** Selects the first `phrase` in the widget's drawn text, as a user's drag would, and releases the mouse there. */
async function select(page, phrase) {
  const box = await page.evaluate((phrase) => {
    const view = document.querySelector('text-analyzer').shadowRoot.getElementById('document');
    const walker = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(phrase);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + phrase.length);
      const selection = getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      const rect = range.getBoundingClientRect();
      return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
    }
    return null;
  }, phrase);
  assert.ok(box, `"${phrase}" is in the drawn text`);
  await page.locator('text-analyzer >> #document').dispatchEvent('mouseup');
}

describe('the page', () => {
  test('teaches a name selected in the text, and still marks it after a reload', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    watch(page, problems);
    await page.goto(site.base);
    await page.waitForSelector('body[data-analysed="true"]');
    // Typed by the user, so the page keeps the text (once it says so).
    await page.fill('text-analyzer >> #text', TEXT);
    await page.waitForSelector('#storage-status', { state: 'visible' });
    await waitForWidget(page, { text: TEXT });
    assert.ok(!(await marks(page)).some((m) => m.text === 'zorblaxer'), 'help: the name must be unknown before it is taught');

    await select(page, 'zorblaxer');
    const toolbar = page.locator('text-analyzer >> #teach');
    await toolbar.waitFor({ state: 'visible' });
    assert.equal(await page.textContent('text-analyzer >> #teach-phrase'), 'zorblaxer');
    await page.fill('text-analyzer >> #teach-label', 'gadget');
    const analysed = page.evaluate(() => new Promise((resolve) => document.querySelector('text-analyzer').addEventListener('analysis', resolve, { once: true })));
    await page.click('text-analyzer >> #teach button[data-teach="custom"]');
    await analysed;
    await waitForWidget(page, { text: TEXT });
    const taught = (await marks(page)).filter((m) => m.text === 'zorblaxer');
    assert.deepEqual(taught, [{ text: 'zorblaxer', label: 'GADGET' }, { text: 'zorblaxer', label: 'GADGET' }]);
    await page.waitForFunction(() => document.getElementById('taught-list').textContent.includes('zorblaxer'));

    // "Never a name" for a place the model finds.
    assert.ok((await marks(page)).some((m) => m.text === 'Paris'), 'help: the model finds Paris');
    await select(page, 'Paris');
    await toolbar.waitFor({ state: 'visible' });
    await page.click('text-analyzer >> #teach button[data-teach="exclude"]');
    await page.waitForFunction(() => !document.querySelector('text-analyzer').result?.entities.some((e) => e.text === 'Paris'));
    await waitForWidget(page, { text: TEXT });

    await page.reload();
    await page.waitForSelector('body[data-analysed="true"]');
    await waitForWidget(page, { text: TEXT });
    const after = await marks(page);
    assert.equal(after.filter((m) => m.text === 'zorblaxer' && m.label === 'GADGET').length, 2, JSON.stringify(after));
    assert.ok(!after.some((m) => m.text === 'Paris'), 'help: the exclusion is kept too');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-lists')]);
    assert.equal(download.suggestedFilename(), 'textlens-entity-lists.json');
    assert.deepEqual(JSON.parse(readFileSync(await download.path(), 'utf8')), { GADGET: ['zorblaxer'], exclude: ['Paris'] });

    await page.click('#forget-lists');
    await page.waitForFunction(() => document.querySelector('text-analyzer').result?.entities.some((e) => e.text === 'Paris'));
    await page.reload();
    await page.waitForSelector('body[data-analysed="true"]');
    await waitForWidget(page, { text: TEXT });
    assert.ok(!(await marks(page)).some((m) => m.text === 'zorblaxer'), 'help: forgotten lists stay forgotten');
    await context.close();
    assert.deepEqual(problems, []);
  });
});

describe('<text-analyzer> entity lists', () => {
  test('come from a child script, whose JSON is not shown as text, and from the property', async () => {
    const page = await site.browser.newPage();
    watch(page, problems);
    await page.goto(new URL('lists.html', site.base).href);
    await waitForWidget(page, { selector: '#scripted' });
    assert.equal(await page.$eval('#scripted', (w) => w.text), 'The Acme Rocket Skates and ARS sold out. Windows crashed.');
    const shown = await marks(page, '#scripted');
    assert.deepEqual(shown.filter((m) => m.label === 'PRODUCT').map((m) => m.text), ['Acme Rocket Skates', 'ARS']);
    assert.ok(!shown.some((m) => m.text === 'Windows'));
    const group = await page.$eval('#scripted', (w) => w.result.entityGroups.find((g) => g.label === 'PRODUCT'));
    assert.deepEqual([group.text, group.count], ['Acme Rocket Skates', 2]);

    // The property wins over the script, and null removes the lists.
    await page.$eval('#scripted', (w) => { w.entityLists = { ORG: ['Windows'] }; });
    await page.waitForFunction(() => document.querySelector('#scripted').result?.entities.some((e) => e.text === 'Windows' && e.label === 'ORG'));
    assert.deepEqual(await page.$eval('#scripted', (w) => w.entityLists), { ORG: ['Windows'] });
    await page.$eval('#scripted', (w) => { w.entityLists = null; });
    await page.waitForFunction(() => !document.querySelector('#scripted').result?.entities.some((e) => e.label === 'ORG' && e.text === 'Windows'));

    // Bad lists are an error naming the entry, shown in the status line.
    await page.waitForFunction(() => document.querySelector('#bad').state === 'error');
    assert.match(await page.textContent('#bad >> #status'), /PRODUCT\[0\]: the phrase is empty/);
    await page.close();
    assert.deepEqual(problems, []);
  });
});

// Languages in the browser: the element shows the detected language and what its language
// lacks ("Names: not available for Finnish"), takes a `language` attribute (or its own
// `lang`) as the option, and the page's sample menu offers the German, French and Spanish
// seeds.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { servedBrowser, watch } from './helpers.mjs';

const GERMAN = 'Die Stadt eröffnet am 3. Oktober ihre neue Bibliothek. Die Leiterin rechnet mit vielen Besuchern.';
const FINNISH = 'Kaupunginvaltuusto kokoontui maanantaina ja budjetti hyväksyttiin pitkän keskustelun jälkeen.';
const ENGLISH = 'The council met on Monday. The budget passed after a long debate.';
const SCRIPT = '<script type="module" src="/pkg/text-analyzer.js"></script>';

const PAGES = {
  '/languages.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>languages</title>
<link rel="icon" href="data:,">${SCRIPT}</head><body>
<text-analyzer id="de" text="${GERMAN}"></text-analyzer>
<text-analyzer id="fi" text="${FINNISH}"></text-analyzer>
<text-analyzer id="forced" language="es" text="${ENGLISH}"></text-analyzer>
<text-analyzer id="lang" lang="fr-CA" text="${ENGLISH}"></text-analyzer>
</body></html>`,
};

const problems = [];

const site = servedBrowser({ pages: PAGES });

/** Waits for the widget `id` to show a result whose detected language is `code`; its statistics as { name: value }. */
async function shown(page, id, code) {
  await page.waitForFunction(
    ({ id, code }) => {
      const widget = document.getElementById(id);
      return widget?.state === 'done' && widget.result?.languages?.detected === code;
    },
    { id, code },
  );
  return page.$eval(`#${id}`, (widget) =>
    Object.fromEntries([...widget.shadowRoot.querySelectorAll('#stats .stat')].map((s) => [s.querySelector('dt').textContent, s.querySelector('dd').textContent])),
  );
}

describe('languages in the element and the page', () => {
  test('the element shows the language, what it lacks, and takes language and lang as the option', async () => {
    const page = await site.browser.newPage();
    watch(page, problems);
    await page.goto(new URL('/languages.html', site.base).href);
    const german = await shown(page, 'de', 'de');
    assert.equal(german.Language, 'German');
    const finnish = await shown(page, 'fi', 'fi');
    assert.equal(finnish.Language, 'Finnish');
    assert.equal(finnish.Names, 'not available for Finnish');
    const forced = await shown(page, 'forced', 'es');
    assert.equal(forced.Language, 'Spanish');
    assert.equal((await shown(page, 'lang', 'fr')).Language, 'French');
    // Changing the attribute analyses again in the new language; removing it detects.
    await page.$eval('#forced', (widget) => widget.setAttribute('language', 'fi'));
    assert.equal((await shown(page, 'forced', 'fi')).Names, 'not available for Finnish');
    // Portuguese borrows the Spanish model, and says so.
    await page.$eval('#forced', (widget) => widget.setAttribute('language', 'pt'));
    assert.equal((await shown(page, 'forced', 'pt')).Names, 'Spanish model');
    await page.$eval('#forced', (widget) => widget.removeAttribute('language'));
    const detected = await shown(page, 'forced', 'en');
    assert.equal(detected.Names, undefined, 'English names ran: no note');
    await page.close();
  });

  test('the page offers the German, French, Spanish, Italian and Portuguese samples and shows their language', async () => {
    const page = await site.browser.newPage();
    watch(page, problems);
    await page.goto(site.base);
    await page.waitForSelector('body[data-analysed="true"]');
    const files = await page.$$eval('#sample option', (nodes) => nodes.map((n) => n.value));
    const samples = [['060_de', 'de', 'German'], ['070_fr', 'fr', 'French'], ['080_es', 'es', 'Spanish'], ['090_it', 'it', 'Italian'], ['100_pt', 'pt', 'Portuguese']];
    for (const [prefix, code, name] of samples) {
      const file = files.find((f) => f.startsWith(prefix));
      assert.ok(file, `the sample menu lists ${prefix}: ${files.join(', ')}`);
      await page.selectOption('#sample', file);
      const id = await page.$eval('text-analyzer', (widget) => widget.id || (widget.id = 'page-analyzer'));
      assert.equal((await shown(page, id, code)).Language, name);
    }
    await page.close();
  });

  test('no errors on the pages', () => {
    assert.deepEqual(problems, []);
  });
});

// The page under attack and under failure: well-known XSS payloads pasted as text are
// shown verbatim and never run; an edit right after the page says it is analysed is
// never overwritten by its sample; the user's text survives a reload (and can be forgotten,
// also where an earlier version kept it); a worker that fails is reported and replaced on
// the next edit.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ROOT, servedBrowser, waitForWidget, watch } from './helpers.mjs';

const ARTICLE = readFileSync(join(ROOT, 'seeds', '000_50d3d3b30f27bb10.txt'), 'utf8');

// Each payload, if it ever ran, would set window.__xss or open a dialog.
const PAYLOADS = [
  '<script>window.__xss = 1</script>',
  '<img src=x onerror="window.__xss = 2">',
  '<svg onload="window.__xss = 3"></svg>',
  '"><script>window.__xss = 4</script>',
  "'><img src=x onerror=alert(5)>",
  '<iframe srcdoc="<script>parent.__xss = 6</script>"></iframe>',
  '<a href="javascript:window.__xss = 7">click Paris</a>',
  '<body onload="window.__xss = 8">',
  '<details open ontoggle="window.__xss = 9">',
  '<math><mtext><img src=x onerror="window.__xss = 10"></mtext></math>',
  '<!--<img src="--><img src=x onerror="window.__xss = 11"//">',
  '<style>@import "http://203.0.113.1/x.css";</style>',
  '<object data="javascript:window.__xss = 13"></object>',
  '<input autofocus onfocus="window.__xss = 14">',
  '{{constructor.constructor("window.__xss = 15")()}}',
  '${alert(16)} `${alert(17)}`',
  '&lt;script&gt;window.__xss = 18&lt;/script&gt; &amp; &#60;b&#62;',
  '<marquee onstart="window.__xss = 19">Tehran</marquee>',
  '<video><source onerror="window.__xss = 20"></video>',
  '<base href="http://203.0.113.1/"><link rel=stylesheet href=x>',
];

const dialogs = [];
const requests = [];
const problems = [];

const site = servedBrowser();

/** The text the page keeps in its IndexedDB, or null. */
const kept = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('textlens', 1);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('kept').objectStore('kept').get('text');
          read.onerror = () => reject(read.error);
          read.onsuccess = () => {
            open.result.close();
            resolve(read.result ?? null);
          };
        };
      }),
  );

async function openPage(context) {
  const page = await context.newPage();
  watch(page, problems);
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  context.on('request', (request) => requests.push(request.url()));
  await page.goto(site.base);
  await page.waitForSelector('body[data-analysed="true"]');
  return page;
}

describe('hardened page', () => {
  test('well-known XSS payloads are shown verbatim and never run', async () => {
    const context = await site.browser.newContext();
    const page = await openPage(context);
    for (const payload of PAYLOADS) {
      const text = `Iranian Foreign Minister Hossein Amir Abdollahian visited Baghdad. ${payload} He met Qasim Al-Araji.`;
      await page.fill('#text', text);
      await waitForWidget(page, { text });
      assert.equal(await page.$eval('#document', (n) => n.textContent), text, `help: shown differently: ${payload}`);
      const created = await page.evaluate(() => {
        const root = document.querySelector('text-analyzer').shadowRoot;
        const inShadow = root.querySelectorAll('script, img, svg, iframe, a[href^="javascript"], object, input[autofocus], marquee, video, base, math, details, body body').length;
        return inShadow + document.querySelectorAll('img, svg, iframe, object, marquee, video, details, math').length;
      });
      assert.equal(created, 0, `help: an element was created from ${payload}`);
    }
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__xss), undefined, 'help: a payload ran');
    assert.deepEqual(dialogs, [], 'help: a payload opened a dialog');
    const outside = requests.filter((url) => !url.startsWith(site.base) && !url.startsWith('data:'));
    assert.deepEqual(outside, [], 'help: a request left the page\'s own server');
    await context.close();
  });

  test('a page that loads its sample slowly is marked analysed only once the sample is, so an edit then is kept', async () => {
    const context = await site.browser.newContext();
    // A slow listing of the samples holds the page's first text back; meanwhile the widget
    // has analysed its empty input. The mark must wait for the sample.
    await context.route('**/seeds/index.json', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    const page = await openPage(context);
    assert.equal(await page.inputValue('#text'), ARTICLE, 'help: marked analysed before the sample was loaded');
    const mine = 'Angela Merkel met Emmanuel Macron in Paris.';
    await page.fill('#text', mine);
    await waitForWidget(page, { text: mine });
    await context.close();
  });

  test("the user's text survives a reload and can be forgotten", async () => {
    const context = await site.browser.newContext();
    const page = await openPage(context);
    await waitForWidget(page, { text: ARTICLE });
    assert.equal(await page.isVisible('#storage-status'), false, 'help: a sample is not the user\'s text and is not kept');
    const mine = 'My own draft about Angela Merkel in Berlin, not yet saved anywhere else.';
    await page.fill('#text', mine);
    await page.waitForSelector('#storage-status', { state: 'visible' });
    assert.equal(await kept(page), mine, 'help: the text is kept once the page says so');
    await page.reload();
    await page.waitForSelector('body[data-analysed="true"]');
    await waitForWidget(page, { text: mine });
    assert.equal(await page.inputValue('#text'), mine);
    assert.ok(await page.isVisible('#storage-status'), 'help: the page says where the text is kept');
    await page.click('#forget');
    await waitForWidget(page, { text: ARTICLE });
    assert.equal(await kept(page), null);
    assert.equal(await page.isVisible('#storage-status'), false);
    await context.close();
  });

  test('a text kept in localStorage by an earlier version is moved to IndexedDB', async () => {
    const context = await site.browser.newContext();
    const older = 'A draft kept by an earlier version of the page, about Oslo.';
    await context.addInitScript((text) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('textlens:text', text);
        sessionStorage.setItem('seeded', '1');
      }
    }, older);
    const page = await openPage(context);
    await waitForWidget(page, { text: older });
    assert.equal(await kept(page), older);
    assert.equal(await page.evaluate(() => localStorage.getItem('textlens:text')), null, 'help: no copy is left behind in localStorage');
    await context.close();
  });

  test('a worker that fails is reported, and the next edit recovers', async () => {
    const context = await site.browser.newContext();
    // Every worker the page starts cannot load, until the test lets them.
    await context.addInitScript(() => {
      const RealWorker = window.Worker;
      window.Worker = class extends RealWorker {
        constructor(url, options) {
          super(window.__workersWork ? url : new URL('/no-such-worker.js', location.href), options);
        }
      };
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(site.base);
    const shown = await page.waitForFunction(() => {
      const widget = document.querySelector('text-analyzer');
      return widget?.state === 'error' && widget.text.length > 0 && widget.shadowRoot.getElementById('status').textContent;
    });
    const status = await shown.jsonValue();
    assert.match(status, /Could not analyse.*try again/s, `help: the failure must be shown: ${status}`);
    assert.equal(await page.inputValue('#text'), ARTICLE, 'help: the text is kept after the failure');
    await page.evaluate(() => {
      window.__workersWork = true;
    });
    await page.type('#text', ' More text.');
    await waitForWidget(page, { text: `${ARTICLE} More text.` });
    await context.close();
  });

  test('no page errors', () => {
    assert.deepEqual(problems.filter((p) => !p.includes('no-such-worker') && !p.includes('404')), []);
  });
});

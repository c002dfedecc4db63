// Accessibility in headless Chromium: axe-core (injected from node_modules) reports no
// violations on the showcase page and on a bare host page holding only the widget, in the
// light and the dark theme; every control is reached with Tab and shows its focus.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import { servedBrowser, waitForWidget, watch } from './helpers.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SAMPLE = 'Angela Merkel met Emmanuel Macron in Paris on 3 March 2024. Merkel later flew to Berlin. Visit https://example.org or write to press@example.org.';

const PAGES = {
  '/bare.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>A host page</title><link rel="icon" href="data:,">
<script type="module" src="/pkg/text-analyzer.js"></script></head>
<body><main><h1>A host page</h1><text-analyzer text="${SAMPLE}"></text-analyzer></main></body></html>`,
};

const problems = [];

const site = servedBrowser({ pages: PAGES });

async function violations(path, colorScheme, width) {
  // The page's CSP allows only its own scripts; bypassing it lets the test inject axe.
  const context = await site.browser.newContext({ viewport: { width, height: 900 }, colorScheme, bypassCSP: true });
  const page = await context.newPage();
  watch(page, problems);
  await page.goto(new URL(path, site.base).href);
  await waitForWidget(page);
  await page.waitForFunction(() => document.querySelector('text-analyzer').text.length > 50);
  await waitForWidget(page);
  await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const { violations } = await window.axe.run(document, { resultTypes: ['violations'] });
    return violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' >> ')}: ${n.failureSummary}`) }));
  });
  await context.close();
  return found;
}

describe('axe-core', () => {
  for (const [name, path] of [['the showcase page', '/'], ['a bare host page with only the widget', '/bare.html']]) {
    for (const colorScheme of ['light', 'dark']) {
      for (const width of [1280, 390]) {
        test(`${name}, ${colorScheme} theme, ${width} px: no violations`, async () => {
          const found = await violations(path, colorScheme, width);
          assert.deepEqual(found, [], JSON.stringify(found, null, 2));
        });
      }
    }
  }
});

describe('keyboard', () => {
  test('Tab reaches every control of the widget, each with a visible focus indicator', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    watch(page, problems);
    await page.goto(new URL('/bare.html', site.base).href);
    await waitForWidget(page, { text: SAMPLE });
    const reached = [];
    for (let i = 0; i < 80; i += 1) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        let node = document.activeElement;
        while (node?.shadowRoot?.activeElement) node = node.shadowRoot.activeElement;
        if (!node || node === document.body) return null;
        const style = getComputedStyle(node);
        return { id: node.id || node.className || node.tagName, outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2, tag: node.tagName };
      });
      if (!focus) break;
      reached.push(focus);
    }
    const ids = reached.map((r) => r.id);
    for (const id of ['open', 'clear', 'text', 'download-json', 'download-csv', 'document', 'chip', 'bar-button']) {
      assert.ok(ids.includes(id), `Tab reaches ${id}: ${ids.join(', ')}`);
    }
    for (const r of reached) {
      if (r.tag !== 'TEXTAREA') assert.ok(r.outline, `${r.id} shows its focus`);
    }
    await page.close();
  });

  test('no errors were logged', () => {
    assert.deepEqual(problems, []);
  });
});

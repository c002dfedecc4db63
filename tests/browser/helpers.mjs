// Shared set-up of the browser tests: Debian's Chromium through playwright-core, a page
// server on a free loopback port, and waits on the <text-analyzer> element.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createPageServer } from '../../tools/serve.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const OUTPUT = join(ROOT, 'tests', 'output');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const TIMEOUT = 30_000;

/** Starts a page server (options as createPageServer's); resolves to { server, base }. */
export async function serve(options) {
  assert.ok(existsSync(join(ROOT, 'pkg', 'textlens_bg.wasm')), 'pkg/ is not built: run `make build` first');
  assert.ok(existsSync(join(ROOT, 'pkg', 'text-analyzer.js')), 'pkg/ lacks the widget: run `make build`');
  const server = createPageServer(options);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${server.address().port}/` };
}

export const close = (server) => new Promise((resolve) => (server ? server.close(resolve) : resolve()));

/**
 * Serves pages (options as serve()'s) and launches Chromium before the test file's
 * tests, and stops both after them. The returned object holds `base` and `browser`
 * once they are up.
 */
export function servedBrowser(options) {
  const site = {};
  before(async () => {
    ({ server: site.server, base: site.base } = await serve(options));
    site.browser = await launch();
  });
  after(async () => {
    await site.browser?.close();
    await close(site.server);
  });
  return site;
}

/** A fresh headless Chromium (launch() gives every run a temporary profile). */
export function launch() {
  assert.ok(existsSync(CHROMIUM), `no browser at ${CHROMIUM}: apt-get install chromium (make test does)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Collects page errors, console errors and failed responses into `problems`. */
export function watch(page, problems) {
  page.setDefaultTimeout(TIMEOUT);
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });
}

/**
 * Waits until the widget matching `selector` shows the analysis of its current text (or
 * of exactly `text` when given): its state is 'done' and its text view holds that text.
 */
export async function waitForWidget(page, { selector = 'text-analyzer', text } = {}) {
  await page.waitForFunction(
    ({ selector, text }) => {
      const widget = document.querySelector(selector);
      if (!widget || widget.state !== 'done' || !widget.result) return false;
      const expected = text ?? widget.text;
      return widget.text === expected && widget.shadowRoot.getElementById('document').textContent === expected;
    },
    { selector, text },
  );
}

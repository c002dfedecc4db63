// The npm package in a browser page, as a developer without a bundler uses it: installed
// into a scratch project with npm, served from that project's node_modules, and imported
// by name through an import map: `import init, { analyze } from 'textlens'`.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { installPackage } from '../node/helpers.mjs';
import { close, launch, serve, watch } from './helpers.mjs';

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>scratch</title>
<link rel="icon" href="data:,">
<script type="importmap">{ "imports": { "textlens": "/node_modules/textlens/browser.js" } }</script>
<script type="module">
  import init, { analyze, entities } from 'textlens';
  await init();
  const text = 'Angela Merkel met Emmanuel Macron in Paris 😀 on 3 March 2024.';
  const result = analyze(text);
  window.outcome = {
    slices: result.entities.map((e) => [text.slice(e.start, e.end), e.text, e.label]),
    sentences: result.sentences.length,
    focused: entities(text).entities.length,
  };
</script></head><body></body></html>`;

let installed;
let server;
let browser;
const problems = [];

before(async () => {
  installed = installPackage();
  writeFileSync(join(installed.project, 'index.html'), PAGE);
  ({ server } = await serve({ mounts: [['/', installed.project]] }));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await close(server);
  installed?.cleanup();
});

test("import init, { analyze } from 'textlens' works in a browser page", async () => {
  const page = await browser.newPage();
  watch(page, problems);
  await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
  const outcome = await (await page.waitForFunction(() => window.outcome)).jsonValue();
  const labels = Object.fromEntries(outcome.slices.map(([, text, label]) => [text, label]));
  assert.equal(labels['Angela Merkel'], 'PERSON');
  assert.equal(labels['Emmanuel Macron'], 'PERSON');
  assert.equal(labels.Paris, 'LOCATION');
  assert.equal(labels['3 March 2024'], 'DATE');
  for (const [slice, text] of outcome.slices) assert.equal(slice, text, 'help: text.slice(start, end) must be the entity');
  assert.equal(outcome.sentences, 1);
  assert.equal(outcome.focused, outcome.slices.length);
  assert.deepEqual(problems, []);
});

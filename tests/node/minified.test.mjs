// The package's JavaScript is minified file by file (tools/minify.mjs): each module in pkg/
// must be smaller than its source in js/, carry no comments but legal ones, keep its
// exports, imports and import.meta.url references, and still run (the browser entry,
// instantiated from the wasm's bytes as a bundler or a page would hand them over).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { PKG, ROOT, seedFiles } from './helpers.mjs';

const JS = join(ROOT, 'js');

const modules = (dir) =>
  readdirSync(join(PKG, dir))
    .filter((name) => /\.m?js$/.test(name))
    .map((name) => join(dir, name));

// Every shipped module; all but wasm-bindgen's glue (textlens.js) are copies of js/.
let shipped = [];
before(() => {
  assert.ok(existsSync(join(PKG, 'package.json')), 'pkg/ is not built: run `make build` first');
  shipped = [...modules('.'), ...modules('element')];
});

/** What esbuild reads of a module without bundling it: its export names and import paths. */
function shape(path) {
  const { metafile } = buildSync({ entryPoints: [path], bundle: false, write: false, metafile: true, outfile: 'out.js', logLevel: 'silent' });
  const [output] = Object.values(metafile.outputs);
  return { exports: [...output.exports].sort(), imports: output.imports.map(({ path: p, kind }) => `${kind} ${p}`).sort() };
}

// `new URL('…', import.meta.url)`: how a module finds the worker, the wasm and the models
// beside it. Interpolations are compared as `${}`, since the minifier renames variables.
const metaUrls = (code) =>
  [...code.matchAll(/new URL\(\s*(['"`])(.*?)\1\s*,\s*import\.meta\.url\s*\)/g)].map(([, , path]) => path.replace(/\$\{[^}]*\}/g, '${}')).sort();

// A comment the minifier should have dropped: a line that opens with `//` or `/**`.
// (Legal comments, /*! … */ or @license, are kept; js/ has none today.)
const COMMENT_LINE = /^[ \t]*(\/\/|\/\*\*)/m;

describe('the minified package', () => {
  test('ships every module of js/ and js/element/, and the glue', () => {
    const sources = [...readdirSync(JS).filter((n) => /\.m?js$/.test(n)), ...readdirSync(join(JS, 'element')).map((n) => join('element', n))];
    assert.deepEqual(shipped.filter((f) => f !== 'textlens.js').sort(), sources.sort());
    assert.ok(shipped.includes('textlens.js'), 'pkg/ lacks the wasm-bindgen glue');
  });

  // Per file only "smaller": style.js is mostly markup and CSS, which stay strings.
  test('each module is smaller than its source and has no comment lines; all of them under 65% of js/', () => {
    let shippedBytes = 0;
    let sourceBytes = 0;
    for (const file of shipped) {
      const code = readFileSync(join(PKG, file), 'utf8');
      assert.doesNotMatch(code, COMMENT_LINE, `pkg/${file} still has comments: is it minified?`);
      if (file === 'textlens.js') continue;
      const source = statSync(join(JS, file)).size;
      assert.ok(code.length < source, `pkg/${file} is ${code.length} bytes, its source ${source}: not minified`);
      shippedBytes += code.length;
      sourceBytes += source;
    }
    assert.ok(shippedBytes < 0.65 * sourceBytes, `pkg/ modules: ${shippedBytes} bytes of ${sourceBytes} in js/`);
  });

  test('each module keeps its exports, its imports and its import.meta.url paths', () => {
    for (const file of shipped.filter((f) => f !== 'textlens.js')) {
      assert.deepEqual(shape(join(PKG, file)), shape(join(JS, file)), `pkg/${file}: exports or imports changed`);
      assert.deepEqual(metaUrls(readFileSync(join(PKG, file), 'utf8')), metaUrls(readFileSync(join(JS, file), 'utf8')), `pkg/${file}: URLs read beside the module changed`);
    }
    assert.deepEqual(shape(join(PKG, 'textlens.js')).exports.filter((n) => n === 'default' || n === 'initSync'), ['default', 'initSync']);
  });

  test("cli.mjs keeps its #! line and the exported classes keep their names", async () => {
    assert.equal(readFileSync(join(PKG, 'cli.mjs'), 'utf8').split('\n')[0], '#!/usr/bin/env node');
    assert.ok(statSync(join(PKG, 'cli.mjs')).mode & 0o100, 'pkg/cli.mjs is not executable');
    const glue = await import(pathToFileURL(join(PKG, 'textlens.js')).href);
    assert.equal(glue.EntityLists.name, 'EntityLists', 'a minified class name would show in users\' stack traces and logs');
  });

  test('the browser entry initialises from the wasm bytes and analyses', async () => {
    const textlens = await import(pathToFileURL(join(PKG, 'browser.js')).href);
    await textlens.default({ module_or_path: readFileSync(join(PKG, 'textlens_bg.wasm')) });
    const file = seedFiles().find((f) => f.endsWith('010_short_note.txt'));
    const golden = JSON.parse(readFileSync(join(ROOT, 'tests', 'golden', '010_short_note.json'), 'utf8'));
    const result = textlens.analyze(readFileSync(file, 'utf8'));
    assert.deepEqual(result.keywords.map((k) => k.text), golden.keywords.map((k) => k.text));
    assert.deepEqual(result.entities.map((e) => [e.text, e.label]), golden.entities.map((e) => [e.text, e.label]));
    assert.throws(() => textlens.analyze('text', { keywords: -1 }), /keywords/, 'errors still name the bad option');
  });
});

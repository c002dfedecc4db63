// Minifies, in place and file by file, every JavaScript module that `make build` put in
// pkg/ (the copies of js/, pkg/element/, wasm-bindgen's glue pkg/textlens.js). Not a
// bundle: each file stays the module it was, with the same imports, exports and relative
// paths, because the worker is loaded by URL, node.js reads the wasm and the models beside
// itself through import.meta.url, and the package's exports map names the files.
// No `format` option: esbuild then keeps exported declarations as written, so an exported
// class or function keeps its .name (EntityLists.name is 'EntityLists'); with format 'esm'
// it renames them and exports aliases. A style sheet written as a template literal marked
// /* css */ is minified as CSS first. The `#!` line of cli.mjs and /*! … */ or @license
// comments are kept (esbuild's default for a single file). No source maps: the readable
// sources are js/ in the repository (README, "Size").
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';

const PKG = fileURLToPath(new URL('../pkg/', import.meta.url));

// ES2022 is what js/ already needs (class fields, top-level await in cli.mjs), so the
// minifier never rewrites into newer syntax (`a != null ? a : b` into `a ?? b` is ES2020;
// esnext would allow more) than the sources ask of a browser or Node 18.
const TARGET = 'es2022';

// A marked literal must be plain text (no `${`, no backslash escapes), so that its
// content is the CSS itself; anything else is refused rather than minified half right.
const CSS_LITERAL = /\/\* css \*\/\s*`([^`]*)`/g;

function minifyCss(source, file) {
  const plain = (css) => !/[`\\]|\$\{/.test(css);
  return source.replace(CSS_LITERAL, (_, css) => {
    if (!plain(css)) throw new Error(`${file}: a /* css */ literal must hold plain CSS, without \${} or \\`);
    const code = transformSync(css, { loader: 'css', minify: true, sourcefile: file }).code.trim();
    if (!plain(code)) throw new Error(`${file}: the minified CSS needs escaping in a template literal`);
    return `\`${code}\``;
  });
}

const modules = (dir) =>
  readdirSync(join(PKG, dir), { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.m?js$/.test(entry.name))
    .map((entry) => join(dir, entry.name));

let before = 0;
let after = 0;
for (const file of [...modules('.'), ...modules('element')]) {
  const path = join(PKG, file);
  const source = readFileSync(path, 'utf8');
  const { code } = transformSync(minifyCss(source, file), { loader: 'js', minify: true, target: TARGET, sourcefile: file });
  writeFileSync(path, code);
  before += Buffer.byteLength(source);
  after += Buffer.byteLength(code);
}
console.log(`minified pkg/ JavaScript: ${before} → ${after} bytes`);

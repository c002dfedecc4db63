// Speed and size of the built package (pkg/) under Node: bytes a browser loads,
// load + initialise time in fresh processes, warm analyze() on the seed article, and
// throughput of analyze() and entities() on about 1 MB of text made from seeds/.
// Usage: node scripts/bench.mjs [--mb N]   (run `make build` first)
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { performance } from 'node:perf_hooks';

const root = new URL('../', import.meta.url);
const pkg = new URL('pkg/', root);
const megabytes = Number(process.argv[process.argv.indexOf('--mb') + 1]) || 1;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x, digits = 2) => x.toFixed(digits);

function sizes() {
  const files = ['textlens_bg.wasm', 'textlens.js', 'browser.js'];
  const bytes = Buffer.concat(files.map((f) => readFileSync(new URL(f, pkg))));
  const wasm = readFileSync(new URL('textlens_bg.wasm', pkg));
  const measure = (b) => [b.length, gzipSync(b, { level: 9 }).length,
    brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length];
  return { wasm: measure(wasm), browserLoad: measure(bytes) };
}

// Each run is a fresh process: import (which instantiates the wasm) and the first
// analyze() of the seed article, which also decodes the entity model.
function coldStarts(runs) {
  const script = `
    const t0 = performance.now();
    const m = await import(${JSON.stringify(new URL('node.js', pkg).href)});
    const t1 = performance.now();
    const text = (await import('node:fs')).readFileSync(${JSON.stringify(new URL('seeds/000_50d3d3b30f27bb10.txt', root).pathname)}, 'utf8');
    m.analyze(text);
    const t2 = performance.now();
    console.log(JSON.stringify([t1 - t0, t2 - t1]));`;
  const results = [];
  for (let i = 0; i < runs; i++) {
    results.push(JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script]).toString()));
  }
  return { load: median(results.map((r) => r[0])), firstCall: median(results.map((r) => r[1])) };
}

function corpus(targetBytes) {
  const dir = new URL('seeds/', root);
  const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
    .map((f) => readFileSync(new URL(f, dir), 'utf8'));
  const parts = [];
  let size = 0;
  for (let i = 0; size < targetBytes; i++) {
    const text = texts[i % texts.length];
    parts.push(text);
    size += Buffer.byteLength(text) + 2;
  }
  return parts.join('\n\n');
}

function throughput(fn, text, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn(text);
    times.push(performance.now() - t0);
  }
  const ms = median(times);
  return { ms, mbPerS: Buffer.byteLength(text) / 1e6 / (ms / 1000) };
}

const { analyze, entities } = await import(new URL('node.js', pkg).href);
const seed = readFileSync(new URL('seeds/000_50d3d3b30f27bb10.txt', root), 'utf8');
for (let i = 0; i < 20; i++) analyze(seed);
const warm = [];
for (let i = 0; i < 200; i++) {
  const t0 = performance.now();
  analyze(seed);
  warm.push(performance.now() - t0);
}
const big = corpus(megabytes * 1e6);
const full = throughput(analyze, big, 5);
const names = throughput(entities, big, 5);
const cold = coldStarts(7);
const { wasm, browserLoad } = sizes();

console.log(`textlens benchmark (Node ${process.version})`);
console.log(`wasm bytes            raw ${wasm[0]}  gzip ${wasm[1]}  brotli ${wasm[2]}`);
console.log(`browser load (wasm+js) raw ${browserLoad[0]}  gzip ${browserLoad[1]}  brotli ${browserLoad[2]}`);
console.log(`load + init           ${fmt(cold.load)} ms (median of 7 fresh processes)`);
console.log(`first analyze(seed)   ${fmt(cold.firstCall)} ms (includes decoding the entity model)`);
console.log(`warm analyze(seed)    ${fmt(median(warm), 3)} ms (median of 200; ${seed.length} chars)`);
console.log(`analyze() on ${fmt(Buffer.byteLength(big) / 1e6)} MB   ${fmt(full.ms, 0)} ms = ${fmt(full.mbPerS)} MB/s (median of 5)`);
console.log(`entities() on ${fmt(Buffer.byteLength(big) / 1e6)} MB  ${fmt(names.ms, 0)} ms = ${fmt(names.mbPerS)} MB/s (median of 5)`);

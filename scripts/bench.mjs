// `make bench`: speed and size of the built package (pkg/) under Node, next to the two
// libraries a user would pick instead (compromise and wink-nlp, devDependencies) and to
// the same Rust core compiled natively (examples/bench_native.rs), all in one run on the
// same texts. Prints one table, then each target of issues 5 and 17 as PASS or FAIL.
// Usage: node scripts/bench.mjs [--check | --sizes | --lists]   (run `make build` first; --check
// exits 1 when a target fails, a plain run always exits 0 once it has printed the table;
// --sizes prints the sizes only: what a browser loads for English, and each language's name
// model; --lists prints the entity-list rows only, as JSON).
//
// Every timing that depends on a cold start or on a process's peak memory runs in a
// fresh Node process (this script re-run with --child); the rest runs in one child per
// library, so that no library's heap or JIT state colours another's figures.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { listsCorpus, trainingSet } from './bench_lists.mjs';
import { pathological, realTexts, seedCorpus, slice, vocabularyPerMb } from './bench_texts.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const PKG = join(ROOT, 'pkg');
const SEED = join(ROOT, 'seeds', '000_50d3d3b30f27bb10.txt');
const SCRIPT = fileURLToPath(import.meta.url);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

// ---------------------------------------------------------------------------------
// The libraries, each reduced to "load" (import and initialise) and the call closest
// to textlens's full analyze(): keywords, entities, sentences and a summary.

const LIBRARIES = {
  // textlens: the package's Node entry (reads and instantiates the wasm on import);
  // analyze() computes stats, sentences with scores, terms, key phrases, entities
  // with groups and the summary.
  async textlens() {
    const m = await import(join(PKG, 'node.js'));
    return (text) => m.analyze(text);
  },
  // compromise: the browser build (builds/compromise.js, which defines globalThis.nlp
  // when imported as a module, as a <script> tag does). nlp(text) tags every term;
  // people(), places(), organizations() and topics() are its named entities and
  // sentences() its segmentation. Its term frequencies (terms().out('freq')) are left
  // out: they made each call about four times slower, and compromise has no
  // key-phrase ranking or summary to compare anyway.
  async compromise() {
    await import(join(ROOT, 'node_modules', 'compromise', 'builds', 'compromise.js'));
    const nlp = globalThis.nlp;
    return (text) => {
      const doc = nlp(text);
      return {
        people: doc.people().out('array'),
        places: doc.places().out('array'),
        organizations: doc.organizations().out('array'),
        topics: doc.topics().out('array'),
        sentences: doc.sentences().out('array'),
      };
    };
  },
  // wink-nlp with wink-eng-lite-web-model (the model made for browsers) and its
  // default pipeline (sentences, negation, sentiment, part of speech, entities).
  // readDoc(text) runs the pipeline; then its entities with types, sentences, the
  // frequency table of the non-stop words (its closest thing to terms), and each
  // sentence's importance (its extractive-summary score).
  async wink() {
    const require = createRequire(join(ROOT, 'package.json'));
    const winkNLP = require('wink-nlp');
    const nlp = winkNLP(require('wink-eng-lite-web-model'));
    const { its, as } = nlp;
    return (text) => {
      const doc = nlp.readDoc(text);
      return {
        entities: doc.entities().out(its.detail),
        sentences: doc.sentences().out(),
        terms: doc.tokens().filter((t) => t.out(its.type) === 'word' && !t.out(its.stopWordFlag)).out(its.normal, as.freqTable),
        importance: doc.out(its.sentenceWiseImportance),
      };
    };
  },
};

// ---------------------------------------------------------------------------------
// Children: each prints one JSON line.

const CHILD = {
  // Import + initialise, then the first call on the seed article. textlens decodes its
  // entity model while it initialises (the wasm start function, run by the import); its
  // first call still runs in V8's baseline tier and compiles the code it reaches, so
  // "ready" (the sum) is shown too.
  async load({ lib }) {
    const seed = readFileSync(SEED, 'utf8');
    const t0 = performance.now();
    const run = await LIBRARIES[lib]();
    const t1 = performance.now();
    run(seed);
    const t2 = performance.now();
    return { load: t1 - t0, first: t2 - t1 };
  },

  // Warm calls on the seed (after warm-up calls), then the median time of each text.
  // The texts take turns, round after round, so that a burst of load on a shared
  // machine slows all of them alike and their ratios (10 MB ÷ 1 MB, pathological ÷
  // news) stay fair.
  async speed({ lib, warmRuns, texts }) {
    const run = await LIBRARIES[lib]();
    const seed = readFileSync(SEED, 'utf8');
    // Warm means compiled by the optimising tier: V8 compiles hot wasm and JS in the
    // background, which on a busy 2-core machine takes longer than a few dozen calls.
    const warmUntil = performance.now() + 1000;
    for (let i = 0; i < 3 || performance.now() < warmUntil; i++) run(seed);
    const warm = [];
    for (let i = 0; i < warmRuns; i++) {
      const t0 = performance.now();
      run(seed);
      warm.push(performance.now() - t0);
    }
    const loaded = texts.map(({ path }) => readFileSync(path, 'utf8'));
    const times = texts.map(() => []);
    for (let round = 0; round < Math.max(...texts.map((t) => t.runs)); round++) {
      texts.forEach(({ runs }, i) => {
        if (round >= runs) return;
        const t0 = performance.now();
        run(loaded[i]);
        times[i].push(performance.now() - t0);
      });
    }
    const timed = Object.fromEntries(texts.map(({ name }, i) => [name, { bytes: Buffer.byteLength(loaded[i]), ms: median(times[i]) }]));
    return { warm: median(warm), timed };
  },

  // The first call on a text in a fresh process, after warm-up calls on the seed only:
  // the code is compiled by the optimising tier, but the word memos know only the seed's
  // words, so every other word of the text costs what a user's new words cost.
  async fresh({ lib, path }) {
    const run = await LIBRARIES[lib]();
    const seed = readFileSync(SEED, 'utf8');
    const warmUntil = performance.now() + 1000;
    for (let i = 0; i < 3 || performance.now() < warmUntil; i++) run(seed);
    const text = readFileSync(path, 'utf8');
    const t0 = performance.now();
    run(text);
    return { bytes: Buffer.byteLength(text), ms: performance.now() - t0 };
  },

  // Peak memory of one call on a big text: the process's maxRSS after loading the
  // library (the baseline) and after the call, and for textlens the wasm linear
  // memory, which only grows, so its size after the call is its peak.
  async memory({ lib, path }) {
    let run;
    let wasmMemory = null;
    if (lib === 'textlens') {
      const raw = await import(join(PKG, 'textlens.js'));
      wasmMemory = raw.initSync({ module: readFileSync(join(PKG, 'textlens_bg.wasm')) }).memory;
      const m = await import(join(PKG, 'api.js'));
      run = (text) => m.analyze(text);
    } else {
      run = await LIBRARIES[lib]();
    }
    const baseline = process.resourceUsage().maxRSS * 1024;
    const text = readFileSync(path, 'utf8');
    const t0 = performance.now();
    run(text);
    const ms = performance.now() - t0;
    return {
      baseline,
      peak: process.resourceUsage().maxRSS * 1024,
      wasm: wasmMemory ? wasmMemory.buffer.byteLength : null,
      bytes: Buffer.byteLength(text),
      ms,
    };
  },

  // Entity lists in a fresh process: the wasm memory that preparing them (new
  // EntityLists) and building their English matcher (on a first short English text)
  // adds to a just-initialised module (it grows in 64 KB pages and never shrinks, so it is
  // measured before any other analysis), their times, and, with `runs`, analyze() of the
  // text with and without them, taking turns, after a warm-up call of each.
  async lists({ textPath, listsPath, runs }) {
    const raw = await import(join(PKG, 'textlens.js'));
    const memory = raw.initSync({ module: readFileSync(join(PKG, 'textlens_bg.wasm')) }).memory;
    const m = await import(join(PKG, 'api.js'));
    const lists = JSON.parse(readFileSync(listsPath, 'utf8'));
    m.analyze('A first call.');
    const before = memory.buffer.byteLength;
    const t0 = performance.now();
    const prepared = new m.EntityLists(lists);
    const t1 = performance.now();
    m.analyze('An English sentence, so that the English matcher is built.', { entityLists: prepared });
    const t2 = performance.now();
    const result = { entries: prepared.entries, prepareMs: t1 - t0, matcherMs: t2 - t1, wasmBytes: memory.buffer.byteLength - before };
    if (!runs) return result;
    const text = readFileSync(textPath, 'utf8');
    const [plain, listed] = [[], []];
    m.analyze(text);
    m.analyze(text, { entityLists: prepared });
    for (let i = 0; i < runs; i++) {
      for (const [times, options] of i % 2 ? [[listed, { entityLists: prepared }], [plain, {}]] : [[plain, {}], [listed, { entityLists: prepared }]]) {
        const t = performance.now();
        m.analyze(text, options);
        times.push(performance.now() - t);
      }
    }
    return { ...result, plainMs: median(plain), listsMs: median(listed) };
  },

  // The JavaScript files Node actually loaded for wink-nlp and its model: what a
  // bundler would put in a browser's bundle (unminified).
  async winkFiles() {
    const require = createRequire(join(ROOT, 'package.json'));
    require('wink-nlp')(require('wink-eng-lite-web-model'));
    return Object.keys(require.cache).filter((f) => f.includes('node_modules')).sort();
  },
};

function child(mode, spec = {}) {
  const out = execFileSync(process.execPath, [SCRIPT, '--child', mode, JSON.stringify(spec)], {
    cwd: ROOT, maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.toString().trim().split('\n').pop());
}

if (process.argv[2] === '--child') {
  const result = await CHILD[process.argv[3]](JSON.parse(process.argv[4]));
  console.log(JSON.stringify(result));
  process.exit(0);
}

// ---------------------------------------------------------------------------------
// Sizes: raw, gzip -9 and brotli 11 of what a browser loads.

function measure(buffer) {
  return {
    raw: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

// What a browser loads for English text through browser.js (the wasm, with the English
// model in it; browser.js, the modules it imports and the wasm-bindgen glue) and through
// the element (its modules and worker too). No other language's model is among them.
const ENGLISH_FILES = ['textlens_bg.wasm', 'textlens.js', 'browser.js', 'api.js', 'models.js', 'unpack.js'];
const elementFiles = () => [
  ...ENGLISH_FILES.filter((f) => f !== 'browser.js'),
  'text-analyzer.js',
  'text-analyzer-worker.js',
  ...readdirSync(join(PKG, 'element')).map((f) => join('element', f)),
];

function sizes() {
  const concat = (files) => Buffer.concat(files.map((f) => readFileSync(f)));
  return {
    textlens: measure(concat(ENGLISH_FILES.map((f) => join(PKG, f)))),
    element: measure(concat(elementFiles().map((f) => join(PKG, f)))),
    // Each other language's name model, fetched the first time a text in it needs one.
    models: Object.fromEntries(
      readdirSync(PKG)
        .filter((f) => /^ner-[a-z]+\.bin$/.test(f))
        .sort()
        .map((f) => [f.slice(4, -4), measure(readFileSync(join(PKG, f)))]),
    ),
    compromise: measure(concat([join(ROOT, 'node_modules', 'compromise', 'builds', 'compromise.js')])),
    wink: measure(concat(child('winkFiles'))),
  };
}

// ---------------------------------------------------------------------------------
// Entity lists: 10,000 entries on 1 MB of CoNLL-2003 news once prepared (wasm and
// native), and the preparation of 10,000 and 100,000 entries. Skipped without ../shared.

function listsBench(work) {
  const train = trainingSet(ROOT);
  if (!train) {
    console.log('skipped: ../shared/data not found (entity lists: the 1 MB text and the lists are made from CoNLL-2003)');
    return null;
  }
  log('entity lists: 10,000 and 100,000 entries, 1 MB of CoNLL-2003 train text');
  const corpus = listsCorpus(train);
  const textPath = join(work, 'lists-text.txt');
  writeFileSync(textPath, corpus.text);
  const sizes = [10_000, 100_000];
  const paths = sizes.map((n) => {
    const path = join(work, `lists-${n}.json`);
    writeFileSync(path, JSON.stringify(corpus.lists(n)));
    return path;
  });
  const wasm = paths.map((listsPath, i) => child('lists', { textPath, listsPath, runs: i === 0 ? 7 : 0 }));
  let native = null;
  try {
    const out = execFileSync('cargo', ['run', '-q', '--release', '--example', 'bench_lists', '--', '--text', textPath, ...paths.flatMap((p) => ['--lists', p])], {
      cwd: ROOT, maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'],
    });
    native = JSON.parse(out.toString().trim().split('\n').pop()).lists;
  } catch (error) {
    log(`native entity-list benchmark unavailable: ${error.message.split('\n')[0]}`);
  }
  return { wasm, native, textBytes: Buffer.byteLength(corpus.text) };
}

// ---------------------------------------------------------------------------------
// The run.

/** The size targets of issue 14: English ≤ 400 KB gzipped, each other language's model ≤ 150 KB. */
function sizeTargets(size) {
  const kb = (bytes) => `${(bytes / 1e3).toFixed(1)} KB`;
  return [
    [`English: what a browser loads (browser.js: wasm + JS) ≤ 400 KB gzipped (issue 14)`, size.textlens.gzip <= 400_000, kb(size.textlens.gzip)],
    [`English: what the element loads (wasm + JS + worker) ≤ 400 KB gzipped (issue 14)`, size.element.gzip <= 400_000, kb(size.element.gzip)],
    ...Object.entries(size.models).map(([language, m]) => [
      `name model ${language} (ner-${language}.bin) ≤ 150 KB gzipped: raw ${kb(m.raw)}, brotli ${kb(m.brotli)}`,
      m.gzip <= 150_000,
      kb(m.gzip),
    ]),
  ];
}

if (process.argv.includes('--sizes')) {
  for (const [what, ok, value] of sizeTargets(sizes())) console.log(`${ok ? 'PASS' : 'FAIL'}  ${what}: ${value}`);
  process.exit(0);
}

const check = process.argv.includes('--check');
const COLD_RUNS = 7;
const log = (message) => process.stderr.write(`bench: ${message}\n`);

// The entity-list rows alone, as JSON: for comparing a change to the matcher.
if (process.argv.includes('--lists')) {
  const work = mkdtempSync(join(tmpdir(), 'textlens-bench-'));
  try {
    console.log(JSON.stringify(listsBench(work)));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  process.exit(0);
}
const started = performance.now();
const work = mkdtempSync(join(tmpdir(), 'textlens-bench-'));

let results;
try {
  // Real, distinct documents when ../shared/data is there; the seed-built text otherwise
  // (and always as a second, labelled row).
  const real = realTexts(ROOT);
  if (real.missing) console.log(`skipped: ../shared/data not found; the real-text rows (1 MB news, fresh vocabulary, other languages, 10 MB of every pool) fall back to text built from the seeds. Missing: ${real.missing.join(', ')}`);
  const seeds1 = seedCorpus(ROOT, 1e6);
  const normal1 = real.news1 ?? seeds1;
  const texts = {
    '1 MB': normal1,
    '10 MB': real.all10 ?? seedCorpus(ROOT, 10e6),
    // The 10 MB text's first megabyte: the same mix of kinds and languages, so that the
    // ratio of the two times measures how the time grows, not which texts are slower.
    ...(real.missing ? {} : { '1 MB of the mix': slice(real.all10, 1e6), 'seeds 1 MB': seeds1, 'other languages 1 MB': real.other1, fresh: real.fresh }),
    ...pathological(normal1),
    'compromise slice': slice(normal1, 100_000),
  };
  const paths = {};
  for (const [name, text] of Object.entries(texts)) {
    paths[name] = join(work, `${Object.keys(paths).length}.txt`);
    writeFileSync(paths[name], text);
  }
  const vocabulary = Object.fromEntries(['1 MB', '10 MB', '1 MB of the mix', 'seeds 1 MB', 'other languages 1 MB', 'fresh'].filter((n) => texts[n]).map((n) => [n, vocabularyPerMb(texts[n])]));
  const PATHOLOGICAL = Object.keys(pathological('a b'));
  const EXTRA = ['1 MB of the mix', 'seeds 1 MB', 'other languages 1 MB'].filter((n) => texts[n]);

  log('sizes');
  const size = sizes();

  const cold = {};
  for (const lib of Object.keys(LIBRARIES)) {
    log(`load + init of ${lib} in ${COLD_RUNS} fresh processes`);
    const runs = Array.from({ length: COLD_RUNS }, () => child('load', { lib }));
    cold[lib] = {
      load: median(runs.map((r) => r.load)),
      first: median(runs.map((r) => r.first)),
      ready: median(runs.map((r) => r.load + r.first)),
    };
  }

  log('textlens: warm seed, 1 MB, 10 MB and the pathological texts');
  const speed = {
    textlens: child('speed', {
      lib: 'textlens',
      warmRuns: 200,
      texts: [
        { name: '1 MB', path: paths['1 MB'], runs: 5 },
        { name: '10 MB', path: paths['10 MB'], runs: 3 },
        ...EXTRA.map((name) => ({ name, path: paths[name], runs: 5 })),
        ...PATHOLOGICAL.map((name) => ({ name, path: paths[name], runs: 3 })),
      ],
    }),
  };
  log('wink-nlp: warm seed and 1 MB');
  speed.wink = child('speed', { lib: 'wink', warmRuns: 50, texts: [{ name: '1 MB', path: paths['1 MB'], runs: 3 }] });
  log(`compromise: warm seed and the first ${(Buffer.byteLength(texts['compromise slice']) / 1e3).toFixed(0)} KB of the 1 MB text`);
  speed.compromise = child('speed', { lib: 'compromise', warmRuns: 15, texts: [{ name: '1 MB', path: paths['compromise slice'], runs: 3 }] });

  let fresh = null;
  if (paths.fresh) {
    log(`fresh vocabulary: the first call on 1 MB of unseen news in ${COLD_RUNS} fresh processes (textlens, wink-nlp)`);
    fresh = Object.fromEntries(['textlens', 'wink'].map((lib) => {
      const runs = Array.from({ length: lib === 'textlens' ? COLD_RUNS : 3 }, () => child('fresh', { lib, path: paths.fresh }));
      return [lib, { bytes: runs[0].bytes, ms: median(runs.map((r) => r.ms)) }];
    }));
  }

  log('peak memory on 10 MB (textlens, wink-nlp) in fresh processes');
  const memory = { textlens: child('memory', { lib: 'textlens', path: paths['10 MB'] }) };
  try {
    memory.wink = child('memory', { lib: 'wink', path: paths['10 MB'] });
  } catch (error) {
    log(`wink-nlp on 10 MB failed: ${error.message.split('\n')[0]}`);
  }

  log('native: cargo run --release --example bench_native (builds it first if needed)');
  let native = null;
  try {
    const names = ['1 MB', '10 MB', ...EXTRA, ...PATHOLOGICAL];
    const out = execFileSync('cargo', ['run', '-q', '--release', '--example', 'bench_native', '--', ...names.flatMap((n) => ['--text', paths[n]])], {
      cwd: ROOT, maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'],
    });
    const json = JSON.parse(out.toString().trim().split('\n').pop());
    native = {
      warm: json.warmSeedMs,
      timed: Object.fromEntries(names.map((n, i) => [n, json.texts[i]])),
      stages: { document: json.documentMbPerS, keywords: json.keywordsMbPerS, entities: json.entitiesMbPerS, summary: json.summaryMbPerS },
    };
  } catch (error) {
    log(`native benchmark unavailable: ${error.message.split('\n')[0]}`);
  }

  const lists = listsBench(work);

  results = {
    size, cold, speed, fresh, memory, native, lists, PATHOLOGICAL, EXTRA, vocabulary, real: !real.missing,
    sliceBytes: Buffer.byteLength(texts['compromise slice']),
    elapsed: (performance.now() - started) / 1000,
  };
} finally {
  rmSync(work, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------
// Report: every ratio is textlens ÷ the other, so above 1 is better for throughput
// and below 1 is better for times, bytes and memory.

const { size, cold, speed, fresh, memory, native, lists, elapsed, PATHOLOGICAL, EXTRA, vocabulary, real, sliceBytes } = results;
const mbps = (t) => (t ? t.bytes / 1e6 / (t.ms / 1000) : null);
const tl1 = mbps(speed.textlens.timed['1 MB']);
const tl10 = mbps(speed.textlens.timed['10 MB']);
const small = real ? '1 MB of the mix' : '1 MB';
const linearity = speed.textlens.timed['10 MB'].ms / speed.textlens.timed[small].ms;
const nativeLinearity = native && native.timed['10 MB'].ms / native.timed[small].ms;
const mb = (bytes) => (bytes == null ? null : bytes / 1e6);
const number = (n) => n.toLocaleString('en');

const rows = [];
const row = (figure, unit, t, n, c, w, target) => rows.push({ figure, unit, t, n, c, w, target });
const kb = (b) => b / 1e3;
for (const kind of ['raw', 'gzip', 'brotli']) {
  row(`package a browser loads, ${kind}`, 'KB', kb(size.textlens[kind]), null, kb(size.compromise[kind]), kb(size.wink[kind]), kind === 'gzip' ? '≤ 500 KB' : '');
}
row('load + init (import)', 'ms', cold.textlens.load, null, cold.compromise.load, cold.wink.load, '≤ 30 ms');
row('first analyze(seed) after load', 'ms', cold.textlens.first, null, cold.compromise.first, cold.wink.first, '');
row('load + init + first analyze(seed)', 'ms', cold.textlens.ready, null, cold.compromise.ready, cold.wink.ready, '');
row('warm analyze(seed), median', 'ms', speed.textlens.warm, native?.warm, speed.compromise.warm, speed.wink.warm, '≤ 0.8 ms');
const words = (name) => `${number(Math.round(vocabulary[name] / 1000))}k words/MB`;
const kind = real ? 'real news' : 'seed-built text';
row(`analyze() on 1 MB ${kind} (${words('1 MB')})`, 'MB/s', tl1, mbps(native?.timed['1 MB']), mbps(speed.compromise.timed['1 MB']), mbps(speed.wink.timed['1 MB']), '≥ 6 MB/s');
if (fresh) row(`  first call on 1 MB unseen news, fresh process (${words('fresh')})`, 'MB/s', mbps(fresh.textlens), null, null, mbps(fresh.wink), '≥ 4 MB/s');
for (const name of EXTRA) {
  const label = { '1 MB of the mix': 'the first 1 MB of the 10 MB text', 'seeds 1 MB': '1 MB built from the seeds' }[name] ?? '1 MB in de/fr/es/nl/pt';
  row(`analyze() on ${label} (${words(name)})`, 'MB/s', mbps(speed.textlens.timed[name]), mbps(native?.timed[name]), null, null, '');
}
row(`analyze() on 10 MB ${real ? 'of every pool' : kind} (${words('10 MB')})`, 'MB/s', tl10, mbps(native?.timed['10 MB']), null, memory.wink ? mbps(memory.wink) : null, '');
row(`time(10 MB) ÷ time(${real ? 'its first 1 MB' : '1 MB'})`, '×', linearity, nativeLinearity, null, null, '≤ 11');
row('peak RSS, analyze() on 10 MB', 'MB', mb(memory.textlens.peak), null, null, mb(memory.wink?.peak), '≤ 400 MB');
row('  above the loaded library alone', 'MB', mb(memory.textlens.peak - memory.textlens.baseline), null, null,
  memory.wink ? mb(memory.wink.peak - memory.wink.baseline) : null, '');
row('  wasm linear memory after it', 'MB', mb(memory.textlens.wasm), null, null, null, '');
const slowdown = {};
for (const name of PATHOLOGICAL) {
  const rate = mbps(speed.textlens.timed[name]);
  slowdown[name] = tl1 / rate;
  row(`${name} (~1 MB)`, 'MB/s', rate, mbps(native?.timed[name]), null, null, '');
  row(`  slowdown per MB vs 1 MB ${kind}`, '×', slowdown[name], native ? mbps(native.timed['1 MB']) / mbps(native.timed[name]) : null, null, null, '≤ 3');
}

let listsAdded = null;
if (lists) {
  const [ten] = lists.wasm;
  listsAdded = ten.listsMs / ten.plainMs - 1;
  const nativeTen = lists.native?.[0];
  row('analyze() on 1 MB CoNLL news + 10,000 list entries, added', '%', 100 * listsAdded, nativeTen ? 100 * nativeTen.added : null, null, null, '≤ 15%');
  lists.wasm.forEach((w, i) => {
    const n = lists.native?.[i];
    row(`entity lists: prepare ${number(w.entries)} entries`, 'ms', w.prepareMs, n?.prepareMs, null, null, '');
    row('  then the English matcher (first text)', 'ms', w.matcherMs, n?.matcherMs, null, null, '');
    row('  memory at the peak (wasm: linear memory grown)', 'MB', mb(w.wasmBytes), mb(n?.peakBytes), null, null, '');
    row('  memory they hold then', 'MB', null, mb(n?.withMatcherBytes), null, null, '');
  });
}

const num = (x) => {
  if (x == null || !Number.isFinite(x)) return '—';
  const abs = Math.abs(x);
  return x.toFixed(abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3);
};
const ratio = (a, b) => (a == null || b == null || !b ? '—' : `${num(a / b)}×`);
const header = ['figure', 'unit', 'textlens', 'native', 'compromise', 'wink-nlp', 'wasm÷native', 'vs compromise', 'vs wink', 'target'];
const table = rows.map((r) => [r.figure, r.unit, num(r.t), num(r.n), num(r.c), num(r.w),
  r.unit === '×' || r.unit === '%' ? '—' : ratio(r.t, r.n), ratio(r.t, r.c), ratio(r.t, r.w), r.target]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((cells) => cells[i].length)));
const line = (cells) => `| ${cells.map((c, i) => (i < 2 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;

console.log(`textlens benchmark: Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, ${elapsed.toFixed(0)} s`);
console.log(line(header));
console.log(`|${widths.map((w, i) => (i < 2 || i === widths.length - 1 ? ':' : '-') + '-'.repeat(w) + (i < 2 || i === widths.length - 1 ? '-' : ':')).join('|')}|`);
for (const cells of table) console.log(line(cells));
console.log(`Ratios are textlens ÷ the other: above 1× is better for MB/s, below 1× for ms, KB and MB.
Times are medians: load in ${COLD_RUNS} fresh processes; warm calls (after 1 s of warm-up calls) 200 (textlens), 50 (wink-nlp), 15 (compromise);
1 MB 5 runs (native 5, wink-nlp 3); 10 MB 3 runs (wink-nlp 1, in its memory run); pathological texts 3 runs;
fresh vocabulary: one first call per fresh process after 1 s of warm-up calls on the seed, ${COLD_RUNS} processes (wink-nlp 3).
Real texts (scripts/bench_texts.mjs): 1 MB of CoNLL-2003, CNN/DailyMail, BBC and DUC-2001 documents in a shuffled order; the fresh
row the next 1 MB of that order; 10 MB of those, Inspec and SemEval-2010 papers and the German, French, Spanish, Dutch and Portuguese
dev texts, shuffled, no document twice; the pathological texts are made from the 1 MB text. words/MB: distinct lower-cased words.
compromise's 1 MB figure is measured on the first ${(sliceBytes / 1e3).toFixed(0)} KB of the text (it runs at about 0.1 MB/s); it skips 10 MB,
which would take it minutes. Only textlens runs the pathological texts.
wink-nlp's bytes are the unminified files Node loads for wink-nlp and wink-eng-lite-web-model, concatenated;
compromise's are builds/compromise.js; textlens's are textlens_bg.wasm (with the model) + textlens.js + browser.js + api.js + unpack.js.`);
if (lists) {
  console.log(`Entity lists (issue 16): the text is the first ${(lists.textBytes / 1e6).toFixed(2)} MB of CoNLL-2003 train documents, the lists its set's
person, organisation and place names plus made-up product names (scripts/bench_lists.mjs); "added" is the median of 7 analyze()
calls with the prepared lists ÷ 7 without, taking turns. Memory: wasm, the linear memory grown by preparing the lists and the first
English text (64 KB pages, never given back, so their peak); native, the peak and then the live bytes (examples/bench_lists.rs
counts allocations).`);
}
if (native) {
  const stages = Object.entries(native.stages).map(([stage, rate]) => `${stage} ${num(rate)}`).join(', ');
  console.log(`Native stages alone on 1 MB (MB/s; each includes tokenizing, the summary also the key phrases): ${stages}.`);
}

// ---------------------------------------------------------------------------------
// Targets of issues 5 and 17 (17 moved the speed targets to real text).

const freshRate = fresh && mbps(fresh.textlens);
const targets = [
  [`full analyze() on 1 MB of ${kind} ≥ 6 MB/s (wasm under Node)`, tl1 >= 6, `${num(tl1)} MB/s`],
  [`… ≥ 2.5× wink-nlp's throughput on the same text`, tl1 / mbps(speed.wink.timed['1 MB']) >= 2.5, ratio(tl1, mbps(speed.wink.timed['1 MB']))],
  [`… ≥ 50× compromise's throughput`, tl1 / mbps(speed.compromise.timed['1 MB']) >= 50, ratio(tl1, mbps(speed.compromise.timed['1 MB']))],
  ...(fresh ? [[`fresh vocabulary: first call on 1 MB of unseen news ≥ 4 MB/s`, freshRate >= 4, `${num(freshRate)} MB/s`]] : []),
  [`warm analyze() of the seed ≤ 0.8 ms`, speed.textlens.warm <= 0.8, `${num(speed.textlens.warm)} ms`],
  [`load + initialise ≤ 30 ms (import: instantiates the wasm, decodes the entity model)`, cold.textlens.load <= 30, `${num(cold.textlens.load)} ms`],
  [`package a browser loads (wasm + JS + model) ≤ 500 KB gzipped`, size.textlens.gzip <= 500_000, `${num(kb(size.textlens.gzip))} KB`],
  [`peak memory on the 10 MB text ≤ 400 MB (whole process)`, memory.textlens.peak <= 400e6, `${num(mb(memory.textlens.peak))} MB`],
  [`linear: time(10 MB) ≤ 11× time(${real ? 'its first 1 MB' : '1 MB'})`, linearity <= 11, `${num(linearity)}×`],
  ...PATHOLOGICAL.map((name) => [`pathological "${name}" ≤ 3× the time per MB of news text`, slowdown[name] <= 3, `${num(slowdown[name])}×`]),
  ...(listsAdded === null ? [] : [[`10,000 entity-list entries add ≤ 15% to analyze() of 1 MB once prepared (issue 16)`, listsAdded <= 0.15, `+${num(100 * listsAdded)}%`]]),
  ...sizeTargets(size),
];
let failed = 0;
for (const [what, ok, value] of targets) {
  if (!ok) failed++;
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${what}: ${value}`);
}
console.log(failed ? `${failed} of ${targets.length} targets not met` : `all ${targets.length} targets met`);
if (check && failed) process.exit(1);

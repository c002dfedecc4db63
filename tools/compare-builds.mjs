// Compares the speed of two built packages in one Node process, taking turns, so that
// a busy machine slows both alike: warm analyze() of the seed article, and of 1 MB of
// real news text (the first CoNLL-2003 training documents, joined in memory; that text
// is research-only and never written to the repository).
//
//   cp -r pkg /tmp/pkg-before   # on the commit before the change, after make build
//   node tools/compare-builds.mjs /tmp/pkg-before pkg [rounds]
//
// Run it a few times, also with the two packages in the other order, and compare the
// medians: the one loaded second is not favoured, but runs vary by a few percent.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TRAIN = join(ROOT, '..', 'shared', 'data', 'ner', 'conll2003', 'train.jsonl');
// Calls of the seed per timed batch: about 70 ms, long enough for the timer's resolution.
const SEED_CALLS = 100;

const [first, second, roundsArg] = process.argv.slice(2);
if (!first || !second) {
  console.error('usage: node tools/compare-builds.mjs PKG_A PKG_B [rounds]');
  process.exit(2);
}
const rounds = Number(roundsArg ?? 20);
const seed = readFileSync(join(ROOT, 'seeds', '000_50d3d3b30f27bb10.txt'), 'utf8');

function megabyte() {
  if (!existsSync(TRAIN)) {
    console.log('skipped: ../shared/data not found (the 1 MB text); timing the seed only');
    return null;
  }
  const docs = [];
  let bytes = 0;
  for (const line of readFileSync(TRAIN, 'utf8').split('\n')) {
    if (!line.trim() || bytes >= 1e6) continue;
    const { text } = JSON.parse(line);
    docs.push(text);
    bytes += Buffer.byteLength(text) + 2;
  }
  return docs.join('\n\n');
}

const big = megabyte();
const builds = [];
for (const dir of [first, second]) {
  builds.push({ dir, api: await import(pathToFileURL(resolve(dir, 'node.js')).href), seed: [], big: [] });
}
const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// Warm-up: both builds' hot code compiled by V8's optimising tiers.
const until = performance.now() + 3000;
while (performance.now() < until) for (const build of builds) build.api.analyze(seed);
if (big) for (const build of builds) build.api.analyze(big);

for (let round = 0; round < rounds; round++) {
  for (const build of round % 2 ? [...builds].reverse() : builds) {
    const t0 = performance.now();
    for (let i = 0; i < SEED_CALLS; i++) build.api.analyze(seed);
    build.seed.push((performance.now() - t0) / SEED_CALLS);
    if (big) {
      const t1 = performance.now();
      build.api.analyze(big);
      build.big.push(performance.now() - t1);
    }
  }
}

for (const { dir, seed: s, big: b } of builds) {
  const large = big ? `, 1 MB ${median(b).toFixed(1)} ms (min ${Math.min(...b).toFixed(1)})` : '';
  console.log(`${dir}: warm seed ${median(s).toFixed(4)} ms (min ${Math.min(...s).toFixed(4)})${large}`);
}
const ratio = (key) => (median(builds[1][key]) / median(builds[0][key])).toFixed(3);
console.log(`second ÷ first, medians: seed ${ratio('seed')}${big ? `, 1 MB ${ratio('big')}` : ''}`);

// Records what the built package answers, to show that a change keeps behaviour: all
// four functions (analyze, keywords, entities, summarize) on the seeds and on documents
// of every dev set in ../shared/data (those that are there).
//
//   node tools/snapshot.mjs --out before.json [--pkg pkg]   record
//   node tools/snapshot.mjs --compare before.json after.json  list the texts that differ
//
// The snapshot holds results, not texts, so it may be kept outside the repository only
// (some dev texts must not be committed).
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DATA = process.env.TEXTLENS_DATA ?? join(ROOT, '..', 'shared', 'data');
// Documents taken from each dev set: enough to cover its kind of text, few enough to
// record in a few seconds.
const PER_SET = 40;

const argv = process.argv.slice(2);
const flag = (name) => {
  const at = argv.indexOf(name);
  return at < 0 ? undefined : argv[at + 1];
};

function texts() {
  const out = [];
  const seeds = join(ROOT, 'seeds');
  for (const name of readdirSync(seeds).filter((n) => n.endsWith('.txt')).sort()) {
    out.push([`seed:${name}`, readFileSync(join(seeds, name), 'utf8')]);
  }
  const sets = [
    'ner/conll2003/dev.jsonl', 'ner/btc/dev.jsonl', 'ner/wnut17/dev.jsonl', 'ner/re3d/dev.jsonl', 'ner/sec/dev.jsonl',
    'ner/conll2002/es.dev.jsonl', 'ner/conll2002/nl.dev.jsonl', 'ner/germeval2014/de.dev.jsonl',
    'ner/europeana/fr.dev.jsonl', 'ner/europeana/de.dev.jsonl', 'ner/europeana/nl.dev.jsonl',
    'keywords/inspec.dev.jsonl', 'keywords/semeval2010.dev.jsonl', 'keywords/duc2001.dev.jsonl',
    'keywords/wikinews_fr.dev.jsonl', 'keywords/ptbnkp_pt.dev.jsonl', 'keywords/pak2018_pl.dev.jsonl',
    'summary/cnndm.dev.jsonl', 'summary/bbc.dev.jsonl',
    'segment/golden_rules_en.dev.jsonl', 'segment/ud_en_ewt.dev.jsonl', 'segment/ud_de_gsd.dev.jsonl', 'segment/ud_fr_gsd.dev.jsonl',
  ];
  const missing = [];
  for (const set of sets) {
    const path = join(DATA, set);
    if (!existsSync(path)) {
      missing.push(set);
      continue;
    }
    const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim());
    lines.slice(0, PER_SET).forEach((line, i) => {
      const doc = JSON.parse(line);
      out.push([`${set}#${doc.id ?? i}`, doc.text]);
    });
  }
  if (missing.length) console.error(`not found (skipped): ${missing.join(', ')}`);
  return out;
}

async function record(out, pkg) {
  const api = await import(pathToFileURL(resolve(pkg, 'node.js')).href);
  const results = {};
  for (const [id, text] of texts()) {
    const run = (f) => {
      try {
        return api[f](text);
      } catch (error) {
        return { error: String(error?.message ?? error) };
      }
    };
    // Through JSON, so that lazily built objects and plain ones compare alike.
    results[id] = JSON.parse(JSON.stringify({ analyze: run('analyze'), keywords: run('keywords'), entities: run('entities'), summarize: run('summarize') }));
  }
  writeFileSync(out, JSON.stringify(results));
  console.log(`${Object.keys(results).length} texts recorded in ${out}`);
}

function compare(a, b) {
  const before = JSON.parse(readFileSync(a, 'utf8'));
  const after = JSON.parse(readFileSync(b, 'utf8'));
  const ids = new Set([...Object.keys(before), ...Object.keys(after)]);
  const differ = [];
  for (const id of ids) {
    if (!(id in before) || !(id in after)) {
      differ.push(`${id}: only in ${id in before ? a : b}`);
      continue;
    }
    for (const f of ['analyze', 'keywords', 'entities', 'summarize']) {
      if (!isDeepStrictEqual(before[id][f], after[id][f])) {
        const keys = Object.keys({ ...before[id][f], ...after[id][f] }).filter((k) => !isDeepStrictEqual(before[id][f]?.[k], after[id][f]?.[k]));
        differ.push(`${id}: ${f}() differs in ${keys.join(', ')}`);
      }
    }
  }
  console.log(`${ids.size} texts compared, ${differ.length} differences`);
  for (const line of differ.slice(0, 50)) console.log(`  ${line}`);
  process.exitCode = differ.length ? 1 : 0;
}

if (flag('--compare')) {
  compare(flag('--compare'), argv[argv.indexOf('--compare') + 2]);
} else if (flag('--out')) {
  await record(flag('--out'), flag('--pkg') ?? join(ROOT, 'pkg'));
} else {
  console.error('usage: node tools/snapshot.mjs --out FILE [--pkg DIR] | --compare BEFORE AFTER');
  process.exitCode = 2;
}

// Shared by the Node tests: installs the built package into a scratch project, as a
// user would, and checks the invariants every analysis must keep.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const PKG = join(ROOT, 'pkg');
export const SEEDS = join(ROOT, 'seeds');
// TEXTLENS_DATA points elsewhere, e.g. at a missing folder to check the skip path.
export const DATA = process.env.TEXTLENS_DATA ?? join(ROOT, '..', 'shared', 'data');

export const seedFiles = () =>
  readdirSync(SEEDS)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => join(SEEDS, name));

/**
 * Packs pkg/ with `npm pack` and installs the tarball into a new temporary project.
 * Returns the project's directory and a cleanup function.
 */
export function installPackage() {
  assert.ok(existsSync(join(PKG, 'package.json')), 'pkg/ is not built: run `make build` first');
  const project = mkdtempSync(join(tmpdir(), 'textlens-user-'));
  const npm = (...args) =>
    execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: project,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'user', private: true, type: 'module' }));
  const tarball = npm('pack', PKG, '--pack-destination', project, '--json');
  const [{ filename }] = JSON.parse(tarball);
  npm('install', '--offline', join(project, filename));
  return { project, cleanup: () => rmSync(project, { recursive: true, force: true }) };
}

/** Imports 'textlens' from inside `project`, so Node resolves it through the exports map. */
export async function importFrom(project) {
  const entry = join(project, 'entry.mjs');
  writeFileSync(entry, "export * from 'textlens';\nexport { default } from 'textlens';\n");
  return import(pathToFileURL(entry).href);
}

const inBounds = (text, span, what) => {
  assert.ok(
    Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= text.length,
    `${what}: span ${span.start}..${span.end} is outside the text (length ${text.length})`,
  );
};

/**
 * Every span of every kind lies in the text and slices back to the text reported with it:
 * the contract that lets callers use `text.slice(start, end)` (UTF-16 offsets).
 */
export function checkAnalysis(text, a, where = 'analysis') {
  // The analyzer reads an unpaired surrogate as U+FFFD (as TextEncoder does): offsets
  // still index the caller's string, and reported texts carry U+FFFD in its place.
  const seen = text.toWellFormed();
  for (const key of ['stats', 'sentences', 'terms', 'keywords', 'entities', 'entityGroups', 'summary']) {
    assert.ok(key in a, `${where}: result lacks "${key}"`);
  }
  let previous = 0;
  for (const s of a.sentences) {
    inBounds(text, s, `${where}: sentence`);
    assert.ok(s.start >= previous, `${where}: sentences overlap or are out of order at ${s.start}`);
    assert.ok(Number.isFinite(s.score), `${where}: sentence score ${s.score} is not finite`);
    previous = s.end;
  }
  for (const k of a.keywords) {
    assert.ok(typeof k.text === 'string' && k.text.length > 0, `${where}: empty key phrase`);
    assert.ok(Number.isFinite(k.score), `${where}: key phrase "${k.text}" score ${k.score}`);
    for (const o of k.occurrences) inBounds(text, o, `${where}: key phrase "${k.text}"`);
  }
  for (let i = 1; i < a.keywords.length; i++) {
    assert.ok(a.keywords[i - 1].score >= a.keywords[i].score, `${where}: key phrases are not ranked best first`);
  }
  for (const t of a.terms) {
    assert.ok(typeof t.term === 'string' && t.term.length > 0 && t.count > 0, `${where}: bad term ${JSON.stringify(t)}`);
  }
  previous = 0;
  // One set of mention offsets per group, so that a group of many mentions stays cheap.
  const mentionsOf = a.entityGroups.map((g) => new Set(g.mentions.map((m) => `${m.start}:${m.end}`)));
  for (const e of a.entities) {
    inBounds(text, e, `${where}: entity "${e.text}"`);
    assert.equal(seen.slice(e.start, e.end), e.text, `${where}: entity text differs from text.slice(${e.start}, ${e.end})`);
    assert.ok(e.start >= previous, `${where}: entities overlap or are out of document order at ${e.start}`);
    previous = e.end;
    const group = a.entityGroups[e.group];
    assert.ok(group, `${where}: entity "${e.text}" points at missing group ${e.group}`);
    assert.equal(group.label, e.label, `${where}: entity "${e.text}" and its group disagree on the label`);
    assert.ok(
      mentionsOf[e.group].has(`${e.start}:${e.end}`),
      `${where}: group "${group.text}" does not list the mention "${e.text}" at ${e.start}`,
    );
  }
  for (const g of a.entityGroups) {
    assert.equal(g.count, g.mentions.length, `${where}: group "${g.text}" count ${g.count} != ${g.mentions.length} mentions`);
    for (const m of g.mentions) inBounds(text, m, `${where}: group "${g.text}"`);
  }
  previous = -1;
  const sentenceSpans = new Set(a.sentences.map((x) => `${x.start}:${x.end}`));
  for (const s of a.summary) {
    inBounds(text, s, `${where}: summary sentence`);
    assert.equal(seen.slice(s.start, s.end), s.text, `${where}: summary text differs from text.slice(${s.start}, ${s.end})`);
    assert.ok(s.start > previous, `${where}: summary is not in document order`);
    previous = s.start;
    assert.ok(
      sentenceSpans.has(`${s.start}:${s.end}`),
      `${where}: summary sentence ${s.start}..${s.end} is not one of the sentences`,
    );
  }
}

/** Prints why a data-dependent test did not run (make test collects these lines). */
export function skipWithoutData(t, path) {
  if (existsSync(path)) return false;
  const message = `skipped: ../shared/data not found (${t.name})`;
  console.log(message);
  t.skip(message);
  return true;
}

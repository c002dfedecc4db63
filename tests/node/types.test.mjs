// The TypeScript declarations shipped in the package type-check real usage, reject misuse
// (wrong option types, unknown result fields), and state the option ranges the analyzer
// checks.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT, importFrom, installPackage } from './helpers.mjs';

const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

let project;
let cleanup = () => {};

before(() => {
  ({ project, cleanup } = installPackage());
});

after(() => cleanup());

const USAGE = `
import init, { EntityLists, analyze, entities, keywords, optionSpecs, summarize } from 'textlens';
import type { Analysis, Entity, EntityGroup, EntityListsSpec, Label, Options, OptionSpec } from 'textlens';

await init();
const text: string = 'Angela Merkel visited Paris.';
const options: Options = { keywords: 5, summarySentences: 2, summaryRatio: null, maxPhraseWords: 3 };
const result: Analysis = analyze(text, options);
const people: Entity[] = result.entities.filter((e) => e.label === 'PERSON');
const spans: string[] = people.map((e) => text.slice(e.start, e.end));
const groups: EntityGroup[] = entities(text, {}).entityGroups;
const label: Label = groups[0]?.label ?? 'ORG';
const best: number | undefined = keywords(text, options).keywords[0]?.score;
const firstSummary: string | undefined = summarize(text, {}).summary[0]?.text;
const language: string = result.stats.language;
const minutes: number = result.stats.readingTimeSeconds / 60;
const largest: number[] = optionSpecs().map((spec: OptionSpec) => spec.max);
const spec: EntityListsSpec = {
  PRODUCT: [{ text: 'Acme Rocket Skates', aliases: ['ARS'] }, 'Globex Phone'],
  DRUG: { entries: ['aspirin'], caseSensitive: true },
  exclude: ['Windows'],
};
const prepared = new EntityLists(spec, { maxEntries: 10 });
const count: number = prepared.entries;
const products: Entity[] = analyze(text, { entityLists: prepared }).entities.filter((e) => e.label === 'PRODUCT');
const plain: Analysis = analyze(text, { entityLists: spec, keywords: 3 });
prepared.free();

// @ts-expect-error counts are numbers
analyze(text, { keywords: 'five' });
// @ts-expect-error no such option
analyze(text, { keywordz: 5 });
// @ts-expect-error no such field on an entity
people[0]?.kind;
const custom: Label = 'ANIMAL';
// @ts-expect-error labels are upper case
const wrong: Label = 'animal';
// @ts-expect-error an entry is a phrase or { text, aliases }
analyze(text, { entityLists: { PRODUCT: [5] } });
// @ts-expect-error aliases are phrases
analyze(text, { entityLists: { PRODUCT: [{ text: 'Acme', aliases: 'A' }] } });

export { spans, label, best, firstSummary, language, minutes, largest, wrong, custom, count, products, plain };
`;

// The options argument is optional in JavaScript; the declarations must say so.
const OPTIONAL = `
import { analyze, entities, keywords, summarize } from 'textlens';
export const all = [analyze('a'), entities('a'), keywords('a'), summarize('a')];
`;

function typeCheck(t, source) {
  if (!existsSync(TSC)) {
    t.skip('typescript is not installed: run npm ci');
    return;
  }
  writeFileSync(join(project, 'usage.ts'), source);
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        lib: ['ES2022', 'DOM'],
        skipLibCheck: false,
      },
      files: ['usage.ts'],
    }),
  );
  try {
    execFileSync(process.execPath, [TSC, '-p', project], { cwd: project, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    assert.fail(`tsc reported errors:\n${error.stdout}${error.stderr}`);
  }
}

test('textlens.d.ts type-checks a usage file under strict NodeNext resolution', (t) => typeCheck(t, USAGE));

test('textlens.d.ts declares the options argument optional', (t) => typeCheck(t, OPTIONAL));

// src/options.rs is the one source of the ranges; the declarations' comments and the
// package README repeat them for readers, so they are checked against optionSpecs().
test('textlens.d.ts and the package README state the option ranges of optionSpecs()', async () => {
  const { optionSpecs } = await importFrom(project);
  const installed = join(project, 'node_modules', 'textlens');
  const dts = readFileSync(join(installed, 'textlens.d.ts'), 'utf8');
  const readme = readFileSync(join(installed, 'README.md'), 'utf8').split('Options (all optional')[1] ?? '';
  const block = /export interface Options \{([\s\S]*?)\n\}/.exec(dts)?.[1] ?? '';
  const comments = new Map([...block.matchAll(/\/\*\*(.*?)\*\/\s*(\w+)\?:/g)].map(([, doc, name]) => [name, doc]));
  const specs = optionSpecs();
  assert.deepEqual([...comments.keys()], specs.map((spec) => spec.name), 'help: Options in textlens.d.ts lists every option, in order');
  const n = (x) => x.toLocaleString('en');
  for (const spec of specs) {
    const range = { count: `${n(spec.min)}–${n(spec.max)}`, share: `(${spec.min}, ${spec.max}]`, number: `[${spec.min}, ${spec.max}]` }[spec.kind];
    const preset = spec.default === null ? '' : ` (default ${n(spec.default)})`;
    const comment = comments.get(spec.name);
    assert.ok(comment.includes(`${range}${preset}`), `help: textlens.d.ts must say "${range}${preset}" for ${spec.name}: ${comment}`);
    const line = readme.split('\n').find((l) => l.startsWith(`- \`${spec.name}\``)) ?? '';
    assert.ok(line.includes(`${range}${preset}`), `help: js/README.md must say "${range}${preset}" for ${spec.name}: ${line}`);
  }
});

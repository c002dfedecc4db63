// The TypeScript declarations generated into the package type-check real usage, and
// reject misuse (wrong option types, unknown result fields).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT, installPackage } from './helpers.mjs';

const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

let project;
let cleanup = () => {};

before(() => {
  ({ project, cleanup } = installPackage());
});

after(() => cleanup());

const USAGE = `
import init, { analyze, entities, keywords, summarize } from 'textlens';
import type { Analysis, Entity, EntityGroup, Label, Options } from 'textlens';

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

// @ts-expect-error counts are numbers
analyze(text, { keywords: 'five' });
// @ts-expect-error no such option
analyze(text, { keywordz: 5 });
// @ts-expect-error no such field on an entity
people[0]?.kind;
// @ts-expect-error labels are a closed set
const wrong: Label = 'ANIMAL';

export { spans, label, best, firstSummary, language, minutes, wrong };
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

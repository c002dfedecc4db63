// The built package as a user gets it: packed, installed into a scratch project and
// imported by name (`import init, { analyze } from 'textlens'`).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, checkAnalysis, importFrom, installPackage, seedFiles } from './helpers.mjs';

let textlens;
let project;
let cleanup = () => {};

before(async () => {
  const installed = installPackage();
  cleanup = installed.cleanup;
  project = installed.project;
  textlens = await importFrom(installed.project);
  await textlens.default();
});

after(() => cleanup());

const ARTICLE = seedFiles().find((file) => basename(file).startsWith('000_'));

/** Texts whose spans must all slice back correctly. */
const TRICKY = {
  'emoji before entities': '😀😀 👨‍👩‍👧 𝒳 Angela Merkel visited Paris on 3 March 2024. Write to anna@example.com or see https://example.com/a?b=1 #news @bob.',
  'astral only': '𝕋𝕙𝕚𝕤 𝕚𝕤 𝕞𝕒𝕥𝕙. 😀 Another sentence here.',
  'lone high surrogate': 'a\uD800b Paris is in France. London too.',
  'lone low surrogate at start': '\uDC00 Berlin and Madrid.',
  'lone surrogate at end': 'Rome.\uD83D',
  'combining marks': 'Noe\u0308l met Zoe\u0308 in Zu\u0308rich. Ame\u0301lie stayed.',
  'CJK and RTL': '我们在北京参观了故宫。 مرحبا بكم في القاهرة. Мы посетили Москву. Tokyo 🇯🇵 is big.',
  'no sentence end': 'just some words without any punctuation at all',
  'only whitespace': ' \n\n\t  \n',
  'only punctuation': '!!! ... ??? ,,, ;;;',
  'CRLF paragraphs': 'First paragraph, Oslo.\r\n\r\nSecond paragraph, Bergen.\r\n',
  'long word': `${'x'.repeat(5000)} y.`,
  'NUL and control characters': 'Vienna\u0000 and\u0007 Prague\u001b[31m. Budapest\u0008 too.',
  'byte-order mark': '\uFEFFLisbon is sunny. Porto is too.',
  'CR, LF and CRLF mixed': 'Athens\rSparta\nCorinth\r\nThebes.\r\rDelphi.',
  'ZWJ and flag emoji between names': 'Anna Schmidt 👩‍💻🏳️‍🌈 met Piotr Nowak 🇵🇱 in Warsaw.',
  'RTL marks': '\u200FAlice \u202Bmet\u202C Bob in \u2067Haifa\u2069.',
};

describe('package', () => {
  test('default export init() resolves in Node, so browser-style code runs unchanged', async () => {
    assert.equal(typeof textlens.default, 'function');
    await textlens.default();
    for (const name of ['analyze', 'keywords', 'entities', 'summarize']) {
      assert.equal(typeof textlens[name], 'function', `textlens.${name} is exported`);
    }
  });

  test('the installed manifest routes Node to node.js and ships types', () => {
    const manifest = JSON.parse(readFileSync(join(project, 'node_modules', 'textlens', 'package.json'), 'utf8'));
    assert.equal(manifest.name, 'textlens');
    assert.equal(manifest.type, 'module');
    assert.equal(manifest.exports['.'].node, './node.js');
    assert.equal(manifest.exports['.'].default, './browser.js');
    assert.equal(manifest.exports['.'].types, './textlens.d.ts');
    // Only the widget module has a side effect: importing it defines <text-analyzer>.
    assert.deepEqual(manifest.sideEffects, ['./text-analyzer.js']);
  });

  test('the wasm carries no path of the build machine', () => {
    const wasm = readFileSync(join(project, 'node_modules', 'textlens', 'textlens_bg.wasm')).toString('latin1');
    for (const path of [homedir(), ROOT.replace(/\/$/, ''), '/.cargo/registry']) {
      assert.ok(!wasm.includes(path), `textlens_bg.wasm contains "${path}"`);
    }
  });
});

describe('analyze', () => {
  test('returns every section with the documented shapes', () => {
    const text = readFileSync(ARTICLE, 'utf8');
    const a = textlens.analyze(text);
    assert.deepEqual(Object.keys(a).sort(), ['entities', 'entityGroups', 'keywords', 'languages', 'sentences', 'stats', 'summary', 'terms']);
    for (const key of ['characters', 'words', 'sentences', 'paragraphs', 'readingTimeSeconds', 'averageSentenceLength', 'language']) {
      assert.ok(key in a.stats, `stats.${key} is present`);
    }
    assert.equal(a.stats.sentences, a.sentences.length);
    assert.ok(a.sentences.length > 5, `the article has many sentences, got ${a.sentences.length}`);
    checkAnalysis(text, a, basename(ARTICLE));
  });

  // The golden files hold the core's own serialisation (byte offsets, scores to four
  // decimals), so this checks every field the packed result carries across.
  for (const file of seedFiles()) {
    test(`the package gives the golden result of the core: seeds/${basename(file)}`, () => {
      const text = readFileSync(file, 'utf8');
      const golden = JSON.parse(readFileSync(join(ROOT, 'tests', 'golden', `${basename(file, '.txt')}.json`), 'utf8'));
      const utf16At = new Map();
      let bytes = 0;
      let units = 0;
      for (const ch of text) {
        utf16At.set(bytes, units);
        bytes += Buffer.byteLength(ch);
        units += ch.length;
      }
      utf16At.set(bytes, units);
      // A copy of `value` with every leaf replaced by leaf(value, its key).
      const mapLeaves = (value, leaf, key) => {
        if (Array.isArray(value)) return value.map((v) => mapLeaves(v, leaf));
        if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapLeaves(v, leaf, k)]));
        return leaf(value, key);
      };
      const a = textlens.analyze(text);
      const rounded = mapLeaves(a, (v) => (typeof v === 'number' ? Math.round(v * 10_000) / 10_000 : v));
      assert.deepEqual(rounded, mapLeaves(golden, (v, key) => (key === 'start' || key === 'end' ? utf16At.get(v) : v)));
      assert.deepEqual(Object.keys(a), ['stats', 'sentences', 'terms', 'keywords', 'entities', 'entityGroups', 'summary', 'languages'], 'keys in the order of the types');
      assert.deepEqual(textlens.entities(text), { entities: a.entities, entityGroups: a.entityGroups, languages: a.languages });
      assert.deepEqual(textlens.keywords(text), { terms: a.terms, keywords: a.keywords, languages: a.languages });
      assert.deepEqual(textlens.summarize(text), { sentences: a.sentences, summary: a.summary, languages: a.languages });
    });
  }

  test('the seed article: people, places and organisations are found', () => {
    const text = readFileSync(ARTICLE, 'utf8');
    const found = new Set(textlens.analyze(text).entities.map((e) => `${e.label} ${e.text}`));
    for (const expected of ['PERSON Hossein Amir Abdollahian', 'LOCATION Tehran', 'LOCATION Baghdad', 'ORG Islamic Revolution Guards Corps']) {
      assert.ok(found.has(expected), `expected entity "${expected}"; found ${[...found].join(', ') || 'none'}`);
    }
  });

  test('the seed article: key phrases, terms and a 3-sentence summary', () => {
    const text = readFileSync(ARTICLE, 'utf8');
    const a = textlens.analyze(text);
    assert.equal(a.keywords.length, 10, 'default: 10 key phrases');
    assert.ok(a.terms.length > 0, 'frequent terms are listed');
    assert.equal(a.summary.length, 3, 'default: 3 summary sentences');
    assert.ok(a.stats.words > 400, `the article has about 500 words, stats say ${a.stats.words}`);
    assert.equal(a.stats.language, 'en');
  });

  for (const file of seedFiles()) {
    test(`every span slices back to its text: seeds/${basename(file)}`, () => {
      const text = readFileSync(file, 'utf8');
      checkAnalysis(text, textlens.analyze(text), basename(file));
      checkAnalysis(text, textlens.analyze(text, { summaryRatio: 1, keywords: 200, terms: 500 }), `${basename(file)} (all)`);
    });
  }

  for (const [name, text] of Object.entries(TRICKY)) {
    test(`every span slices back to its text: ${name}`, () => {
      checkAnalysis(text, textlens.analyze(text, { summaryRatio: 1 }), name);
    });
  }

  test('no input makes the panic hook print', () => {
    const printed = [];
    const original = console.error;
    console.error = (...args) => printed.push(args.join(' '));
    try {
      for (const text of Object.values(TRICKY)) {
        textlens.analyze(text);
        textlens.keywords(text);
        textlens.entities(text);
        textlens.summarize(text);
      }
    } finally {
      console.error = original;
    }
    assert.deepEqual(printed, [], 'help: console_error_panic_hook printed: a panic crossed the boundary');
  });

  test('pattern entities after emoji and astral characters keep UTF-16 offsets', () => {
    const text = TRICKY['emoji before entities'];
    const a = textlens.analyze(text);
    const byLabel = Object.fromEntries(a.entities.map((e) => [e.label, e]));
    assert.equal(byLabel.EMAIL?.text, 'anna@example.com', `an EMAIL entity; got ${JSON.stringify(a.entities)}`);
    assert.equal(byLabel.EMAIL.start, text.indexOf('anna@'));
    assert.equal(byLabel.URL?.text, 'https://example.com/a?b=1');
    assert.equal(byLabel.LOCATION?.text, 'Paris');
    assert.equal(byLabel.LOCATION.start, text.indexOf('Paris'));
  });

  test('empty text gives an empty, valid result', () => {
    const a = textlens.analyze('');
    for (const key of ['sentences', 'terms', 'keywords', 'entities', 'entityGroups', 'summary']) {
      assert.deepEqual(a[key], [], `${key} is empty`);
    }
    assert.equal(a.stats.characters, 0);
    assert.equal(a.stats.words, 0);
    assert.equal(a.stats.sentences, 0);
    assert.equal(a.stats.readingTimeSeconds, 0);
    assert.ok(Number.isFinite(a.stats.averageSentenceLength));
  });

  test('lone surrogates are analysed, and offsets still index the original string', () => {
    const text = 'a\uD800b Paris';
    const a = textlens.analyze(text);
    checkAnalysis(text, a, 'lone surrogate');
    assert.equal(a.sentences.at(-1).end, text.length, 'the last sentence ends at the end of the JS string');
  });

  test('results are plain JSON data and deterministic', () => {
    const text = readFileSync(ARTICLE, 'utf8');
    const first = textlens.analyze(text);
    assert.deepEqual(JSON.parse(JSON.stringify(first)), first);
    assert.deepEqual(textlens.analyze(text), first);
  });

  test('keywords(), entities() and summarize() return the matching parts of analyze()', () => {
    const text = readFileSync(ARTICLE, 'utf8');
    const options = { keywords: 5, summarySentences: 2 };
    const all = textlens.analyze(text, options);
    assert.deepEqual(textlens.keywords(text, options), { terms: all.terms, keywords: all.keywords, languages: all.languages });
    assert.deepEqual(textlens.entities(text, options), { entities: all.entities, entityGroups: all.entityGroups, languages: all.languages });
    assert.deepEqual(textlens.summarize(text, options), { sentences: all.sentences, summary: all.summary, languages: all.languages });
  });
});

describe('options', () => {
  const text = 'One sentence here. Another one there. A third one. And a fourth.';

  test('counts are honoured', () => {
    const a = textlens.analyze(text, { keywords: 1, terms: 2, summarySentences: 2 });
    assert.ok(a.keywords.length <= 1);
    assert.ok(a.terms.length <= 2);
    assert.equal(a.summary.length, 2);
    assert.equal(textlens.analyze(text, { summarySentences: 0 }).summary.length, 0);
    assert.equal(textlens.analyze(text, { summaryRatio: 0.5 }).summary.length, 2);
  });

  const throwsNaming = (options, name) => {
    assert.throws(
      () => textlens.analyze(text, options),
      (error) => error instanceof Error && error.message.includes(name),
      `analyze(text, ${JSON.stringify(options)}) throws an Error naming "${name}"`,
    );
  };

  test('an unknown option throws an Error naming it', () => {
    throwsNaming({ keywordz: 3 }, 'keywordz');
    throwsNaming({ summary_sentences: 3 }, 'summary_sentences');
  });

  test('an out-of-range option throws an Error naming it', () => {
    throwsNaming({ keywords: 1000 }, 'keywords');
    throwsNaming({ maxPhraseWords: 0 }, 'maxPhraseWords');
    throwsNaming({ summarySentences: 101 }, 'summarySentences');
    throwsNaming({ summaryRatio: 0 }, 'summaryRatio');
    throwsNaming({ summaryRatio: 1.5 }, 'summaryRatio');
    throwsNaming({ wordsPerMinute: 1 }, 'wordsPerMinute');
  });

  test('a negative, fractional or non-numeric count throws an Error naming the option', () => {
    throwsNaming({ keywords: -1 }, 'keywords');
    throwsNaming({ terms: 2.5 }, 'terms');
    throwsNaming({ summarySentences: '3' }, 'summarySentences');
  });

  test('options that are not an object throw an Error', () => {
    for (const bad of [[1], 'keywords', 5]) {
      assert.throws(() => textlens.analyze(text, bad), Error, `options ${JSON.stringify(bad)}`);
    }
    assert.doesNotThrow(() => textlens.analyze(text, undefined));
    assert.doesNotThrow(() => textlens.analyze(text, null));
    assert.doesNotThrow(() => textlens.analyze(text, {}));
  });

  test('a text over maxLength throws an Error naming maxLength', () => {
    throwsNaming({ maxLength: 10 }, 'maxLength');
    assert.doesNotThrow(() => textlens.analyze('short', { maxLength: 5 }));
  });

  test('a failed call leaves the module usable', () => {
    assert.throws(() => textlens.analyze(text, { keywords: 1000 }));
    checkAnalysis(text, textlens.analyze(text), 'after an error');
  });
});

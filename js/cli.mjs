#!/usr/bin/env node
// textlens command line: analyses files, or JSON Lines on stdin (the evaluation protocol).
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { EntityLists, analyze, optionSpecs } from './node.js';

const kebab = (name) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/** One help line per option, from the ranges the analyzer itself checks. */
function optionLines() {
  return optionSpecs().map(({ name, kind, min, max, default: fallback, doc }) => {
    const flag = `--${kebab(name)} ${kind === 'count' ? 'N' : 'R'}`;
    const range = kind === 'count' ? `${min}-${max}` : kind === 'share' ? `(${min}, ${max}]` : `[${min}, ${max}]`;
    const preset = fallback === null ? '' : ` (default ${fallback})`;
    return `  ${flag.padEnd(24)}${doc.charAt(0).toLowerCase()}${doc.slice(1)}, ${range}${preset}`;
  });
}

const USAGE = `usage:
  textlens [OPTIONS] FILE...   print the analysis of each file as a JSON array
  textlens --jsonl [OPTIONS]   read {"id","text","options"} lines on stdin, write one result line each

options (apply to every text; a line's own "options" override them):
${optionLines().join('\n')}
  --entity-lists FILE     your entity lists, a JSON object of phrases by label and "exclude"
                          (see the README); a line's own "entity_lists" replaces them
  --language CODE         the texts' language: auto (default: detected per text) or an
                          ISO 639-1 code such as de, fr, es
  --compact               one line of JSON instead of indented output (files)
  -h, --help              this help`;

const camel = (name) => name.replace(/[_-]([a-z])/g, (_, letter) => letter.toUpperCase());

// Output sections a protocol line may switch off with `false` (or on with `true`).
const SECTIONS = ['sentences', 'keywords', 'terms', 'entities', 'entity_groups', 'summary'];
// Sections whose size is an API option, so a number sets it and `false` skips the work.
const COUNTS = { keywords: 'keywords', terms: 'terms', summary: 'summarySentences' };

/**
 * Splits protocol options into API options and the output sections to write.
 * Names are snake_case (`summary_sentences`) or camelCase; anything that is not a
 * section switch goes to the API, which rejects unknown names and bad values.
 */
function protocolOptions(options) {
  const api = {};
  const sections = new Set(SECTIONS);
  if (options === undefined || options === null) return { api, sections };
  if (typeof options !== 'object' || Array.isArray(options)) throw new Error('"options" must be an object');
  for (const [name, value] of Object.entries(options)) {
    if (typeof value === 'boolean' && SECTIONS.includes(name)) {
      if (value) {
        sections.add(name);
      } else {
        sections.delete(name);
        if (name === 'entities') sections.delete('entity_groups');
        if (COUNTS[name]) api[COUNTS[name]] = 0;
      }
    } else {
      api[COUNTS[name] ?? camel(name)] = value;
    }
  }
  return { api, sections };
}

const span = ({ start, end }) => ({ start, end });

/** One protocol output line: the analysis of `text`, offsets in UTF-16 code units. */
function protocolResult(id, text, options, sections) {
  const a = analyze(text, options);
  const out = { id, language: a.stats.language, languages: a.languages };
  const add = (name, make) => {
    if (sections.has(name)) out[name] = make();
  };
  add('sentences', () => a.sentences.map(span));
  add('keywords', () => a.keywords.map(({ text, score }) => ({ text, score })));
  add('terms', () => a.terms.map(({ term, count }) => ({ term, count })));
  add('entities', () => a.entities.map(({ text, label, start, end, confidence }) => ({ text, label, start, end, confidence })));
  add('entity_groups', () =>
    a.entityGroups.map(({ text, label, count, mentions, confidence }) => ({ text, label, count, mentions: mentions.map(span), confidence })),
  );
  add('summary', () => a.summary.map(({ start, end, text }) => ({ start, end, text })));
  return out;
}

function parseArgs(argv) {
  const files = [];
  const options = {};
  let jsonl = false;
  let compact = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      files.push(...argv.slice(i + 1));
      break;
    } else if (arg === '-h' || arg === '--help') {
      return { help: true };
    } else if (arg === '--jsonl') {
      jsonl = true;
    } else if (arg === '--compact') {
      compact = true;
    } else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq < 0 ? undefined : eq);
      const raw = eq < 0 ? argv[++i] : arg.slice(eq + 1);
      if (raw === undefined) throw new Error(`option --${name} needs a value`);
      if (camel(name) === 'entityLists') {
        options.entityLists = readEntityLists(raw);
        continue;
      }
      if (name === 'language') {
        options.language = raw;
        continue;
      }
      const value = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(value)) throw new Error(`option --${name} needs a number, got "${raw}"`);
      options[camel(name)] = value;
    } else {
      files.push(arg);
    }
  }
  return { files, options, jsonl, compact };
}

/** The lists of `--entity-lists FILE`, prepared once for every text. */
function readEntityLists(path) {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`--entity-lists ${path}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  }
  let lists;
  try {
    lists = JSON.parse(text);
  } catch (error) {
    throw new Error(`--entity-lists ${path}: not JSON: ${error.message}`);
  }
  try {
    return new EntityLists(lists);
  } catch (error) {
    throw new Error(`--entity-lists ${path}: ${error.message}`);
  }
}

async function write(line) {
  if (!process.stdout.write(`${line}\n`)) await once(process.stdout, 'drain');
}

function lineResult(line, defaults) {
  let id = null;
  try {
    const input = JSON.parse(line);
    if (input === null || typeof input !== 'object' || Array.isArray(input)) {
      throw new Error('a line must be a JSON object');
    }
    id = input.id ?? null;
    if (typeof input.text !== 'string') throw new Error('"text" must be a string');
    const { api, sections } = protocolOptions(input.options);
    return protocolResult(id, input.text, { ...defaults, ...api }, sections);
  } catch (error) {
    return { id, error: error instanceof Error ? error.message : String(error) };
  }
}

async function runJsonl(defaults) {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    // A blank line (such as a final empty one) carries no document.
    if (line.trim() === '') continue;
    await write(JSON.stringify(lineResult(line, defaults)));
  }
}

async function runFiles(files, options, compact) {
  let failed = false;
  const results = [];
  for (const file of files) {
    try {
      const text = await readFile(file, 'utf8');
      results.push({ file, ...analyze(text, options) });
    } catch (error) {
      failed = true;
      results.push({ file, error: error.message });
      process.stderr.write(`textlens: ${file}: ${error.message}\n`);
    }
  }
  await write(compact ? JSON.stringify(results) : JSON.stringify(results, null, 2));
  return failed ? 1 : 0;
}

async function main(argv) {
  let args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    process.stderr.write(`textlens: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    await write(USAGE);
    return 0;
  }
  try {
    analyze('', args.options);
  } catch (error) {
    process.stderr.write(`textlens: ${error.message}\n`);
    return 2;
  }
  if (args.jsonl) {
    if (args.files.length) {
      process.stderr.write('textlens: --jsonl reads stdin and takes no files\n');
      return 2;
    }
    await runJsonl(args.options);
    return 0;
  }
  if (!args.files.length) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  return runFiles(args.files, args.options, args.compact);
}

process.exitCode = await main(process.argv.slice(2));

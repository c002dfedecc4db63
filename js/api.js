// The package's functions: the wasm's raw export analyzePacked() returns a packed result,
// which unpack.js turns into the objects described in textlens.d.ts. node.js and
// browser.js re-export this module.
import init, { EntityLists, analyzePacked as rawPacked, analyzePackedWithLists, initSync, optionSpecs } from './textlens.js';
import { SECTIONS, unpack } from './unpack.js';

// The analyses to run, as analyzePacked() takes them (statistics and sentences always run).
const KEYWORDS = 1;
const ENTITIES = 2;
const SUMMARY = 4;

/**
 * The wasm's packed analysis. Lists prepared with `new EntityLists(...)` go beside the
 * options, so that they are not read again; a plain `entityLists` object is read by the
 * wasm at each call (and prepared only when its content changed).
 */
function packed(text, options, parts) {
  const lists = options?.entityLists;
  if (lists instanceof EntityLists) {
    const { entityLists, ...rest } = options;
    return analyzePackedWithLists(text, rest, parts, lists);
  }
  return rawPacked(text, options, parts);
}

const run = (text, options, parts, sections) => {
  const [numbers, strings] = packed(text, options, parts);
  return unpack(numbers, strings, { sections });
};

/** The whole analysis as [numbers, strings], packed (see unpack.js), as the element's worker sends it. */
export function analyzePacked(text, options) {
  return packed(text, options, KEYWORDS | ENTITIES | SUMMARY);
}

/** Analyzes a text: statistics, sentences, terms, key phrases, entities and summary. */
export function analyze(text, options) {
  return run(text, options, KEYWORDS | ENTITIES | SUMMARY, SECTIONS);
}

/** Frequent terms and key phrases only. */
export function keywords(text, options) {
  return run(text, options, KEYWORDS, ['terms', 'keywords', 'languages']);
}

/** Entity mentions and their groups only. */
export function entities(text, options) {
  return run(text, options, ENTITIES, ['entities', 'entityGroups', 'languages']);
}

/** Sentence scores and the summary only. */
export function summarize(text, options) {
  return run(text, options, SUMMARY, ['sentences', 'summary', 'languages']);
}

export { EntityLists, init as default, initSync, optionSpecs };

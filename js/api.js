// The package's functions: the wasm's raw export analyzePacked() returns a packed result,
// which unpack.js turns into the objects described in textlens.d.ts. node.js and
// browser.js re-export this module. A result whose language's name model is not loaded
// yet (languages.names "not-loaded") is analysed again once it is: at once in Node, which
// reads the model from the package; in browsers, analyzeAsync() and loadModel() fetch it
// (see models.js).
import init, { EntityLists, analyzePacked as rawPacked, analyzePackedWithLists, initSync, optionSpecs } from './textlens.js';
import { checkLanguage, failed, failureOf, fetchModel, loadBytes, modelUrl } from './models.js';
import { SECTIONS, namesFailed, unpack } from './unpack.js';

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

// Reads a model's bytes synchronously (Node: from the package), or null (browsers).
let readModel = null;

/** Has the model of a language read by `read(language)` (bytes) when a text needs it. */
export function readModelsWith(read) {
  readModel = read;
}

const run = (text, options, parts, sections) => {
  const [numbers, strings] = packed(text, options, parts);
  const result = unpack(numbers, strings, { sections });
  // Italian and Portuguese texts load the Spanish model: the model's language, not the text's.
  const language = result.languages?.model;
  if (result.languages?.names !== 'not-loaded' || !(parts & ENTITIES)) return result;
  // Node reads the package again after a failure: a missing file costs nothing to look for.
  if (readModel) {
    try {
      loadBytes(language, readModel(language));
    } catch (error) {
      failed(language, error);
    }
  }
  const reason = failureOf(language);
  if (reason) return namesFailed(result, reason);
  if (!readModel) return result;
  const [again, againStrings] = packed(text, options, parts);
  return unpack(again, againStrings, { sections });
};

/**
 * Loads the name model of `language` (an ISO 639-1 code): from `source` (the model's
 * bytes, or a URL) when given, else from the package (Node) or next to this module
 * (browsers). Resolves once later analyses of that language find names; rejects with an
 * Error saying why not, which their results then carry as languages.namesError.
 */
export async function loadModel(language, source) {
  const model = checkLanguage(language);
  const bytes = source instanceof ArrayBuffer || ArrayBuffer.isView(source);
  if (!bytes && !(readModel && source === undefined)) return fetchModel(model, source ?? modelUrl(model, import.meta.url));
  try {
    loadBytes(model, bytes ? source : readModel(model));
  } catch (error) {
    throw failed(model, error);
  }
}

/**
 * analyze(), first loading the name model of the text's language when it needs one and
 * it is not loaded yet: in browsers it is fetched once, from next to this module. Where
 * it cannot be loaded the result has everything else, and languages.names "failed".
 */
export async function analyzeAsync(text, options) {
  const result = analyze(text, options);
  const { names, model } = result.languages;
  if (names !== 'not-loaded') return result;
  try {
    await loadModel(model);
  } catch (error) {
    return namesFailed(result, error.message);
  }
  return analyze(text, options);
}

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

// Name models loaded by need. The wasm has the English model built in; the model of
// another language (ner-<code>.bin, next to the wasm in the package) is loaded the first
// time a text in that language asks for names, and kept for the life of the page or
// process. Node reads it from the package synchronously (node.js gives api.js a reader);
// a browser fetches it once (fetchModel). A failed load is remembered with its reason,
// which the results of that language then carry (languages.names "failed", namesError);
// loadModel() tries again.
import { checkModelLanguage, loadModel as loadIntoWasm } from './textlens.js';

const loaded = new Set();
// language → why its model could not be loaded.
const failures = new Map();
// language → the promise of its fetch in flight, so that concurrent texts fetch once.
const fetching = new Map();

/**
 * The language of the model that finds the names of `language` (its own, or the Spanish
 * one for Italian and Portuguese); throws the wasm's Error naming `language` unless it has
 * a model to load.
 */
export function checkLanguage(language) {
  return checkModelLanguage(language);
}

/** The URL of the model of `language` next to `base` (the wasm's or a module's URL). */
export function modelUrl(language, base) {
  return new URL(`./ner-${language}.bin`, base);
}

/**
 * Loads model `bytes` (an ArrayBuffer or a view) into the wasm; throws the wasm's Error
 * for bytes that are no model or a language without one.
 */
export function loadBytes(language, bytes) {
  const view = ArrayBuffer.isView(bytes) ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : new Uint8Array(bytes);
  loadIntoWasm(language, view);
  loaded.add(language);
  failures.delete(language);
}

/** Remembers that the model of `language` failed to load, and returns the Error. */
export function failed(language, error) {
  const message = `the name model for "${language}" could not be loaded: ${error?.message ?? error}`;
  failures.set(language, message);
  return new Error(message);
}

/** Why the model of `language` failed to load, if it did (and has not loaded since). */
export function failureOf(language) {
  return failures.get(language);
}

/**
 * Fetches the model of `language` from `url` and loads it, once however many texts ask
 * at the same time; resolves when it is loaded and rejects with an Error saying why not
 * (remembered for the results, see failureOf).
 */
export function fetchModel(language, url) {
  if (loaded.has(language)) return Promise.resolve();
  let request = fetching.get(language);
  if (!request) {
    request = (async () => {
      try {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
        loadBytes(language, await response.arrayBuffer());
      } catch (error) {
        throw failed(language, error);
      } finally {
        fetching.delete(language);
      }
    })();
    fetching.set(language, request);
  }
  return request;
}

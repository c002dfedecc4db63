// Node entry point: the wasm-bindgen `--target web` module cannot fetch a file: URL,
// so the module's bytes are read from disk and instantiated synchronously on import.
// A language's name model is read from the package too, the first time a text needs it.
import { readFileSync } from 'node:fs';
import { readModelsWith } from './api.js';
import { initSync } from './textlens.js';

initSync({ module: readFileSync(new URL('./textlens_bg.wasm', import.meta.url)) });
readModelsWith((language) => readFileSync(new URL(`./ner-${language}.bin`, import.meta.url)));

export { analyze, analyzeAsync, keywords, entities, summarize, loadModel, optionSpecs, initSync, EntityLists } from './api.js';

/**
 * Already initialised on import; kept so that code written for browsers
 * (`await init()`) runs unchanged in Node.
 */
export default async function init() {}

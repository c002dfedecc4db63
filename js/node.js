// Node entry point: the wasm-bindgen `--target web` module cannot fetch a file: URL,
// so the module's bytes are read from disk and instantiated synchronously on import.
import { readFileSync } from 'node:fs';
import { initSync } from './textlens.js';

initSync({ module: readFileSync(new URL('./textlens_bg.wasm', import.meta.url)) });

export { analyze, keywords, entities, summarize, optionSpecs, initSync, EntityLists } from './api.js';

/**
 * Already initialised on import; kept so that code written for browsers
 * (`await init()`) runs unchanged in Node.
 */
export default async function init() {}

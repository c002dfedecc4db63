// Browser (and bundler) entry point: call the default export once, `await init()`,
// before the analysis functions. It fetches textlens_bg.wasm next to this file, and
// analyzeAsync() or loadModel() fetch a language's name model (ner-<code>.bin) from there.
export { default, analyze, analyzeAsync, keywords, entities, summarize, loadModel, optionSpecs, initSync, EntityLists } from './api.js';

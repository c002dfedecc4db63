// Browser (and bundler) entry point: call the default export once, `await init()`,
// before the analysis functions. It fetches textlens_bg.wasm next to this file.
export { default, analyze, keywords, entities, summarize, optionSpecs, initSync, EntityLists } from './api.js';

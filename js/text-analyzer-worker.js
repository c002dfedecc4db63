// The <text-analyzer> element's module worker: instantiates the wasm once, from the URL the
// first message names, and analyses off the main thread so typing stays fluid on long texts.
// Messages in: { id, text, options, wasmUrl }. Out: { id, result, ms } or { id, error, fatal }.
import init, { analyze } from './textlens.js';

let ready = null;

self.onmessage = async ({ data: { id, text, options, wasmUrl } }) => {
  ready ??= init({ module_or_path: wasmUrl }).then(
    () => null,
    (error) => error,
  );
  const failure = await ready;
  if (failure) {
    // A failed download may succeed later: the next message tries again.
    ready = null;
    self.postMessage({ id, error: `the analyzer could not be loaded: ${failure.message ?? failure}` });
    return;
  }
  const started = performance.now();
  try {
    const result = analyze(text, options);
    self.postMessage({ id, result, ms: performance.now() - started });
  } catch (error) {
    // A trap leaves the wasm instance unusable: the page replaces this worker.
    const fatal = error instanceof WebAssembly.RuntimeError;
    self.postMessage({ id, fatal, error: error instanceof Error ? error.message : String(error) });
  }
};

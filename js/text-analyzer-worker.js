// The <text-analyzer> element's module worker: instantiates the wasm once, from the URL the
// first message names, and analyses off the main thread so typing stays fluid on long texts.
// Messages in: { id, text, options, wasmUrl, listsVersion, lists? }. Out: { id, ms, numbers,
// strings, namesError? } (the packed result, see unpack.js; numbers' buffer is transferred,
// not copied; namesError when the name model of the text's language could not be loaded) or
// { id, error, fatal }. A text whose language's name model is not loaded yet makes the worker
// fetch it from next to the wasm (once: later texts reuse it) and analyse the text again. Entity lists come once, with the first message of a new version
// (`lists`: the object, or null for none), and are prepared once for every later message of
// that version, so that a long list is not read again at each keystroke.
import init, { EntityLists, analyzePacked, optionSpecs } from './api.js';
import { failureOf, fetchModel, modelUrl } from './models.js';
import { unpack } from './unpack.js';

let ready = null;
let ranges = null;
// The lists of the last version received: { version, prepared (an EntityLists or null), error }.
let lists = { version: 0, prepared: null, error: null };

/**
 * The element's options with every number brought into its option's range: an attribute
 * such as keywords="1000" asks for as many as there may be, not for an error.
 */
function clamped(options) {
  ranges ??= new Map(optionSpecs().map((spec) => [spec.name, spec]));
  const out = {};
  for (const [name, value] of Object.entries(options ?? {})) {
    const spec = ranges.get(name);
    const ranged = (spec?.kind === 'count' || spec?.kind === 'number') && typeof value === 'number';
    out[name] = ranged ? Math.min(Math.max(value, spec.min), spec.max) : value;
  }
  return out;
}

/** The prepared lists of `version`, from `given` when it came with this message. */
function entityLists(version, given) {
  if (given !== undefined) {
    lists.prepared?.free();
    lists = { version, prepared: null, error: null };
    try {
      lists.prepared = given ? new EntityLists(given) : null;
    } catch (error) {
      lists.error = error;
    }
  }
  if (lists.version !== version) throw new Error('the entity lists were not received (the analyzer restarted)');
  if (lists.error) throw lists.error;
  return lists.prepared;
}

self.onmessage = async ({ data: { id, text, options, wasmUrl, listsVersion, lists: given } }) => {
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
  let numbers;
  let strings;
  let namesError;
  try {
    const analyze = () => analyzePacked(text, { ...clamped(options), entityLists: entityLists(listsVersion, given) });
    [numbers, strings] = analyze();
    const { names, model } = unpack(numbers, strings, { sections: ['languages'] }).languages;
    if (names === 'not-loaded') {
      namesError = failureOf(model);
      if (!namesError) {
        namesError = await fetchModel(model, modelUrl(model, wasmUrl)).then(() => undefined, (error) => error.message);
        if (!namesError) [numbers, strings] = analyze();
      }
    }
  } catch (error) {
    // A trap leaves the wasm instance unusable: the page replaces this worker.
    const fatal = error instanceof WebAssembly.RuntimeError;
    self.postMessage({ id, fatal, error: error instanceof Error ? error.message : String(error) });
    return;
  }
  const ms = performance.now() - started;
  self.postMessage({ id, ms, numbers, strings, namesError }, [numbers.buffer]);
};

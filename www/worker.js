// Runs the analyses off the main thread, so typing stays fluid on long texts.
// Messages in: { id, text, options }. Out: { type: 'ready' } once, then
// { id, result, ms } or { id, error } for each request.
import init, { analyze } from '../pkg/browser.js';

const ready = init().then(
  () => {
    self.postMessage({ type: 'ready' });
    return null;
  },
  (error) => error,
);

self.onmessage = async ({ data: { id, text, options } }) => {
  const failure = await ready;
  if (failure) {
    self.postMessage({ id, error: `the analyzer could not be loaded: ${failure.message ?? failure}` });
    return;
  }
  const started = performance.now();
  try {
    const result = analyze(text, options);
    self.postMessage({ id, result, ms: performance.now() - started });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};

// One analyzer worker per wasm URL, shared by every <text-analyzer> on the page, and the
// decoding of its answers: the packed result arrives as the worker transferred it, and
// unpack.js builds each part of the result only when something reads it.
import { entityMarks, namesFailed, unpack } from '../unpack.js';

const WORKER_URL = new URL('../text-analyzer-worker.js', import.meta.url);

const clients = new Map();

function startWorker() {
  try {
    return new Worker(WORKER_URL, { type: 'module' });
  } catch (error) {
    // A cross-origin script (a CDN) cannot start a worker from its own URL; a same-origin
    // blob that imports it can, where the page's CSP allows blob: workers.
    if (error?.name !== 'SecurityError') throw error;
    const source = `import ${JSON.stringify(WORKER_URL.href)};`;
    return new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })), { type: 'module' });
  }
}

/**
 * The worker's answer as { result, marks, labels, ms }: `result` equals what analyze()
 * returns, each section built on first read; `marks` and `labels` are what drawing needs,
 * read from the packed numbers directly (see entityMarks()).
 */
function decode({ numbers, strings, ms, namesError }) {
  const result = unpack(numbers, strings, { lazy: true });
  if (namesError) namesFailed(result, namesError);
  return { result, ...entityMarks(numbers, strings), ms };
}

/**
 * The client of the worker that loads `wasmUrl`: { analyze(text, options, lists) → Promise }.
 * `lists` (entity lists, or null) go to the worker only when they are not the object sent
 * last, so that a long list crosses once rather than at every keystroke.
 */
export function client(wasmUrl) {
  let entry = clients.get(wasmUrl);
  if (entry) return entry;
  const worker = startWorker();
  const pending = new Map();
  let next = 0;
  let sentLists;
  let listsVersion = 0;
  const failAll = (message) => {
    for (const { reject } of pending.values()) reject(new Error(message));
    pending.clear();
  };
  const retire = () => {
    worker.terminate();
    if (clients.get(wasmUrl) === entry) clients.delete(wasmUrl);
  };
  worker.onmessage = ({ data }) => {
    if (data.fatal) {
      retire();
      failAll(data.error);
    }
    const request = pending.get(data.id);
    if (!request) return;
    pending.delete(data.id);
    try {
      if (data.error) throw new Error(data.error);
      request.resolve(decode(data));
    } catch (error) {
      request.reject(error);
    }
  };
  // A worker that fails is dropped, so that the next analysis starts a fresh one.
  worker.onerror = (event) => {
    event.preventDefault?.();
    retire();
    failAll(`the analyzer failed to start: ${event.message || 'its worker could not be loaded'}`);
  };
  entry = {
    analyze(text, options, lists = null) {
      next += 1;
      const id = next;
      const message = { id, text, options, wasmUrl, listsVersion };
      if (lists !== sentLists) {
        sentLists = lists;
        listsVersion += 1;
        Object.assign(message, { listsVersion, lists });
      }
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage(message);
      });
    },
  };
  clients.set(wasmUrl, entry);
  return entry;
}

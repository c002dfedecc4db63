// <text-analyzer>: the whole textlens experience as one custom element.
//
//   <script type="module" src="…/text-analyzer.js"></script>
//   <text-analyzer>Optional initial text.</text-analyzer>
//
// Attributes: text, for (id of a textarea/input/element to analyse instead of the built-in
// input), panels ("entities keywords summary stats"), summary-sentences, keywords,
// theme (light|dark|auto), wasm-url. Fires `analysis` (detail: the result of analyze()).
// Everything renders in a shadow root; user text reaches the DOM only as text nodes.
// The wasm is fetched lazily, once per page and URL, by a module worker shared by every
// instance; nothing else is requested.

const WORKER_URL = new URL('./text-analyzer-worker.js', import.meta.url);
const DEFAULT_WASM_URL = new URL('./textlens_bg.wasm', import.meta.url);
const DEBOUNCE_MS = 250;
const TERMS = 15;
const PANELS = ['entities', 'keywords', 'summary', 'stats'];
// Drawing a multi-megabyte text with its marks would stall the page; longer texts are
// analysed whole but shown up to this many UTF-16 code units.
const MAX_SHOWN = 200_000;

/** Display names, in legend order. */
const LABELS = {
  PERSON: 'Person',
  ORG: 'Organisation',
  LOCATION: 'Place',
  DATE: 'Date',
  TIME: 'Time',
  MONEY: 'Money',
  PERCENT: 'Percent',
  NUMBER: 'Number',
  EMAIL: 'E-mail',
  URL: 'Web address',
  PHONE: 'Phone',
  HASHTAG: 'Hashtag',
  MENTION: 'Mention',
  MISC: 'Other',
};

const STYLE = `
:host { display: block; }
:host([hidden]) { display: none; }
.root {
  --_accent: var(--ta-accent, light-dark(#2f5bd3, #8fb0ff));
  --_on-accent: var(--ta-on-accent, light-dark(#ffffff, #0b1220));
  --_bg: var(--ta-bg, light-dark(#f4f5f7, #0f141c));
  --_surface: var(--ta-surface, light-dark(#ffffff, #18202b));
  --_fg: var(--ta-fg, light-dark(#1d232c, #e6e9ef));
  --_muted: var(--ta-muted, light-dark(#4f5868, #a9b2c1));
  --_border: var(--ta-border, light-dark(#d5dae2, #334052));
  --_field: var(--ta-field, light-dark(#fbfbfc, #121923));
  --_track: var(--ta-track, light-dark(#e6e9ef, #2a3442));
  --_error: var(--ta-error, light-dark(#b42318, #ff9b8f));
  --_summary: var(--ta-summary, light-dark(#e0a100, #f5c84c));
  --_font: var(--ta-font, system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif);
  --_text-font: var(--ta-text-font, Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, serif);
  --_radius: var(--ta-radius, 12px);
  --_hit: 26%;
}
/* One colour per entity type, readable as text on the surface in either scheme. */
.root [data-label="PERSON"] { --c: light-dark(#1d4ed8, #93c5fd); }
.root [data-label="ORG"] { --c: light-dark(#7e22ce, #d8b4fe); }
.root [data-label="LOCATION"] { --c: light-dark(#047857, #6ee7b7); }
.root [data-label="DATE"] { --c: light-dark(#b45309, #fdba74); }
.root [data-label="TIME"] { --c: light-dark(#be185d, #f9a8d4); }
.root [data-label="MONEY"] { --c: light-dark(#4d7c0f, #bef264); }
.root [data-label="PERCENT"] { --c: light-dark(#0e7490, #67e8f9); }
.root [data-label="NUMBER"] { --c: light-dark(#475569, #cbd5e1); }
.root [data-label="EMAIL"] { --c: light-dark(#be123c, #fda4af); }
.root [data-label="URL"] { --c: light-dark(#4338ca, #a5b4fc); }
.root [data-label="PHONE"] { --c: light-dark(#57534e, #d6d3d1); }
.root [data-label="HASHTAG"] { --c: light-dark(#155e75, #5eead4); }
.root [data-label="MENTION"] { --c: light-dark(#a16207, #fde047); }
.root [data-label="MISC"] { --c: light-dark(#4b5563, #d1d5db); }
.root {
  all: initial;
  display: block;
  position: relative;
  box-sizing: border-box;
  padding: 1rem;
  background: var(--_bg);
  color: var(--_fg);
  font: 15px/1.5 var(--_font);
  border-radius: var(--_radius);
  text-align: left;
  overflow-wrap: anywhere;
  color-scheme: light dark;
}
/* Set here rather than on :host, which the page's own rules can override. */
:host([theme="light"]) .root { color-scheme: light; }
:host([theme="dark"]) .root { color-scheme: dark; }
.root *, .root *::before, .root *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
h2, h3, p, ol, ul, dl, dd { margin: 0; }
h2 {
  font-size: 0.8rem;
  font-weight: 650;
  letter-spacing: 0.06em;
  text-transform: uppercase;
  color: var(--_muted);
  line-height: 1.2;
}
h3 { font-size: 0.82rem; font-weight: 650; line-height: 1.2; }
.stack { display: grid; gap: 1rem; }
.card {
  background: var(--_surface);
  border: 1px solid var(--_border);
  border-radius: var(--_radius);
  padding: 1rem 1.1rem 1.1rem;
  min-width: 0;
}
.card > h2 { margin-bottom: 0.75rem; }
.row {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 0.5rem 0.6rem;
}
.grow { margin-right: auto; }
button {
  font: inherit;
  font-size: 0.875rem;
  color: var(--_fg);
  background: var(--_surface);
  border: 1px solid var(--_border);
  border-radius: 8px;
  padding: 0.3rem 0.7rem;
  min-height: 2.1rem;
  cursor: pointer;
}
button:hover { border-color: var(--_muted); }
button.primary { background: var(--_accent); border-color: var(--_accent); color: var(--_on-accent); font-weight: 600; }
button:disabled { cursor: default; opacity: 0.6; }
:focus-visible { outline: 2px solid var(--_accent); outline-offset: 2px; }
label.title { font-size: 0.8rem; font-weight: 650; letter-spacing: 0.06em; text-transform: uppercase; color: var(--_muted); }
textarea {
  display: block;
  width: 100%;
  min-height: 9rem;
  height: 13rem;
  margin: 0.7rem 0 0;
  padding: 0.7rem 0.85rem;
  resize: vertical;
  font: 0.95rem/1.55 var(--_font);
  color: var(--_fg);
  background: var(--_field);
  border: 1px solid var(--_border);
  border-radius: 10px;
}
.dropping textarea { border: 2px dashed var(--_accent); }
.hint { font-size: 0.8rem; color: var(--_muted); margin-top: 0.45rem; }
.status { font-size: 0.85rem; color: var(--_muted); }
.status.error { color: var(--_error); }
.running .status::before {
  content: "";
  display: inline-block;
  width: 0.55rem;
  height: 0.55rem;
  margin-right: 0.45rem;
  border-radius: 50%;
  background: var(--_accent);
  animation: pulse 0.9s ease-in-out infinite alternate;
}
@keyframes pulse { from { opacity: 0.25; } to { opacity: 1; } }
.stats dl {
  display: grid;
  grid-template-columns: repeat(auto-fit, minmax(8rem, 1fr));
  gap: 0.6rem;
}
.stat {
  background: var(--_surface);
  border: 1px solid var(--_border);
  border-radius: var(--_radius);
  padding: 0.55rem 0.8rem;
}
.stat dt { font-size: 0.75rem; color: var(--_muted); }
.stat dd { font-size: 1.15rem; font-weight: 650; font-variant-numeric: tabular-nums; }
.columns { display: grid; gap: 1rem; grid-template-columns: minmax(0, 1fr); align-items: start; }
.side { display: grid; gap: 1rem; min-width: 0; }
.lists { display: grid; gap: 1rem; grid-template-columns: minmax(0, 1fr); align-items: start; }
@container textlens (min-width: 640px) {
  .lists { grid-template-columns: repeat(2, minmax(0, 1fr)); }
}
@container textlens (min-width: 880px) {
  .columns { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); }
  .doc-card { position: sticky; top: 0.5rem; }
  .doc-text { max-height: calc(100vh - 9rem); }
}
.wrap { container: textlens / inline-size; }
.card-head { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; margin-bottom: 0.75rem; }
.legend {
  list-style: none;
  display: flex;
  flex-wrap: wrap;
  gap: 0.3rem 0.8rem;
  padding: 0;
  font-size: 0.8rem;
  color: var(--_muted);
}
.legend li { display: inline-flex; align-items: center; gap: 0.3rem; }
.swatch {
  width: 0.8rem;
  height: 0.8rem;
  border-radius: 3px;
  background: color-mix(in srgb, var(--c) 22%, var(--_surface));
  border: 2px solid var(--c);
}
.swatch.sum { --c: var(--_summary); border-width: 0 0 0 3px; border-radius: 0; }
.count { font-variant-numeric: tabular-nums; color: var(--_muted); }
.doc-text {
  max-height: 32rem;
  overflow-y: auto;
  white-space: pre-wrap;
  font: 1.05rem/1.75 var(--_text-font);
  padding-right: 0.25rem;
  border-radius: 6px;
}
.sent[data-level] { background: color-mix(in srgb, var(--_summary) var(--w), transparent); box-shadow: inset 0 -1px 0 color-mix(in srgb, var(--_summary) 60%, transparent); }
.sent[data-level="1"] { --w: 10%; }
.sent[data-level="2"] { --w: 17%; }
.sent[data-level="3"] { --w: 25%; }
.no-summary-marks .sent[data-level] { background: none; box-shadow: none; }
mark {
  display: inline;
  color: inherit;
  font: inherit;
  background: color-mix(in srgb, var(--c) 14%, transparent);
  border-bottom: 2px solid var(--c);
  border-radius: 3px 3px 0 0;
  padding: 0 0.06em;
  cursor: help;
}
mark:focus-visible { outline-offset: 1px; }
.hit {
  background: color-mix(in srgb, var(--_accent) var(--_hit), transparent);
  outline: 2px solid var(--_accent);
  outline-offset: 0;
  border-radius: 2px;
}
.focusing mark:not(:has(.hit)) { background: transparent; border-bottom-color: color-mix(in srgb, var(--c) 35%, transparent); }
.empty { color: var(--_muted); font: italic 0.9rem/1.5 var(--_font); list-style: none; }
.tip {
  position: absolute;
  z-index: 2;
  max-width: min(20rem, 90%);
  padding: 0.4rem 0.6rem;
  font: 0.82rem/1.4 var(--_font);
  color: var(--_surface);
  background: var(--_fg);
  border-radius: 6px;
  pointer-events: none;
}
.tip strong { font-weight: 700; }
.summary { padding-left: 1.3rem; font: 0.98rem/1.6 var(--_text-font); }
.summary li + li { margin-top: 0.6rem; }
.summary li::marker { color: var(--_muted); font: 600 0.85rem var(--_font); }
.summary .score { font: 0.75rem var(--_font); color: var(--_muted); margin-left: 0.35rem; }
.group-type + .group-type { margin-top: 0.8rem; }
.group-type h3 { color: var(--c); margin-bottom: 0.35rem; }
.chips { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.35rem; }
.chip {
  display: inline-flex;
  align-items: baseline;
  gap: 0.4rem;
  max-width: 100%;
  padding: 0.15rem 0.6rem;
  min-height: 2rem;
  background: color-mix(in srgb, var(--c) 10%, var(--_surface));
  border-color: color-mix(in srgb, var(--c) 45%, var(--_surface));
  border-radius: 999px;
  text-align: left;
}
.chip:hover, .chip[aria-pressed="true"] { border-color: var(--c); }
.chip[aria-pressed="true"], .bar-button[aria-pressed="true"] { background: color-mix(in srgb, var(--_accent) var(--_hit), var(--_surface)); }
.chip .count { font-size: 0.75rem; font-weight: 650; color: var(--_fg); }
.bars { list-style: none; padding: 0; display: grid; gap: 0.3rem; }
.bar-row, .bar-button {
  display: grid;
  grid-template-columns: minmax(0, 1fr) auto;
  gap: 0.15rem 0.75rem;
  width: 100%;
  font-size: 0.9rem;
  text-align: left;
}
.bar-button { border-color: transparent; background: transparent; padding: 0.25rem 0.4rem; min-height: 0; }
.bar-row { padding: 0.25rem 0.4rem; }
.bar-value { color: var(--_muted); font-size: 0.8rem; font-variant-numeric: tabular-nums; }
.bar {
  grid-column: 1 / -1;
  height: 6px;
  border-radius: 3px;
  background: var(--_track);
  position: relative;
  overflow: hidden;
}
.bar::after {
  content: "";
  position: absolute;
  inset: 0 auto 0 0;
  width: calc(var(--share) * 100%);
  border-radius: 3px;
  background: var(--_accent);
}
.terms .bar::after { background: color-mix(in srgb, var(--_accent) 45%, #14a38b); }
.visually-hidden {
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
}
@media (max-width: 600px) {
  .root { padding: 0.6rem; font-size: 14px; }
  .card { padding: 0.85rem; }
  .stats dl { grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 0.5rem; }
  textarea { height: 10rem; }
}
@media (prefers-reduced-motion: reduce) {
  .root * { transition: none !important; animation: none !important; }
}
`;

const TEMPLATE = `
<div class="root wrap" part="root">
  <div class="stack">
    <section class="card" id="input-panel" part="panel input-panel">
      <div class="row" part="toolbar">
        <label class="title grow" for="text" id="text-label">Text</label>
        <button type="button" id="open" part="button">Open file…</button>
        <button type="button" id="clear" part="button">Clear</button>
        <input type="file" id="file" accept=".txt,.md,.markdown,text/plain,text/markdown" hidden tabindex="-1" aria-hidden="true">
      </div>
      <textarea id="text" part="input" spellcheck="false" autocomplete="off" aria-describedby="drop-hint"
        placeholder="Paste or type a text: a news article, a report, an essay…"></textarea>
      <p class="hint" id="drop-hint">Analysed on this device as you type. You can also drop a .txt or .md file here.</p>
    </section>
    <div class="row" part="statusbar">
      <p id="status" class="status grow" role="status" aria-live="polite" part="status">Waiting for text…</p>
      <button type="button" id="download-json" part="button" disabled>Download JSON</button>
      <button type="button" id="download-csv" part="button" disabled>Download CSV</button>
    </div>
    <section class="stats" data-panel="stats" aria-label="Statistics" part="stats"><dl id="stats"></dl></section>
    <div class="columns">
      <section class="card doc-card" data-panel="text" aria-labelledby="doc-title" part="panel document-panel">
        <div class="card-head">
          <h2 id="doc-title" class="grow">Entities in the text</h2>
          <ul id="legend" class="legend" aria-label="Legend" part="legend"></ul>
        </div>
        <div id="document" class="doc-text" tabindex="0" role="region" aria-label="Text with highlights" aria-describedby="doc-help" part="document"></div>
        <p class="hint" id="doc-help">Hover an entity, or focus the text and use the left and right arrow keys, for its type and group.</p>
      </section>
      <div class="side">
        <section class="card" data-panel="summary" aria-labelledby="summary-title" part="panel summary-panel">
          <h2 id="summary-title">Summary</h2>
          <ol id="summary" class="summary" part="summary"></ol>
        </section>
        <section class="card" data-panel="entities" aria-labelledby="groups-title" part="panel entities-panel">
          <h2 id="groups-title">Entities</h2>
          <div id="groups" part="groups"></div>
        </section>
      </div>
    </div>
    <div class="lists">
      <section class="card" data-panel="keywords" aria-labelledby="keywords-title" part="panel keywords-panel">
        <h2 id="keywords-title">Key phrases</h2>
        <ol id="keywords" class="bars" part="keywords"></ol>
      </section>
      <section class="card" data-panel="keywords" aria-labelledby="terms-title" part="panel terms-panel">
        <h2 id="terms-title">Frequent terms</h2>
        <ol id="terms" class="bars terms" part="terms"></ol>
      </section>
    </div>
  </div>
  <div id="tip" class="tip" role="tooltip" hidden part="tooltip"></div>
</div>`;

let sheet = null;
function styleSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
  }
  return sheet;
}

const number = new Intl.NumberFormat('en');

/** Creates an element with optional class and text; text becomes a text node. */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// ---- one worker per wasm URL, shared by every element on the page ---------------------

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

function client(wasmUrl) {
  let entry = clients.get(wasmUrl);
  if (entry) return entry;
  const worker = startWorker();
  const pending = new Map();
  let next = 0;
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
    if (data.error) request.reject(new Error(data.error));
    else request.resolve(data);
  };
  // A worker that fails is dropped, so that the next analysis starts a fresh one.
  worker.onerror = (event) => {
    event.preventDefault?.();
    retire();
    failAll(`the analyzer failed to start: ${event.message || 'its worker could not be loaded'}`);
  };
  entry = {
    analyze(text, options) {
      next += 1;
      const id = next;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, text, options, wasmUrl });
      });
    },
  };
  clients.set(wasmUrl, entry);
  return entry;
}

// ---- exports of a result ------------------------------------------------------------------

function csvField(value) {
  let text = value === undefined || value === null ? '' : String(value);
  // Spreadsheets run cells that start with these as formulas.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}

/** One table of everything found: kind, text, label, start, end, score, count. */
export function resultToCsv(result) {
  const rows = [['kind', 'text', 'label', 'start', 'end', 'score', 'count']];
  for (const e of result.entities) rows.push(['entity', e.text, e.label, e.start, e.end, '', '']);
  for (const g of result.entityGroups) rows.push(['entity group', g.text, g.label, '', '', '', g.count]);
  for (const k of result.keywords) rows.push(['key phrase', k.text, '', '', '', k.score, k.count]);
  for (const t of result.terms) rows.push(['term', t.term, '', '', '', '', t.count]);
  for (const s of result.summary) rows.push(['summary sentence', s.text.trim(), '', s.start, s.end, s.score, '']);
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = el('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function readingTime(seconds) {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function languageName(code) {
  if (!code || code === 'und') return 'unknown';
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

const formatMs = (ms) => (ms < 10 ? ms.toFixed(1) : String(Math.round(ms)));

/** Summary importance in three steps, so the tint stays readable behind any text. */
const level = (score) => (score >= 0.75 ? 3 : score >= 0.45 ? 2 : 1);

// ---- the element ----------------------------------------------------------------------------

export class TextAnalyzer extends HTMLElement {
  static observedAttributes = ['text', 'for', 'panels', 'summary-sentences', 'keywords', 'theme', 'wasm-url'];

  #root;
  #ui = {};
  #result = null;
  #analysedText = '';
  #state = 'idle';
  #timer = 0;
  #busy = false;
  #dirty = false;
  #source = null;
  #sourceListener = null;
  #observer = null;
  #selection = null;
  #connected = false;
  #summaryLine = '';

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open', delegatesFocus: false });
    this.#root.adoptedStyleSheets = [styleSheet()];
    const template = document.createElement('template');
    template.innerHTML = TEMPLATE;
    this.#root.append(template.content);
    for (const node of this.#root.querySelectorAll('[id]')) this.#ui[node.id] = node;
    this.#wire();
  }

  connectedCallback() {
    this.#connected = true;
    this.#applyPanels();
    const start = () => {
      if (!this.#connected) return;
      this.#bindSource();
      if (!this.#source && !this.#ui.text.value) this.#ui.text.value = this.#initialText();
      this.#send();
    };
    // Initial text written as content is parsed after the element's opening tag.
    if (document.readyState === 'loading' && !this.hasAttribute('text')) {
      document.addEventListener('DOMContentLoaded', start, { once: true });
    } else {
      start();
    }
  }

  disconnectedCallback() {
    this.#connected = false;
    clearTimeout(this.#timer);
    this.#unbindSource();
  }

  attributeChangedCallback(name, oldValue, value) {
    if (oldValue === value || !this.#connected) return;
    if (name === 'panels') this.#applyPanels();
    else if (name === 'for') {
      this.#bindSource();
      this.#send();
    } else if (name === 'text') {
      if (value !== null && !this.#source) this.text = value;
    } else if (name === 'summary-sentences' || name === 'keywords' || name === 'wasm-url') this.#send();
  }

  /** The text being analysed (the built-in input's, or the `for` element's). */
  get text() {
    return this.#currentText();
  }

  set text(value) {
    const text = String(value ?? '');
    if (this.#source) {
      if ('value' in this.#source) this.#source.value = text;
      else this.#source.textContent = text;
    } else {
      this.#ui.text.value = text;
    }
    if (this.#connected) this.#send();
  }

  /** The last result of analyze() shown, or null. */
  get result() {
    return this.#result;
  }

  /** 'idle', 'running', 'done' or 'error'. */
  get state() {
    return this.#state;
  }

  /** Analyses the current text now; resolves once its result is shown. */
  analyze() {
    this.#send();
    return new Promise((resolve) => this.addEventListener('analysis', (event) => resolve(event.detail), { once: true }));
  }

  // ---- inputs --------------------------------------------------------------------------------

  #initialText() {
    if (this.hasAttribute('text')) return this.getAttribute('text');
    const raw = this.textContent ?? '';
    const lines = raw.replace(/^\s*\n/, '').replace(/\s+$/, '').split('\n');
    const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)[0].length));
    return Number.isFinite(indent) ? lines.map((l) => l.slice(indent)).join('\n') : '';
  }

  #bindSource() {
    this.#unbindSource();
    const id = this.getAttribute('for');
    const target = id ? (this.getRootNode().getElementById?.(id) ?? document.getElementById(id)) : null;
    this.#ui['input-panel'].hidden = Boolean(target);
    if (!target) return;
    this.#source = target;
    this.#sourceListener = () => this.#schedule();
    if ('value' in target) {
      target.addEventListener('input', this.#sourceListener);
    } else {
      this.#observer = new MutationObserver(this.#sourceListener);
      this.#observer.observe(target, { characterData: true, childList: true, subtree: true });
    }
  }

  #unbindSource() {
    if (this.#source && this.#sourceListener) this.#source.removeEventListener('input', this.#sourceListener);
    this.#observer?.disconnect();
    this.#observer = null;
    this.#source = null;
  }

  #currentText() {
    if (!this.#source) return this.#ui.text.value;
    return 'value' in this.#source ? String(this.#source.value) : (this.#source.textContent ?? '');
  }

  #panels() {
    const attr = this.getAttribute('panels');
    if (attr === null) return new Set(PANELS);
    return new Set(attr.split(/[\s,]+/).map((p) => p.toLowerCase()).filter((p) => PANELS.includes(p)));
  }

  #applyPanels() {
    const shown = this.#panels();
    for (const section of this.#root.querySelectorAll('[data-panel]')) {
      const panel = section.dataset.panel;
      section.hidden = panel === 'text' ? !(shown.has('entities') || shown.has('summary')) : !shown.has(panel);
    }
    this.#ui['doc-title'].textContent = shown.has('entities') ? 'Entities in the text' : 'The text';
    this.#ui.legend.hidden = !shown.has('entities') && !shown.has('summary');
    this.#ui['doc-help'].hidden = !shown.has('entities');
    this.#ui.document.classList.toggle('no-summary-marks', !shown.has('summary'));
    if (this.#result) this.#render();
  }

  #options() {
    const read = (name, fallback, max) => {
      const value = Number.parseInt(this.getAttribute(name) ?? '', 10);
      return Number.isFinite(value) ? Math.min(Math.max(value, 0), max) : fallback;
    };
    return { keywords: read('keywords', 12, 200), summarySentences: read('summary-sentences', 3, 100), terms: TERMS };
  }

  #wasmUrl() {
    const attr = this.getAttribute('wasm-url');
    return attr ? new URL(attr, document.baseURI).href : DEFAULT_WASM_URL.href;
  }

  #wire() {
    const ui = this.#ui;
    ui.text.addEventListener('input', () => this.#schedule());
    ui.clear.addEventListener('click', () => {
      this.text = '';
      ui.text.focus();
    });
    ui.open.addEventListener('click', () => ui.file.click());
    ui.file.addEventListener('change', async () => {
      const [file] = ui.file.files;
      ui.file.value = '';
      if (file) this.text = await file.text();
    });
    const panel = ui['input-panel'];
    panel.addEventListener('dragover', (event) => {
      if (![...(event.dataTransfer?.types ?? [])].includes('Files')) return;
      event.preventDefault();
      panel.classList.add('dropping');
    });
    panel.addEventListener('dragleave', () => panel.classList.remove('dropping'));
    panel.addEventListener('drop', async (event) => {
      const [file] = event.dataTransfer?.files ?? [];
      panel.classList.remove('dropping');
      if (!file) return;
      event.preventDefault();
      if (!/\.(txt|md|markdown)$/i.test(file.name) && !file.type.startsWith('text/')) {
        this.#status(`${file.name} is not a .txt or .md file.`, true);
        return;
      }
      this.text = await file.text();
    });
    ui['download-json'].addEventListener('click', () => {
      if (this.#result) download('textlens-analysis.json', 'application/json', `${JSON.stringify(this.#result, null, 2)}\n`);
    });
    ui['download-csv'].addEventListener('click', () => {
      if (this.#result) download('textlens-analysis.csv', 'text/csv', resultToCsv(this.#result));
    });
    const doc = ui.document;
    doc.addEventListener('mouseover', (event) => this.#showTip(event.target.closest?.('mark')));
    doc.addEventListener('mouseout', (event) => {
      if (!event.relatedTarget?.closest?.('mark')) this.#hideTip();
    });
    doc.addEventListener('focusin', (event) => this.#showTip(event.target.closest?.('mark')));
    doc.addEventListener('focusout', () => this.#hideTip());
    doc.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.#hideTip();
      if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
      const marks = [...doc.querySelectorAll('mark')];
      if (!marks.length) return;
      event.preventDefault();
      const at = marks.indexOf(event.target.closest?.('mark'));
      const step = event.key === 'ArrowRight' ? 1 : -1;
      const next = at < 0 ? (step > 0 ? 0 : marks.length - 1) : (at + step + marks.length) % marks.length;
      marks[next].focus();
      marks[next].scrollIntoView({ block: 'nearest' });
    });
  }

  // ---- analysis ------------------------------------------------------------------------------

  #schedule() {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#send(), DEBOUNCE_MS);
  }

  #setState(state) {
    this.#state = state;
    this.#root.firstElementChild.classList.toggle('running', state === 'running');
    if (state === 'running') this.setAttribute('aria-busy', 'true');
    else this.removeAttribute('aria-busy');
  }

  #status(message, error = false) {
    this.#ui.status.textContent = message;
    this.#ui.status.classList.toggle('error', error);
  }

  /** Sends the current text, unless a run is in flight: then it is sent when that one ends. */
  async #send() {
    clearTimeout(this.#timer);
    if (this.#busy) {
      this.#dirty = true;
      return;
    }
    this.#busy = true;
    this.#dirty = false;
    this.#setState('running');
    const text = this.#currentText();
    if (!this.#result) this.#status('Loading the analyzer…');
    let outcome;
    try {
      outcome = await client(this.#wasmUrl()).analyze(text, this.#options());
    } catch (error) {
      outcome = { error };
    }
    this.#busy = false;
    if (this.#dirty) {
      this.#send();
      return;
    }
    if (outcome.error) {
      this.#setState('error');
      this.#status(`Could not analyse: ${outcome.error.message ?? outcome.error}. Edit the text to try again.`, true);
      return;
    }
    this.#result = outcome.result;
    this.#analysedText = text;
    this.#selection = null;
    this.#render(outcome.ms);
    this.#setState('done');
    this.dispatchEvent(new CustomEvent('analysis', { detail: outcome.result, bubbles: true, composed: true }));
  }

  // ---- rendering -----------------------------------------------------------------------------

  #render(ms) {
    const result = this.#result;
    const ui = this.#ui;
    if (ms !== undefined) {
      this.#renderStats(result.stats, ms);
      const count = result.entities.length;
      this.#summaryLine = `Analysed ${number.format(result.stats.characters)} characters in ${formatMs(ms)} ms · ${count} entit${count === 1 ? 'y' : 'ies'}`;
      this.#status(this.#summaryLine);
    }
    ui['download-json'].disabled = false;
    ui['download-csv'].disabled = false;
    this.#renderDocument();
    this.#renderLegend();
    this.#renderSummary();
    this.#renderGroups();
    this.#renderBars(
      ui.keywords,
      result.keywords.map((k, index) => ({
        label: k.text,
        value: k.score,
        note: `${k.score.toFixed(2)} · ${k.count}×`,
        select: { kind: 'keyword', index, spans: k.occurrences },
      })),
      'No key phrases found.',
    );
    this.#renderBars(
      ui.terms,
      result.terms.map((t) => ({ label: t.term, value: t.count, note: number.format(t.count) })),
      'No frequent terms found.',
    );
  }

  #renderStats(stats, ms) {
    const items = [
      ['Words', number.format(stats.words)],
      ['Sentences', number.format(stats.sentences)],
      ['Paragraphs', number.format(stats.paragraphs)],
      ['Characters', number.format(stats.characters)],
      ['Reading time', readingTime(stats.readingTimeSeconds)],
      ['Words / sentence', stats.averageSentenceLength.toFixed(1)],
      ['Language', languageName(stats.language)],
      ['Analysis', `${formatMs(ms)} ms`],
    ];
    this.#ui.stats.replaceChildren(
      ...items.map(([name, value]) => {
        const item = el('div', 'stat');
        item.append(el('dt', '', name), el('dd', '', value));
        return item;
      }),
    );
  }

  /**
   * The text as text nodes: sentences of the summary tinted by importance, entity mentions
   * in <mark>s, the selected group's or phrase's occurrences in .hit spans. The three layers
   * are cut at every boundary, so a mention crossing a sentence end is drawn as two pieces.
   */
  #renderDocument() {
    const full = this.#analysedText;
    const result = this.#result;
    const text = full.length > MAX_SHOWN ? full.slice(0, MAX_SHOWN) : full;
    const inRange = (s) => s.end > s.start && s.start >= 0 && s.end <= text.length;
    const layer = (spans) => {
      const out = [];
      let cursor = 0;
      for (const s of [...spans].filter(inRange).sort((a, b) => a.start - b.start || b.end - a.end)) {
        if (s.start < cursor) continue;
        out.push(s);
        cursor = s.end;
      }
      return out;
    };
    const scoreOf = new Map(result.summary.map((s) => [s.start, s.score]));
    const sentences = layer(result.summary);
    const entities = this.#panels().has('entities') ? layer(result.entities) : [];
    const hits = layer(this.#selection?.spans ?? []);
    const cuts = new Set([0, text.length]);
    for (const list of [sentences, entities, hits]) for (const s of list) cuts.add(s.start).add(s.end);
    const points = [...cuts].sort((a, b) => a - b);

    const fragment = document.createDocumentFragment();
    const groups = result.entityGroups;
    let si = 0;
    let ei = 0;
    let hi = 0;
    let sentenceEl = null;
    let sentenceOf = -1;
    let markEl = null;
    let markOf = -1;
    for (let p = 0; p + 1 < points.length; p += 1) {
      const a = points[p];
      const b = points[p + 1];
      while (si < sentences.length && sentences[si].end <= a) si += 1;
      while (ei < entities.length && entities[ei].end <= a) ei += 1;
      while (hi < hits.length && hits[hi].end <= a) hi += 1;
      const sentence = si < sentences.length && sentences[si].start <= a ? si : -1;
      const entity = ei < entities.length && entities[ei].start <= a ? ei : -1;
      const hit = hi < hits.length && hits[hi].start <= a;
      if (sentence !== sentenceOf) {
        markEl = null;
        markOf = -1;
      }
      if (sentence >= 0 && sentence !== sentenceOf) {
        const s = sentences[sentence];
        sentenceEl = el('span', 'sent');
        const score = scoreOf.get(s.start) ?? 0;
        sentenceEl.dataset.level = String(level(score));
        sentenceEl.dataset.score = score.toFixed(2);
        fragment.append(sentenceEl);
      }
      sentenceOf = sentence;
      const parent = sentence >= 0 ? sentenceEl : fragment;
      let target = parent;
      if (entity >= 0) {
        if (markOf !== entity || markEl?.parentNode !== parent) {
          const e = entities[entity];
          markEl = el('mark', 'ent');
          markEl.dataset.label = e.label;
          markEl.dataset.group = String(e.group);
          markEl.tabIndex = -1;
          markEl.setAttribute('part', 'mark');
          parent.append(markEl);
          markOf = entity;
        }
        target = markEl;
      } else {
        markEl = null;
        markOf = -1;
      }
      const piece = text.slice(a, b);
      if (hit) {
        // A hit cut by a mark or sentence boundary is several spans sharing one number.
        const span = el('span', 'hit', piece);
        span.dataset.occurrence = String(hi);
        target.append(span);
      } else {
        target.append(document.createTextNode(piece));
      }
    }
    if (!text.trim()) fragment.append(el('span', 'empty', 'Paste or type a text to see its entities here.'));
    if (text.length < full.length) {
      fragment.append(
        el('p', 'empty', `… The text is ${number.format(full.length)} characters long; the first ${number.format(MAX_SHOWN)} are shown. The lists cover all of it.`),
      );
    }
    this.#hideTip();
    this.#ui.document.classList.toggle('focusing', hits.length > 0);
    this.#ui.document.replaceChildren(fragment);
    this.#groupsByIndex = groups;
  }

  #groupsByIndex = [];

  #showTip(mark) {
    if (!mark) return;
    const group = this.#groupsByIndex[Number(mark.dataset.group)];
    const tip = this.#ui.tip;
    const type = LABELS[mark.dataset.label] ?? mark.dataset.label;
    const strong = el('strong', '', type);
    const details = group
      ? ` · ${group.text} · ${group.count} mention${group.count === 1 ? '' : 's'} in the text`
      : '';
    tip.replaceChildren(strong, document.createTextNode(details));
    tip.hidden = false;
    mark.setAttribute('aria-describedby', 'tip');
    const root = this.#root.firstElementChild.getBoundingClientRect();
    const box = mark.getBoundingClientRect();
    const left = Math.max(4, Math.min(box.left - root.left, root.width - tip.offsetWidth - 4));
    const above = box.top - root.top - tip.offsetHeight - 6;
    tip.style.left = `${left}px`;
    tip.style.top = `${above >= 0 ? above : box.bottom - root.top + 6}px`;
  }

  #hideTip() {
    this.#ui.tip.hidden = true;
    for (const mark of this.#ui.document.querySelectorAll('mark[aria-describedby]')) mark.removeAttribute('aria-describedby');
  }

  #renderLegend() {
    const counts = new Map();
    for (const { label } of this.#result.entities) counts.set(label, (counts.get(label) ?? 0) + 1);
    const shown = this.#panels();
    const items = [];
    if (shown.has('entities')) {
      const labels = Object.keys(LABELS).concat([...counts.keys()].filter((l) => !(l in LABELS)));
      for (const label of labels) {
        if (!counts.has(label)) continue;
        const item = el('li');
        item.dataset.label = label;
        item.append(el('span', 'swatch'), el('span', '', LABELS[label] ?? label), el('span', 'count', number.format(counts.get(label))));
        items.push(item);
      }
    }
    if (shown.has('summary') && this.#result.summary.length) {
      const item = el('li');
      item.append(el('span', 'swatch sum'), el('span', '', 'Summary sentence (darker: more important)'));
      items.push(item);
    }
    this.#ui.legend.replaceChildren(...items);
  }

  #renderSummary() {
    const { summary, sentences } = this.#result;
    if (!summary.length) {
      const why = sentences.length ? 'No sentences were selected.' : 'No summary: the text has no sentences yet.';
      this.#ui.summary.replaceChildren(el('li', 'empty', why));
      return;
    }
    this.#ui.summary.replaceChildren(
      ...summary.map((s) => {
        const item = el('li', '', s.text.trim());
        item.append(el('span', 'score', `importance ${s.score.toFixed(2)}`));
        return item;
      }),
    );
  }

  /** Highlights every occurrence of one entity group or key phrase (null: none). */
  #select(selection) {
    const same = this.#selection && selection && this.#selection.kind === selection.kind && this.#selection.index === selection.index;
    this.#selection = same ? null : selection;
    this.#renderDocument();
    for (const button of this.#root.querySelectorAll('button[data-kind]')) {
      const on = this.#selection !== null && button.dataset.kind === this.#selection.kind && button.dataset.index === String(this.#selection.index);
      button.setAttribute('aria-pressed', String(on));
    }
    const first = this.#ui.document.querySelector('.hit');
    if (first) {
      const doc = this.#ui.document;
      if (doc.scrollHeight > doc.clientHeight) {
        doc.scrollTop += first.getBoundingClientRect().top - doc.getBoundingClientRect().top - doc.clientHeight / 3;
      }
    }
    const count = new Set([...this.#ui.document.querySelectorAll('.hit')].map((n) => n.dataset.occurrence)).size;
    this.#status(this.#selection ? `${count} occurrence${count === 1 ? '' : 's'} highlighted in the text` : this.#summaryLine);
  }

  #renderGroups() {
    const groups = this.#result.entityGroups;
    if (!groups.length) {
      this.#ui.groups.replaceChildren(el('p', 'empty', 'No entities found.'));
      return;
    }
    const byLabel = new Map();
    groups.forEach((group, index) => {
      if (!byLabel.has(group.label)) byLabel.set(group.label, []);
      byLabel.get(group.label).push({ ...group, index });
    });
    const order = Object.keys(LABELS);
    const labels = [...byLabel.keys()].sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
    this.#ui.groups.replaceChildren(
      ...labels.map((label) => {
        const section = el('div', 'group-type');
        section.dataset.label = label;
        const list = el('ul', 'chips');
        for (const group of byLabel.get(label)) {
          const item = el('li');
          const button = el('button', 'chip');
          button.type = 'button';
          button.dataset.kind = 'group';
          button.dataset.index = String(group.index);
          button.dataset.group = String(group.index);
          button.setAttribute('aria-pressed', 'false');
          button.setAttribute('part', 'button chip');
          button.append(el('span', '', group.text), el('span', 'count', number.format(group.count)));
          button.append(el('span', 'visually-hidden', ` mention${group.count === 1 ? '' : 's'}`));
          button.addEventListener('click', () => this.#select({ kind: 'group', index: group.index, spans: group.mentions }));
          item.append(button);
          list.append(item);
        }
        section.append(el('h3', '', LABELS[label] ?? label), list);
        return section;
      }),
    );
  }

  #renderBars(list, rows, emptyText) {
    if (!rows.length) {
      list.replaceChildren(el('li', 'empty', emptyText));
      return;
    }
    const max = Math.max(...rows.map((r) => r.value)) || 1;
    list.replaceChildren(
      ...rows.map((row) => {
        const item = el('li');
        const body = row.select ? el('button', 'bar-button') : el('div', 'bar-row');
        if (row.select) {
          body.type = 'button';
          body.dataset.kind = row.select.kind;
          body.dataset.index = String(row.select.index);
          body.setAttribute('aria-pressed', 'false');
          body.addEventListener('click', () => this.#select(row.select));
        }
        const bar = el('span', 'bar');
        bar.style.setProperty('--share', String(Math.max(row.value / max, 0.02)));
        body.append(el('span', 'bar-label', row.label), el('span', 'bar-value', row.note), bar);
        item.append(body);
        return item;
      }),
    );
  }
}

if (!customElements.get('text-analyzer')) customElements.define('text-analyzer', TextAnalyzer);

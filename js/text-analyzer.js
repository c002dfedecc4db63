// <text-analyzer>: the whole textlens experience as one custom element.
//
//   <script type="module" src="…/text-analyzer.js"></script>
//   <text-analyzer>Optional initial text.</text-analyzer>
//
// Attributes: text, for (id of a textarea/input/element to analyse instead of the built-in
// input), panels ("entities keywords summary stats"), summary-sentences, keywords,
// theme (light|dark|auto), wasm-url. Fires `analysis` (detail: the result of analyze())
// once the result is shown, its text drawn with every mark; `state` is 'running' until then.
// Everything renders in a shadow root; user text reaches the DOM only as text nodes.
// The wasm is fetched lazily, once per page and URL, by a module worker shared by every
// instance; nothing else is requested. A text of any length is shown whole: its marks are
// drawn a slice at a time (see BLOCK_CHARS), so that a megabyte keeps the page responsive.

const WORKER_URL = new URL('./text-analyzer-worker.js', import.meta.url);
const DEFAULT_WASM_URL = new URL('./textlens_bg.wasm', import.meta.url);
const DEBOUNCE_MS = 250;
const TERMS = 15;
const PANELS = ['entities', 'keywords', 'summary', 'stats'];
// The highlighted text is drawn in blocks of about BLOCK_CHARS UTF-16 code units, each cut
// just after a line break, a few at a time (SLICE_MS of work, then the browser gets the
// thread back), so that a megabyte of text never blocks the page for long. A line longer
// than MAX_BLOCK is cut between words.
const BLOCK_CHARS = 2_000;
const MAX_BLOCK = 10_000;
const SLICE_MS = 8;
// A longer text's blocks are laid out a frame after its lists (see #render).
const DRAW_AT_ONCE = 8 * BLOCK_CHARS;
// Entity groups shown per type at first, and added by each "Show more".
const GROUP_CHIPS = 20;

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
/* The browser lays out and paints only the blocks near the view; the others keep the
   height they had when last drawn, or a guess from their number of lines. */
.block { content-visibility: auto; contain-intrinsic-block-size: auto calc(var(--lines, 1) * 1lh); }
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
.more { margin-top: 0.45rem; font-size: 0.8rem; min-height: 2rem; }
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

// ---- results from the worker ----------------------------------------------------------------

/** Defines `key` on `object` as a value built on first read and kept from then on as data. */
function lazy(object, key, build) {
  const settle = (value) => {
    // A result the host froze keeps the getter, which then builds the value on each read.
    if (Object.isExtensible(object)) Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  };
  Object.defineProperty(object, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = build();
      settle(value);
      return value;
    },
    set: settle,
  });
}

/** The spans of list `i` of a packed { spans, bounds } as { start, end } objects. */
function spansOf({ spans, bounds }, i) {
  const out = new Array(bounds[i + 1] - bounds[i]);
  for (let k = bounds[i], j = 0; k < bounds[i + 1]; k += 1, j += 1) out[j] = { start: spans[2 * k], end: spans[2 * k + 1] };
  return out;
}

/**
 * The worker's message as { result, view }: `result` equals what analyze() returned, its
 * long lists (sentences, entities, the spans of groups and key phrases) built from the
 * transferred arrays on first read; `view` is what drawing needs, read from those arrays
 * directly: entities as [start, end, label, group] quadruples and the label names.
 */
function unpack(data, text) {
  if (data.result) {
    const labels = [...new Set(data.result.entities.map((e) => e.label))];
    const entities = new Int32Array(data.result.entities.length * 4);
    data.result.entities.forEach((e, i) => entities.set([e.start, e.end, labels.indexOf(e.label), e.group], i * 4));
    return { result: data.result, view: { entities, labels } };
  }
  const { rest, entities, labels, texts, sentences, groupSpans, keywordSpans } = data.packed;
  // rest holds every key in analyze()'s order, the packed ones as null placeholders.
  const result = rest;
  lazy(result, 'sentences', () => {
    const out = new Array(sentences.length / 3);
    for (let i = 0; i < out.length; i += 1) out[i] = { start: sentences[3 * i], end: sentences[3 * i + 1], score: sentences[3 * i + 2] };
    return out;
  });
  lazy(result, 'entities', () => {
    const own = new Map(texts);
    const out = new Array(entities.length / 4);
    for (let i = 0; i < out.length; i += 1) {
      const start = entities[4 * i];
      const end = entities[4 * i + 1];
      out[i] = { text: own.get(i) ?? text.slice(start, end), label: labels[entities[4 * i + 2]], start, end, group: entities[4 * i + 3] };
    }
    return out;
  });
  result.entityGroups.forEach((group, i) => lazy(group, 'mentions', () => spansOf(groupSpans, i)));
  result.keywords.forEach((keyword, i) => lazy(keyword, 'occurrences', () => spansOf(keywordSpans, i)));
  return { result, view: { entities, labels } };
}

// ---- spans and blocks of the drawn text -----------------------------------------------------

/**
 * Spans as parallel arrays { count, starts, ends, ids } in document order, without empty
 * spans or spans past `limit`; of overlapping spans the first (the longest of those
 * starting together) wins. `ids` are their indexes in the list they came from.
 */
function layer(count, startOf, endOf, limit) {
  let order = null;
  for (let i = 1; i < count; i += 1) {
    if (startOf(i) < startOf(i - 1)) {
      order = Array.from({ length: count }, (_, j) => j).sort((a, b) => startOf(a) - startOf(b) || endOf(b) - endOf(a));
      break;
    }
  }
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  const ids = new Int32Array(count);
  let n = 0;
  let cursor = 0;
  for (let k = 0; k < count; k += 1) {
    const i = order ? order[k] : k;
    const start = startOf(i);
    const end = endOf(i);
    if (!(end > start && start >= cursor && end <= limit)) continue;
    starts[n] = start;
    ends[n] = end;
    ids[n] = i;
    n += 1;
    cursor = end;
  }
  return { count: n, starts, ends, ids };
}

const spanLayer = (spans, limit) => layer(spans.length, (i) => spans[i].start, (i) => spans[i].end, limit);

/** The first span of a layer (or block list) that ends after `position`. */
function firstEndingAfter({ count, ends }, position) {
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (ends[mid] > position) high = mid;
    else low = mid + 1;
  }
  return low;
}

const isInside = (spans, cut) => {
  const i = firstEndingAfter(spans, cut);
  return i < spans.count && spans.starts[i] < cut;
};

/**
 * Where the blocks of the text end. A block ends just after a line break, so blocks drawn
 * one under the other look like the unbroken text, and never inside a span of `keep`, so
 * that a mark or a summary sentence is drawn whole. A line longer than MAX_BLOCK is cut
 * after a space (or anywhere outside a surrogate pair), which shows as a line break.
 */
function blockEnds(text, keep) {
  const ends = [];
  const inside = (cut) => keep.some((spans) => isInside(spans, cut));
  let start = 0;
  while (text.length - start > BLOCK_CHARS) {
    let cut = -1;
    for (let from = start + BLOCK_CHARS; ; ) {
      const newline = text.indexOf('\n', from - 1);
      if (newline < 0 || newline + 1 - start > MAX_BLOCK) break;
      if (!inside(newline + 1)) {
        cut = newline + 1;
        break;
      }
      from = newline + 2;
    }
    if (cut < 0) {
      const limit = start + MAX_BLOCK;
      if (text.length <= limit) break;
      const space = text.lastIndexOf(' ', limit - 1);
      cut = space >= start + BLOCK_CHARS ? space + 1 : limit;
      for (const spans of keep) {
        const i = firstEndingAfter(spans, cut);
        if (i < spans.count && spans.starts[i] < cut) cut = Math.max(cut, spans.ends[i]);
      }
      const before = text.charCodeAt(cut - 1);
      if (before >= 0xd800 && before <= 0xdbff) cut += 1;
    }
    if (cut >= text.length) break;
    ends.push(cut);
    start = cut;
  }
  if (text.length > 0) ends.push(text.length);
  return ends;
}

/**
 * Resolves once the browser has had the thread for input and for painting a frame.
 * Chrome runs queued tasks before rendering for up to about 100 ms, so yielding to the
 * task queue alone would leave the page unpainted that long: the wait is for the next
 * animation frame, and a message posted from it arrives after that frame is painted.
 * Hidden pages get no frames; a timer takes over there.
 */
const afterNextFrame = (() => {
  const channel = new MessageChannel();
  const waiting = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise((resolve) => {
      let posted = false;
      const post = () => {
        if (posted) return;
        posted = true;
        clearTimeout(timer);
        waiting.push(resolve);
        channel.port2.postMessage(null);
      };
      const timer = setTimeout(post, 100);
      requestAnimationFrame(post);
    });
})();

/**
 * Runs `step` until it returns false, in slices of SLICE_MS, one per frame; the first
 * slice runs now, until `firstDeadline`.
 */
async function sliced(step, firstDeadline = performance.now() + SLICE_MS) {
  for (let deadline = firstDeadline; ; deadline = performance.now() + SLICE_MS) {
    while (performance.now() < deadline) if (!step()) return;
    await afterNextFrame();
  }
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
    else request.resolve({ ...unpack(data, request.text), ms: data.ms });
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
        pending.set(id, { resolve, reject, text });
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

/** The rows of resultToCsv(), each with its line end. */
function* csvLines(result) {
  const line = (row) => `${row.map(csvField).join(',')}\r\n`;
  yield line(['kind', 'text', 'label', 'start', 'end', 'score', 'count']);
  for (const e of result.entities) yield line(['entity', e.text, e.label, e.start, e.end, '', '']);
  for (const g of result.entityGroups) yield line(['entity group', g.text, g.label, '', '', '', g.count]);
  for (const k of result.keywords) yield line(['key phrase', k.text, '', '', '', k.score, k.count]);
  for (const t of result.terms) yield line(['term', t.term, '', '', '', '', t.count]);
  for (const s of result.summary) yield line(['summary sentence', s.text.trim(), '', s.start, s.end, s.score, '']);
}

/** One table of everything found: kind, text, label, start, end, score, count. */
export function resultToCsv(result) {
  return [...csvLines(result)].join('');
}

/**
 * JSON.stringify(result, null, 2) in pieces: each item of a top-level list is one piece,
 * so that a long result can be written a slice at a time.
 */
function* jsonPieces(result) {
  const keys = Object.keys(result);
  yield '{';
  for (const [k, key] of keys.entries()) {
    const value = result[key];
    yield `${k ? ',' : ''}\n  ${JSON.stringify(key)}: `;
    if (Array.isArray(value) && value.length) {
      yield '[';
      for (const [i, item] of value.entries()) yield `${i ? ',' : ''}\n    ${JSON.stringify(item, null, 2).replaceAll('\n', '\n    ')}`;
      yield '\n  ]';
    } else {
      yield JSON.stringify(value, null, 2).replaceAll('\n', '\n  ');
    }
  }
  yield keys.length ? '\n}\n' : '}\n';
}

/**
 * Every piece of a generator, pulled a slice at a time and joined into parts of about
 * 64 K characters: a Blob made of tens of thousands of small strings takes the browser
 * a long task to build.
 */
async function collect(pieces) {
  const parts = [];
  let part = [];
  let size = 0;
  await sliced(() => {
    const next = pieces.next();
    if (!next.done) {
      part.push(next.value);
      size += next.value.length;
    }
    if (next.done || size >= 65_536) {
      parts.push(part.join(''));
      part = [];
      size = 0;
    }
    return !next.done;
  });
  return parts;
}

function download(name, type, parts) {
  const url = URL.createObjectURL(new Blob(parts, { type }));
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
  // What drawing reads: entities as packed quadruples (see unpack()).
  #view = null;
  // The drawn text: its blocks, the layers of spans drawn into them, and which blocks wait.
  #doc = null;
  #drawing = false;
  #drawToken = 0;
  #blockObserver = null;
  #docWidth = 0;
  // The result whose `analysis` event goes out once its text is drawn.
  #announce = null;

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
    this.#stopDrawing();
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
    // A long result is written out a slice at a time, so the page stays responsive.
    ui['download-json'].addEventListener('click', async () => {
      if (this.#result) download('textlens-analysis.json', 'application/json', await collect(jsonPieces(this.#result)));
    });
    ui['download-csv'].addEventListener('click', async () => {
      if (this.#result) download('textlens-analysis.csv', 'text/csv', await collect(csvLines(this.#result)));
    });
    const doc = ui.document;
    // Read here rather than when drawing, where it would force a layout.
    new ResizeObserver(([entry]) => {
      this.#docWidth = entry.contentRect.width;
    }).observe(doc);
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
    // The marks being drawn belong to a text that has just changed.
    this.#stopDrawing();
    this.#announce = null;
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
    this.#stopDrawing();
    this.#announce = null;
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
    this.#view = outcome.view;
    this.#analysedText = text;
    this.#selection = null;
    // Set first: a short text is drawn at once, within #render.
    this.#announce = outcome.result;
    this.#render(outcome.ms);
  }

  /** Called when every block is drawn: the result is now fully shown. */
  #drawn() {
    const result = this.#announce;
    if (!result) return;
    this.#announce = null;
    this.#setState('done');
    this.dispatchEvent(new CustomEvent('analysis', { detail: result, bubbles: true, composed: true }));
  }

  // ---- rendering -----------------------------------------------------------------------------

  #render(ms) {
    const result = this.#result;
    const ui = this.#ui;
    if (ms !== undefined) {
      this.#renderStats(result.stats, ms);
      const count = this.#view.entities.length / 4;
      this.#summaryLine = `Analysed ${number.format(result.stats.characters)} characters in ${formatMs(ms)} ms · ${count} entit${count === 1 ? 'y' : 'ies'}`;
      this.#status(this.#summaryLine);
    }
    ui['download-json'].disabled = false;
    ui['download-csv'].disabled = false;
    // The blocks of a long text are laid out in the next frame, so that the lists are shown
    // first and no one task does both; an edit meanwhile (#stopDrawing) calls that off.
    this.#stopDrawing();
    this.#doc = null;
    if (this.#analysedText.length > DRAW_AT_ONCE) {
      const token = this.#drawToken;
      afterNextFrame().then(() => {
        if (token === this.#drawToken) this.#renderDocument();
      });
    } else {
      this.#renderDocument();
    }
    this.#renderLegend();
    this.#renderSummary();
    this.#renderGroups();
    this.#renderBars(
      ui.keywords,
      result.keywords.map((k, index) => ({
        label: k.text,
        value: k.score,
        note: `${k.score.toFixed(2)} · ${k.count}×`,
        select: {
          kind: 'keyword',
          index,
          get spans() {
            return k.occurrences;
          },
        },
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
   *
   * The text is laid out at once as plain blocks, which content-visibility: auto keeps the
   * browser from laying out or painting until they near the view; their marks are then
   * drawn a few blocks per slice (#drawSoon), those in view first.
   */
  #renderDocument() {
    const started = performance.now();
    this.#stopDrawing();
    this.#blockObserver?.disconnect();
    const text = this.#analysedText;
    const result = this.#result;
    const limit = text.length;
    const { summary } = result;
    const entities = this.#view.entities;
    const layers = {
      sentences: spanLayer(summary, limit),
      entities: this.#panels().has('entities')
        ? layer(entities.length / 4, (i) => entities[4 * i], (i) => entities[4 * i + 1], limit)
        : layer(0, null, null, limit),
      hits: spanLayer(this.#selection?.spans ?? [], limit),
    };
    const ends = Int32Array.from(blockEnds(text, [layers.sentences, layers.entities]));
    const count = ends.length;
    const starts = new Int32Array(count);
    for (let b = 1; b < count; b += 1) starts[b] = ends[b - 1];
    // Until a block is drawn (or when it is skipped), its height is guessed from its
    // length; an average character is about half an em wide.
    const width = this.#docWidth || 600;
    const perLine = Math.max(20, Math.floor(width / (Number.parseFloat(getComputedStyle(this.#ui.document).fontSize) * 0.5 || 8)));
    const fragment = document.createDocumentFragment();
    const nodes = new Array(count);
    const index = new WeakMap();
    for (let b = 0; b < count; b += 1) {
      const node = el('div', 'block', text.slice(starts[b], ends[b]));
      let lines = Math.ceil((ends[b] - starts[b]) / perLine);
      for (let at = text.indexOf('\n', starts[b]); at >= 0 && at < ends[b]; at = text.indexOf('\n', at + 1)) lines += 1;
      node.style.setProperty('--lines', String(lines));
      nodes[b] = node;
      index.set(node, b);
      fragment.append(node);
    }
    if (!/\S/.test(text)) fragment.append(el('span', 'empty', 'Paste or type a text to see its entities here.'));
    this.#hideTip();
    this.#ui.document.classList.toggle('focusing', layers.hits.count > 0);
    this.#ui.document.replaceChildren(fragment);
    this.#groupsByIndex = result.entityGroups;
    this.#doc = {
      text,
      layers,
      blocks: { count, starts, ends, nodes, index },
      pending: new Uint8Array(count).fill(1),
      cursor: 0,
      urgent: [],
    };
    // Blocks scrolled into view while marks are still being drawn are drawn next.
    this.#blockObserver = new IntersectionObserver(
      (entries) => {
        const doc = this.#doc;
        if (!this.#drawing || !doc) return;
        for (const entry of entries) {
          const b = doc.blocks.index.get(entry.target);
          if (entry.isIntersecting && b !== undefined && doc.pending[b]) doc.urgent.push(b);
        }
      },
      { root: this.#ui.document, rootMargin: '50% 0px' },
    );
    for (const node of nodes) this.#blockObserver.observe(node);
    // What is left of one slice goes to drawing now: a short text is shown whole at once,
    // while a long one, whose blocks took that time to lay out, is drawn from the next frame.
    this.#drawSoon(started + SLICE_MS);
  }

  /** Starts drawing the waiting blocks unless that is under way; the first slice runs now. */
  #drawSoon(firstDeadline) {
    if (this.#drawing) return;
    this.#drawing = true;
    this.#ui.document.setAttribute('aria-busy', 'true');
    const token = this.#drawToken;
    sliced(() => {
      if (token !== this.#drawToken) return false;
      const b = this.#nextBlock();
      if (b < 0) {
        this.#drawing = false;
        this.#ui.document.removeAttribute('aria-busy');
        this.#drawn();
        return false;
      }
      this.#drawBlock(b);
      return true;
    }, firstDeadline);
  }

  #stopDrawing() {
    this.#drawToken += 1;
    this.#drawing = false;
    this.#ui.document.removeAttribute('aria-busy');
  }

  /** The next block to draw: one the reader is looking at, else the first waiting. */
  #nextBlock() {
    const doc = this.#doc;
    if (!doc) return -1;
    while (doc.urgent.length) {
      const b = doc.urgent.shift();
      if (doc.pending[b]) return b;
    }
    while (doc.cursor < doc.blocks.count && !doc.pending[doc.cursor]) doc.cursor += 1;
    return doc.cursor < doc.blocks.count ? doc.cursor : -1;
  }

  /** Draws block `b` with its sentence tints, marks and hits. */
  #drawBlock(b) {
    const doc = this.#doc;
    doc.pending[b] = 0;
    const { text, layers } = doc;
    const start = doc.blocks.starts[b];
    const end = doc.blocks.ends[b];
    const { sentences, entities, hits } = layers;
    const first = [sentences, entities, hits].map((spans) => firstEndingAfter(spans, start));
    const points = [start, end];
    [sentences, entities, hits].forEach((spans, k) => {
      for (let i = first[k]; i < spans.count && spans.starts[i] < end; i += 1) {
        if (spans.starts[i] > start) points.push(spans.starts[i]);
        if (spans.ends[i] < end) points.push(spans.ends[i]);
      }
    });
    points.sort((x, y) => x - y);

    const packed = this.#view.entities;
    const { labels } = this.#view;
    const { summary } = this.#result;
    const fragment = document.createDocumentFragment();
    let [si, ei, hi] = first;
    let sentenceEl = null;
    let sentenceOf = -1;
    let markEl = null;
    let markOf = -1;
    for (let p = 0; p + 1 < points.length; p += 1) {
      const a = points[p];
      const z = points[p + 1];
      if (a === z) continue;
      while (si < sentences.count && sentences.ends[si] <= a) si += 1;
      while (ei < entities.count && entities.ends[ei] <= a) ei += 1;
      while (hi < hits.count && hits.ends[hi] <= a) hi += 1;
      const sentence = si < sentences.count && sentences.starts[si] <= a ? si : -1;
      const entity = ei < entities.count && entities.starts[ei] <= a ? ei : -1;
      const hit = hi < hits.count && hits.starts[hi] <= a;
      if (sentence !== sentenceOf) {
        markEl = null;
        markOf = -1;
      }
      if (sentence >= 0 && sentence !== sentenceOf) {
        sentenceEl = el('span', 'sent');
        const score = summary[sentences.ids[sentence]].score ?? 0;
        sentenceEl.dataset.level = String(level(score));
        sentenceEl.dataset.score = score.toFixed(2);
        fragment.append(sentenceEl);
      }
      sentenceOf = sentence;
      const parent = sentence >= 0 ? sentenceEl : fragment;
      let target = parent;
      if (entity >= 0) {
        if (markOf !== entity || markEl?.parentNode !== parent) {
          const id = entities.ids[entity];
          markEl = el('mark', 'ent');
          markEl.dataset.label = labels[packed[4 * id + 2]];
          markEl.dataset.group = String(packed[4 * id + 3]);
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
      const piece = text.slice(a, z);
      if (hit) {
        // A hit cut by a mark, sentence or block boundary is several spans sharing one number.
        const span = el('span', 'hit', piece);
        span.dataset.occurrence = String(hi);
        target.append(span);
      } else {
        target.append(document.createTextNode(piece));
      }
    }
    doc.blocks.nodes[b].replaceChildren(fragment);
  }

  /** The blocks holding a span of `spans`, in document order. */
  #blocksOf(spans) {
    const { blocks } = this.#doc;
    const found = [];
    for (let i = 0; i < spans.count; i += 1) {
      for (let b = firstEndingAfter(blocks, spans.starts[i]); b < blocks.count && blocks.starts[b] < spans.ends[i]; b += 1) {
        if (found[found.length - 1] !== b) found.push(b);
      }
    }
    return found;
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
    const { entities, labels } = this.#view;
    const counts = new Map();
    for (let i = 2; i < entities.length; i += 4) counts.set(labels[entities[i]], (counts.get(labels[entities[i]]) ?? 0) + 1);
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
    const { summary, stats } = this.#result;
    if (!summary.length) {
      const why = stats.sentences ? 'No sentences were selected.' : 'No summary: the text has no sentences yet.';
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
    const hits = spanLayer(this.#selection?.spans ?? [], this.#analysedText.length);
    // Without blocks (a new result's are laid out in the next frame) they are drawn with
    // this selection. Otherwise only the blocks that held or now hold a hit are drawn
    // again; the first hit's at once, so that it can be scrolled to.
    const doc = this.#doc;
    if (doc) {
      const before = this.#blocksOf(doc.layers.hits);
      doc.layers.hits = hits;
      const now = this.#blocksOf(hits);
      for (const b of [...now, ...before]) {
        doc.pending[b] = 1;
        doc.urgent.push(b);
      }
      this.#hideTip();
      this.#ui.document.classList.toggle('focusing', hits.count > 0);
      if (now.length) this.#drawBlock(now[0]);
      this.#drawSoon();
      const first = now.length ? doc.blocks.nodes[now[0]].querySelector('.hit') : null;
      const box = this.#ui.document;
      if (first && box.scrollHeight > box.clientHeight) {
        box.scrollTop += first.getBoundingClientRect().top - box.getBoundingClientRect().top - box.clientHeight / 3;
      }
    }
    for (const button of this.#root.querySelectorAll('button[data-kind]')) {
      const on = this.#selection !== null && button.dataset.kind === this.#selection.kind && button.dataset.index === String(this.#selection.index);
      button.setAttribute('aria-pressed', String(on));
    }
    this.#status(this.#selection ? `${hits.count} occurrence${hits.count === 1 ? '' : 's'} highlighted in the text` : this.#summaryLine);
  }

  /** The entity groups by type, most mentioned first; each type lists GROUP_CHIPS at first. */
  #renderGroups() {
    const groups = this.#result.entityGroups;
    if (!groups.length) {
      this.#ui.groups.replaceChildren(el('p', 'empty', 'No entities found.'));
      return;
    }
    const byLabel = new Map();
    groups.forEach((group, index) => {
      if (!byLabel.has(group.label)) byLabel.set(group.label, []);
      byLabel.get(group.label).push(index);
    });
    const order = Object.keys(LABELS);
    const labels = [...byLabel.keys()].sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
    this.#ui.groups.replaceChildren(
      ...labels.map((label) => {
        const section = el('div', 'group-type');
        section.dataset.label = label;
        const list = el('ul', 'chips');
        const indexes = byLabel.get(label);
        const name = LABELS[label] ?? label;
        const more = el('button', 'more');
        more.type = 'button';
        more.setAttribute('part', 'button');
        let shown = 0;
        const showMore = () => {
          const next = indexes.slice(shown, shown + GROUP_CHIPS).map((index) => this.#chip(index));
          list.append(...next);
          shown += next.length;
          const left = indexes.length - shown;
          more.hidden = left === 0;
          more.textContent = `Show ${Math.min(left, GROUP_CHIPS)} more`;
          more.setAttribute('aria-label', `Show ${Math.min(left, GROUP_CHIPS)} more of ${number.format(left)} other ${name} groups`);
          return next[0];
        };
        more.addEventListener('click', () => {
          // Keyboard users go on from the first chip that appeared, not from a hidden button.
          const first = showMore();
          first?.querySelector('button').focus();
        });
        showMore();
        section.append(el('h3', '', name), list, more);
        return section;
      }),
    );
  }

  /** A list item holding the button of entity group `index`. */
  #chip(index) {
    const group = this.#result.entityGroups[index];
    const item = el('li');
    const button = el('button', 'chip');
    button.type = 'button';
    button.dataset.kind = 'group';
    button.dataset.index = String(index);
    button.dataset.group = String(index);
    const on = this.#selection?.kind === 'group' && this.#selection.index === index;
    button.setAttribute('aria-pressed', String(on));
    button.setAttribute('part', 'button chip');
    button.append(el('span', '', group.text), el('span', 'count', number.format(group.count)));
    button.append(el('span', 'visually-hidden', ` mention${group.count === 1 ? '' : 's'}`));
    // Read on click: a group's mentions are built from the packed result only when needed.
    button.addEventListener('click', () => this.#select({ kind: 'group', index, spans: group.mentions }));
    item.append(button);
    return item;
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

// The look of <text-analyzer>: its style sheet, its shadow root's markup, the display
// names of the entity labels (their colours are in the style sheet), and el(), which
// makes every other element it shows.

/** Display names, in legend order. */
export const LABELS = {
  PERSON: 'Person',
  ORG: 'Organisation',
  LOCATION: 'Place',
  DATE: 'Date',
  TIME: 'Time',
  MONEY: 'Money',
  PERCENT: 'Percent',
  EMAIL: 'E-mail',
  URL: 'Web address',
  PHONE: 'Phone',
  HASHTAG: 'Hashtag',
  MENTION: 'Mention',
};

// Minified as CSS in the package (tools/minify.mjs reads the marker).
const STYLE = /* css */ `
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
/* One colour per entity type, readable as text on the surface in either scheme; a label
   without its own colour (a custom one such as PRODUCT) gets the neutral first one. */
.root [data-label] { --c: light-dark(#4b5563, #d1d5db); }
.root [data-label="PERSON"] { --c: light-dark(#1d4ed8, #93c5fd); }
.root [data-label="ORG"] { --c: light-dark(#7e22ce, #d8b4fe); }
.root [data-label="LOCATION"] { --c: light-dark(#047857, #6ee7b7); }
.root [data-label="DATE"] { --c: light-dark(#b45309, #fdba74); }
.root [data-label="TIME"] { --c: light-dark(#be185d, #f9a8d4); }
.root [data-label="MONEY"] { --c: light-dark(#4d7c0f, #bef264); }
.root [data-label="PERCENT"] { --c: light-dark(#0e7490, #67e8f9); }
.root [data-label="EMAIL"] { --c: light-dark(#be123c, #fda4af); }
.root [data-label="URL"] { --c: light-dark(#4338ca, #a5b4fc); }
.root [data-label="PHONE"] { --c: light-dark(#57534e, #d6d3d1); }
.root [data-label="HASHTAG"] { --c: light-dark(#155e75, #5eead4); }
.root [data-label="MENTION"] { --c: light-dark(#a16207, #fde047); }
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
/* A mention the analysis is unsure of (confidence below one half): lighter, dashed. */
mark.unsure { background: color-mix(in srgb, var(--c) 6%, transparent); border-bottom-style: dashed; opacity: 0.75; }
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
.teach { margin-top: 0.6rem; padding: 0.5rem 0.6rem; border: 1px solid var(--_border); border-radius: 10px; background: var(--_field); }
.teach[hidden] { display: none; }
.teach-title { margin: 0; font-size: 0.875rem; }
.teach-title span { font-weight: 650; }
.teach-custom { display: inline-flex; gap: 0.3rem; align-items: center; }
.teach input {
  font: inherit;
  font-size: 0.875rem;
  min-height: 2.1rem;
  padding: 0.2rem 0.4rem;
  color: var(--_fg);
  background: var(--_surface);
  border: 1px solid var(--_border);
  border-radius: 8px;
  text-transform: uppercase;
}
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

export const TEMPLATE = `
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
        <div id="teach" class="teach row" role="group" aria-labelledby="teach-title" hidden part="teach">
          <p id="teach-title" class="teach-title">“<span id="teach-phrase"></span>” is always</p>
          <button type="button" data-teach="PERSON" part="button">a person</button>
          <button type="button" data-teach="ORG" part="button">an organisation</button>
          <button type="button" data-teach="LOCATION" part="button">a place</button>
          <span class="teach-custom">
            <label class="visually-hidden" for="teach-label">Another label, in capitals</label>
            <input id="teach-label" part="input" placeholder="PRODUCT" size="10" maxlength="32" autocomplete="off" spellcheck="false">
            <button type="button" data-teach="custom" part="button">this label</button>
          </span>
          <button type="button" data-teach="exclude" part="button">never a name</button>
        </div>
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

/** The element's style sheet, built once and shared by every instance. */
export function styleSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
  }
  return sheet;
}

/** Creates an element with optional class and text; text becomes a text node. */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

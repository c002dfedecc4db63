// <text-analyzer>: the whole textlens experience as one custom element.
//
//   <script type="module" src="…/text-analyzer.js"></script>
//   <text-analyzer>Optional initial text.</text-analyzer>
//
// Attributes: text, for (id of a textarea/input/element to analyse instead of the built-in
// input), panels ("entities keywords summary stats"), summary-sentences, keywords,
// theme (light|dark|auto), wasm-url, teach (a selected word or phrase can be taught as
// always a person, organisation, place or another label, or never a name). Fires
// `analysis` (detail: the result of analyze()) once the result is shown, its text drawn
// with every mark; `state` is 'running' until then. Entity lists (the `entityLists` option
// of analyze()) come through the `entityLists` property or a child
// <script type="application/json" data-entity-lists>; what is taught changes them and
// fires `entitylistschange` (detail: { entityLists }).
// Everything renders in a shadow root; user text reaches the DOM only as text nodes.
// The wasm is fetched lazily, once per page and URL, by a module worker shared by every
// instance (element/client.js); nothing else is requested. A text of any length is shown
// whole: its marks are drawn a slice at a time (element/drawing.js), so that a megabyte
// keeps the page responsive.
import { client } from './element/client.js';
import { TextView } from './element/drawing.js';
import { collect, csvLines, download, jsonPieces } from './element/export.js';
import { cleanPhrase, labelOf, scriptLists, taught, watchScript } from './element/lists.js';
import { formatMs, number, renderBars, renderStats, renderSummary } from './element/panels.js';
import { LABELS, TEMPLATE, el, styleSheet } from './element/style.js';

const DEFAULT_WASM_URL = new URL('./textlens_bg.wasm', import.meta.url);
const DEBOUNCE_MS = 250;
const TERMS = 15;
const PANELS = ['entities', 'keywords', 'summary', 'stats'];
// Entity groups shown per type at first, and added by each "Show more".
const GROUP_CHIPS = 20;

export class TextAnalyzer extends HTMLElement {
  static observedAttributes = ['text', 'for', 'panels', 'summary-sentences', 'keywords', 'min-confidence', 'theme', 'wasm-url', 'teach', 'language', 'lang'];

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
  // What drawing reads: the entities' marks, confidences and label names (see unpack.js's
  // entityMarks()).
  #marks = null;
  #confidences = null;
  #labels = [];
  // The drawn text.
  #textView;
  // The entity groups of the drawn text, which its marks' tooltips describe.
  #groupsByIndex = [];
  // The result whose `analysis` event goes out once its text is drawn.
  #announce = null;
  // The entity lists (a copy of what was given, never changed in place), or null.
  #lists = null;
  // Whether the lists were set through the property, which then wins over the script.
  #listsSet = false;
  #listsObserver = null;
  // The phrase selected for teaching.
  #teachPhrase = '';

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open', delegatesFocus: false });
    this.#root.adoptedStyleSheets = [styleSheet()];
    const template = document.createElement('template');
    template.innerHTML = TEMPLATE;
    this.#root.append(template.content);
    for (const node of this.#root.querySelectorAll('[id]')) this.#ui[node.id] = node;
    this.#textView = new TextView(this.#ui.document, {
      onLayout: ({ result }) => {
        this.#hideTip();
        this.#groupsByIndex = result.entityGroups;
      },
      onDrawn: () => this.#drawn(),
    });
    this.#wire();
  }

  connectedCallback() {
    this.#connected = true;
    this.#applyPanels();
    const start = () => {
      if (!this.#connected) return;
      this.#watchListsScript();
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
    this.#textView.stop();
    this.#unbindSource();
    this.#listsObserver?.disconnect();
    this.#listsObserver = null;
  }

  attributeChangedCallback(name, oldValue, value) {
    if (oldValue === value || !this.#connected) return;
    if (name === 'panels') this.#applyPanels();
    else if (name === 'for') {
      this.#bindSource();
      this.#send();
    } else if (name === 'text') {
      if (value !== null && !this.#source) this.text = value;
    } else if (['summary-sentences', 'keywords', 'min-confidence', 'wasm-url', 'language', 'lang'].includes(name)) this.#send();
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

  /**
   * The entity lists of every analysis (the `entityLists` option of analyze(): lists of
   * phrases by label, and `exclude`), or null. Setting them re-analyses the text; the
   * element keeps a copy, so change them by setting them again.
   */
  get entityLists() {
    return this.#lists === null ? null : structuredClone(this.#lists);
  }

  set entityLists(value) {
    this.#listsSet = true;
    this.#setLists(value);
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

  #initialText() {
    if (this.hasAttribute('text')) return this.getAttribute('text');
    // The text written as content, without the entity lists' script.
    const raw = [...this.childNodes].filter((node) => !node.matches?.('script')).map((node) => node.textContent).join('');
    const lines = raw.replace(/^\s*\n/, '').replace(/\s+$/, '').split('\n');
    const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)[0].length));
    return Number.isFinite(indent) ? lines.map((l) => l.slice(indent)).join('\n') : '';
  }

  // ---- entity lists ------------------------------------------------------------------------

  #setLists(value) {
    if (value !== null && value !== undefined && (typeof value !== 'object' || Array.isArray(value))) {
      throw new TypeError('entityLists must be an object of lists by label, or null');
    }
    this.#lists = value ? structuredClone(value) : null;
    if (this.#connected) this.#send();
  }

  /** Reads the lists of the child script (unless the property set them), now and when it changes. */
  #watchListsScript() {
    const read = () => {
      if (this.#listsSet) return false;
      const { lists, error } = scriptLists(this);
      this.#lists = lists ?? null;
      if (error) this.#status(error, true);
      return true;
    };
    this.#listsObserver?.disconnect();
    this.#listsObserver = watchScript(this, () => read() && this.#connected && this.#schedule());
    read();
  }

  /** The selected phrase of the text view or the input, cleaned for a list; '' for none. */
  #selectedPhrase(fromInput) {
    if (fromInput) {
      const input = this.#ui.text;
      return cleanPhrase(input.value.slice(input.selectionStart, input.selectionEnd));
    }
    // Chromium reads a selection inside a shadow root from the root; others from the document.
    const selection = this.#root.getSelection?.() ?? document.getSelection();
    const node = selection?.anchorNode;
    return node && this.#ui.document.contains(node) ? cleanPhrase(selection.toString()) : '';
  }

  #offerTeach(fromInput) {
    if (!this.hasAttribute('teach')) return;
    const phrase = this.#selectedPhrase(fromInput);
    if (!phrase) return;
    this.#teachPhrase = phrase;
    this.#ui['teach-phrase'].textContent = phrase;
    this.#ui.teach.hidden = false;
  }

  #hideTeach() {
    this.#teachPhrase = '';
    this.#ui.teach.hidden = true;
  }

  /**
   * Makes the selected phrase always `target` (a label, or 'custom': the typed one) or
   * never a name ('exclude'); the text is analysed again and `entitylistschange` tells
   * the page.
   */
  #teach(target) {
    const phrase = this.#teachPhrase;
    const key = target === 'custom' ? labelOf(this.#ui['teach-label'].value) : target;
    if (!key) {
      this.#status('A label is written in capitals, digits and _, starting with a capital (such as PRODUCT).', true);
      this.#ui['teach-label'].focus();
      return;
    }
    if (!phrase) return;
    this.#hideTeach();
    this.#listsSet = true;
    this.#setLists(taught(this.#lists, phrase, key));
    const what = key === 'exclude' ? 'never a name' : `always ${LABELS[key] ?? key}`;
    this.#status(`“${phrase}” is now ${what}.`);
    this.dispatchEvent(new CustomEvent('entitylistschange', { detail: { entityLists: this.entityLists }, bubbles: true, composed: true }));
  }

  // ---- inputs --------------------------------------------------------------------------------

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

  /** The options the attributes ask for; the worker brings each into its allowed range. */
  #options() {
    const read = (name, fallback) => {
      const value = Number.parseInt(this.getAttribute(name) ?? '', 10);
      return Number.isFinite(value) ? value : fallback;
    };
    const options = { keywords: read('keywords', 12), summarySentences: read('summary-sentences', 3), terms: TERMS };
    const least = Number.parseFloat(this.getAttribute('min-confidence') ?? '');
    if (Number.isFinite(least)) options.minConfidence = least;
    // language="de" (or "auto"), else the element's own lang="de-CH" by its primary subtag.
    const language = this.getAttribute('language') ?? this.getAttribute('lang')?.split('-')[0];
    if (language) options.language = language.trim().toLowerCase();
    return options;
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
    // A phrase selected in the text view or the input can be taught (attribute `teach`).
    doc.addEventListener('mouseup', () => this.#offerTeach(false));
    doc.addEventListener('keyup', (event) => event.shiftKey && this.#offerTeach(false));
    ui.text.addEventListener('mouseup', () => this.#offerTeach(true));
    ui.text.addEventListener('keyup', (event) => event.shiftKey && this.#offerTeach(true));
    ui.teach.addEventListener('click', (event) => {
      const button = event.target.closest?.('button[data-teach]');
      if (button) this.#teach(button.dataset.teach);
    });
    ui['teach-label'].addEventListener('keydown', (event) => {
      if (event.key === 'Enter') this.#teach('custom');
    });
    // Typing a label is no edit of the text: a page listening for `input` must not see it.
    ui['teach-label'].addEventListener('input', (event) => event.stopPropagation());
    ui.teach.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.#hideTeach();
    });
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
    this.#textView.stop();
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
    this.#textView.stop();
    this.#announce = null;
    this.#setState('running');
    const text = this.#currentText();
    if (!this.#result) this.#status('Loading the analyzer…');
    let outcome;
    try {
      outcome = await client(this.#wasmUrl()).analyze(text, this.#options(), this.#lists);
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
    this.#marks = outcome.marks;
    this.#confidences = outcome.confidences;
    this.#labels = outcome.labels;
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
      renderStats(ui.stats, result.stats, ms, result.languages);
      const count = this.#marks.length / 4;
      this.#summaryLine = `Analysed ${number.format(result.stats.characters)} characters in ${formatMs(ms)} ms · ${count} entit${count === 1 ? 'y' : 'ies'}`;
      this.#status(this.#summaryLine);
    }
    ui['download-json'].disabled = false;
    ui['download-csv'].disabled = false;
    this.#textView.show(
      {
        text: this.#analysedText,
        result,
        marks: this.#marks,
        confidences: this.#confidences,
        labels: this.#labels,
        showEntities: this.#panels().has('entities'),
      },
      this.#selection?.spans ?? [],
    );
    this.#renderLegend();
    renderSummary(ui.summary, result);
    this.#renderGroups();
    renderBars(
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
      (selection) => this.#select(selection),
    );
    renderBars(
      ui.terms,
      result.terms.map((t) => ({ label: t.term, value: t.count, note: number.format(t.count) })),
      'No frequent terms found.',
    );
  }

  #showTip(mark) {
    if (!mark) return;
    const group = this.#groupsByIndex[Number(mark.dataset.group)];
    const tip = this.#ui.tip;
    const type = LABELS[mark.dataset.label] ?? mark.dataset.label;
    const strong = el('strong', '', type);
    const details = group
      ? ` · ${group.text} · ${group.count} mention${group.count === 1 ? '' : 's'} in the text`
      : '';
    const confidence = Number(mark.dataset.confidence);
    const sure = Number.isFinite(confidence) ? ` · ${Math.round(confidence * 100)}% sure` : '';
    tip.replaceChildren(strong, document.createTextNode(details + sure));
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
    const marks = this.#marks;
    const counts = new Map();
    for (let i = 2; i < marks.length; i += 4) counts.set(this.#labels[marks[i]], (counts.get(this.#labels[marks[i]]) ?? 0) + 1);
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

  /** Highlights every occurrence of one entity group or key phrase (null: none). */
  #select(selection) {
    const same = this.#selection && selection && this.#selection.kind === selection.kind && this.#selection.index === selection.index;
    this.#selection = same ? null : selection;
    this.#hideTip();
    const count = this.#textView.highlight(this.#selection?.spans ?? []);
    for (const button of this.#root.querySelectorAll('button[data-kind]')) {
      const on = this.#selection !== null && button.dataset.kind === this.#selection.kind && button.dataset.index === String(this.#selection.index);
      button.setAttribute('aria-pressed', String(on));
    }
    this.#status(this.#selection ? `${count} occurrence${count === 1 ? '' : 's'} highlighted in the text` : this.#summaryLine);
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
}

if (!customElements.get('text-analyzer')) customElements.define('text-analyzer', TextAnalyzer);

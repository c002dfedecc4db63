// The page: sends the text to the analysis worker as the user types and renders the
// result. User text only ever reaches the DOM as text nodes (textContent, createTextNode).

const DEFAULT_SEED = '000_50d3d3b30f27bb10.txt';
const SEEDS = new URL('../seeds/', import.meta.url);
const DEBOUNCE_MS = 250;
const TERMS = 15;
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

const $ = (id) => document.getElementById(id);
const ui = {
  text: $('text'),
  sample: $('sample'),
  file: $('file'),
  clear: $('clear'),
  keywords: $('opt-keywords'),
  summarySentences: $('opt-summary'),
  status: $('status'),
  stats: $('stats'),
  legend: $('legend'),
  document: $('document'),
  summary: $('summary'),
  groups: $('groups'),
  keywordList: $('keywords'),
  terms: $('terms'),
};

/** Creates an element with optional class and text; text becomes a text node. */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const number = new Intl.NumberFormat('en');

// ---- talking to the worker -------------------------------------------------------

const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
let lastSent = 0;
let busy = false;
let dirty = false;
let timer = 0;

function options() {
  const read = (input, fallback) => {
    const value = Number.parseInt(input.value, 10);
    return Number.isFinite(value) ? Math.min(Math.max(value, Number(input.min)), Number(input.max)) : fallback;
  };
  return { keywords: read(ui.keywords, 12), summarySentences: read(ui.summarySentences, 3), terms: TERMS };
}

/** Sends the current text, unless a run is in flight: then it is sent when that one ends. */
function send() {
  clearTimeout(timer);
  if (busy) {
    dirty = true;
    return;
  }
  busy = true;
  dirty = false;
  lastSent += 1;
  document.body.dataset.state = 'running';
  worker.postMessage({ id: lastSent, text: ui.text.value, options: options() });
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(send, DEBOUNCE_MS);
}

worker.onmessage = ({ data }) => {
  if (data.type === 'ready') return;
  busy = false;
  if (dirty) {
    send();
    return;
  }
  document.body.dataset.state = 'done';
  if (data.id !== lastSent) return;
  if (data.error) {
    ui.status.textContent = `Could not analyse: ${data.error}`;
    ui.status.classList.add('error');
    return;
  }
  ui.status.classList.remove('error');
  render(ui.text.value, data.result, data.ms);
};

worker.onerror = (event) => {
  busy = false;
  ui.status.textContent = `The analyzer failed to start: ${event.message ?? 'unknown error'}`;
  ui.status.classList.add('error');
  document.body.dataset.state = 'error';
};

// ---- rendering --------------------------------------------------------------------

function render(text, result, ms) {
  renderStats(result.stats, ms);
  renderDocument(text, result.entities);
  renderLegend(result.entities);
  renderSummary(result.summary, result.sentences.length);
  renderGroups(result.entityGroups);
  renderBars(
    ui.keywordList,
    result.keywords.map((k) => ({ label: k.text, value: k.score, note: k.score.toFixed(2), title: `${k.count}×` })),
    'No key phrases found.',
  );
  renderBars(
    ui.terms,
    result.terms.map((t) => ({ label: t.term, value: t.count, note: number.format(t.count) })),
    'No frequent terms found.',
  );
  const count = result.entities.length;
  ui.status.textContent = `Analysed ${number.format(result.stats.characters)} characters in ${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms · ${count} entit${count === 1 ? 'y' : 'ies'}`;
  document.body.dataset.analysed = 'true';
}

function readingTime(seconds) {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function renderStats(stats, ms) {
  const languageName = (() => {
    if (!stats.language || stats.language === 'und') return 'unknown';
    try {
      return new Intl.DisplayNames(['en'], { type: 'language' }).of(stats.language) ?? stats.language;
    } catch {
      return stats.language;
    }
  })();
  const items = [
    ['Words', number.format(stats.words)],
    ['Sentences', number.format(stats.sentences)],
    ['Paragraphs', number.format(stats.paragraphs)],
    ['Characters', number.format(stats.characters)],
    ['Reading time', readingTime(stats.readingTimeSeconds)],
    ['Words / sentence', stats.averageSentenceLength.toFixed(1)],
    ['Language', languageName],
    ['Analysis', `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`],
  ];
  const fragment = document.createDocumentFragment();
  for (const [name, value] of items) {
    const item = el('div', 'stat');
    item.append(el('dt', '', name), el('dd', '', value));
    fragment.append(item);
  }
  ui.stats.replaceChildren(fragment);
}

/** The text as text nodes, each entity mention wrapped in a <mark> carrying its label. */
function renderDocument(fullText, entities) {
  const fragment = document.createDocumentFragment();
  const text = fullText.length > MAX_SHOWN ? fullText.slice(0, MAX_SHOWN) : fullText;
  let cursor = 0;
  const sorted = [...entities].sort((a, b) => a.start - b.start || b.end - a.end);
  for (const entity of sorted) {
    // Overlapping or out-of-range mentions cannot be drawn as nested marks; skip them.
    if (entity.start < cursor || entity.end > text.length || entity.end <= entity.start) continue;
    if (entity.start > cursor) fragment.append(document.createTextNode(text.slice(cursor, entity.start)));
    const mark = el('mark', 'ent', text.slice(entity.start, entity.end));
    mark.dataset.label = entity.label;
    mark.dataset.group = String(entity.group);
    mark.title = LABELS[entity.label] ?? entity.label;
    fragment.append(mark);
    cursor = entity.end;
  }
  if (cursor < text.length) fragment.append(document.createTextNode(text.slice(cursor)));
  if (!text.trim()) fragment.append(el('span', 'empty', 'Paste or type a text above to see its entities here.'));
  if (text.length < fullText.length) {
    fragment.append(el('p', 'empty', `… The text is ${number.format(fullText.length)} characters long; the first ${number.format(MAX_SHOWN)} are shown. The lists cover all of it.`));
  }
  ui.document.replaceChildren(fragment);
  focusGroup(null);
}

function renderLegend(entities) {
  const counts = new Map();
  for (const { label } of entities) counts.set(label, (counts.get(label) ?? 0) + 1);
  const fragment = document.createDocumentFragment();
  for (const label of Object.keys(LABELS).concat([...counts.keys()].filter((l) => !(l in LABELS)))) {
    if (!counts.has(label)) continue;
    const item = el('li', 'legend-item');
    const swatch = el('span', 'swatch');
    swatch.dataset.label = label;
    item.append(swatch, el('span', '', LABELS[label] ?? label), el('span', 'count', number.format(counts.get(label))));
    fragment.append(item);
  }
  ui.legend.replaceChildren(fragment);
}

function renderSummary(summary, sentences) {
  if (!summary.length) {
    const why = sentences ? 'No sentences were selected.' : 'No summary: the text has no sentences yet.';
    ui.summary.replaceChildren(el('li', 'empty', why));
    return;
  }
  ui.summary.replaceChildren(...summary.map((s) => el('li', '', s.text.trim())));
}

let focused = null;

/** Emphasises the mentions of one entity group in the text (null: none). */
function focusGroup(group) {
  focused = group;
  ui.document.classList.toggle('focusing', group !== null);
  for (const mark of ui.document.querySelectorAll('mark.ent')) {
    mark.classList.toggle('focus', group !== null && mark.dataset.group === String(group));
  }
  for (const button of ui.groups.querySelectorAll('button.chip')) {
    button.setAttribute('aria-pressed', String(button.dataset.group === String(group)));
  }
}

function renderGroups(groups) {
  if (!groups.length) {
    ui.groups.replaceChildren(el('p', 'empty', 'No entities found.'));
    return;
  }
  const byLabel = new Map();
  groups.forEach((group, index) => {
    if (!byLabel.has(group.label)) byLabel.set(group.label, []);
    byLabel.get(group.label).push({ ...group, index });
  });
  const order = Object.keys(LABELS);
  const labels = [...byLabel.keys()].sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
  const fragment = document.createDocumentFragment();
  for (const label of labels) {
    const section = el('div', 'group-type');
    const heading = el('h3', '', LABELS[label] ?? label);
    heading.dataset.label = label;
    const list = el('ul', 'chips');
    for (const group of byLabel.get(label)) {
      const item = el('li');
      const button = el('button', 'chip');
      button.type = 'button';
      button.dataset.label = label;
      button.dataset.group = String(group.index);
      button.setAttribute('aria-pressed', 'false');
      button.title = `${group.count} mention${group.count === 1 ? '' : 's'}: show them in the text`;
      button.append(el('span', 'chip-text', group.text), el('span', 'count', number.format(group.count)));
      button.addEventListener('click', () => {
        const next = focused === group.index ? null : group.index;
        focusGroup(next);
        if (next !== null) ui.document.querySelector('mark.ent.focus')?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
      });
      item.append(button);
      list.append(item);
    }
    section.append(heading, list);
    fragment.append(section);
  }
  ui.groups.replaceChildren(fragment);
}

function renderBars(list, rows, emptyText) {
  if (!rows.length) {
    list.replaceChildren(el('li', 'empty', emptyText));
    return;
  }
  const max = Math.max(...rows.map((r) => r.value)) || 1;
  list.replaceChildren(
    ...rows.map((row) => {
      const item = el('li', 'bar-row');
      if (row.title) item.title = row.title;
      const bar = el('span', 'bar');
      bar.style.setProperty('--share', String(Math.max(row.value / max, 0.02)));
      item.append(el('span', 'bar-label', row.label), el('span', 'bar-value', row.note), bar);
      return item;
    }),
  );
}

// ---- samples and inputs -----------------------------------------------------------

async function loadSeed(file) {
  ui.status.textContent = 'Loading the sample…';
  try {
    const response = await fetch(new URL(file, SEEDS));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    ui.text.value = await response.text();
    ui.sample.value = file;
    send();
  } catch (error) {
    ui.status.textContent = `Could not load the sample: ${error.message}`;
  }
}

async function listSeeds() {
  let seeds = [{ file: DEFAULT_SEED, title: 'News article' }];
  try {
    const response = await fetch(new URL('index.json', SEEDS));
    if (response.ok) seeds = await response.json();
  } catch {
    // A plain static host has no listing; the default article is still offered.
  }
  for (const seed of seeds) {
    const option = el('option', '', seed.words ? `${seed.title} (${number.format(seed.words)} words)` : seed.title);
    option.value = seed.file;
    ui.sample.append(option);
  }
}

ui.text.addEventListener('input', () => {
  ui.sample.value = '';
  schedule();
});
ui.keywords.addEventListener('input', schedule);
ui.summarySentences.addEventListener('input', schedule);
ui.sample.addEventListener('change', () => {
  if (ui.sample.value) loadSeed(ui.sample.value);
});
ui.clear.addEventListener('click', () => {
  ui.text.value = '';
  ui.sample.value = '';
  ui.text.focus();
  send();
});
ui.file.addEventListener('change', async () => {
  const [file] = ui.file.files;
  if (!file) return;
  ui.text.value = await file.text();
  ui.sample.value = '';
  ui.file.value = '';
  send();
});

await listSeeds();
await loadSeed(DEFAULT_SEED);

// The showcase around <text-analyzer>: a sample menu that feeds the widget, a theme switch,
// the copy button of the embed code, and keeping the user's own text and entity lists
// across reloads (in this browser's IndexedDB only, with buttons to forget them; the lists
// can be exported as JSON). The widget does the analysis, the rendering and the teaching.

const DEFAULT_SEED = '000_50d3d3b30f27bb10.txt';
const SEEDS = new URL('seeds/', document.baseURI);
const number = new Intl.NumberFormat('en');

// Where earlier versions kept the text; it is moved to IndexedDB on the first visit.
const LEGACY_KEY = 'textlens:text';
const SAVE_DELAY_MS = 400;

const analyzer = document.getElementById('analyzer');
const storageStatus = document.getElementById('storage-status');
const sample = document.getElementById('sample');
const theme = document.getElementById('theme');

async function loadSeed(file) {
  try {
    const response = await fetch(new URL(file, SEEDS));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    analyzer.text = await response.text();
    sample.value = file;
  } catch (error) {
    analyzer.text = '';
    sample.value = '';
    document.getElementById('copy-status').textContent = `Could not load the sample: ${error.message}`;
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
    const option = document.createElement('option');
    option.textContent = seed.words ? `${seed.title} (${number.format(seed.words)} words)` : seed.title;
    option.value = seed.file;
    sample.append(option);
  }
}

// The text is kept in IndexedDB rather than localStorage: a write there is copied and
// committed off the main thread, where localStorage.setItem of a pasted megabyte held the
// page for tens of milliseconds. Storage can be unavailable (private modes, blocked
// cookies): the page then works without it.
let database = null;
function openStore() {
  database ??= new Promise((resolve, reject) => {
    const request = indexedDB.open('textlens', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('kept');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return database;
}

/** Runs `action` on the store in one transaction; resolves to its request's result once committed. */
async function inStore(mode, action) {
  const db = await openStore();
  return new Promise((resolve, reject) => {
    const transaction = db.transaction('kept', mode);
    const request = action(transaction.objectStore('kept'));
    transaction.oncomplete = () => resolve(request.result);
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
}

function dropLegacy() {
  try {
    localStorage.removeItem(LEGACY_KEY);
  } catch {
    // Nothing was stored there.
  }
}

async function stored() {
  try {
    let text = (await inStore('readonly', (store) => store.get('text'))) ?? null;
    let legacy = null;
    try {
      legacy = localStorage.getItem(LEGACY_KEY);
    } catch {
      // No localStorage: nothing to move.
    }
    if (legacy !== null) {
      if (text === null) {
        text = legacy;
        await inStore('readwrite', (store) => store.put(text, 'text'));
      }
      dropLegacy();
    }
    return text;
  } catch {
    return null;
  }
}

let saveTimer;
function saveSoon() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(async () => {
    try {
      await inStore('readwrite', (store) => store.put(analyzer.text, 'text'));
      storageStatus.hidden = false;
    } catch {
      storageStatus.hidden = true;
    }
  }, SAVE_DELAY_MS);
}

async function forget() {
  clearTimeout(saveTimer);
  dropLegacy();
  try {
    await inStore('readwrite', (store) => store.delete('text'));
  } catch {
    // Nothing was stored.
  }
  storageStatus.hidden = true;
}

function applyTheme(value) {
  document.documentElement.dataset.theme = value;
  analyzer.setAttribute('theme', value);
}

sample.addEventListener('change', () => {
  if (sample.value) loadSeed(sample.value);
});
theme.addEventListener('change', () => applyTheme(theme.value));
// Typing in the widget makes the text the user's own, and it is kept.
analyzer.addEventListener('input', () => {
  sample.value = '';
  saveSoon();
});
document.getElementById('forget').addEventListener('click', async () => {
  await forget();
  await loadSeed(DEFAULT_SEED);
});
// Set once the page's own first text (the kept one or the sample) is analysed: the widget
// analyses its empty input as soon as it connects, which may finish before that text is
// loaded, and a script that waited for this mark would then have its edit overwritten.
let booted = false;
analyzer.addEventListener('analysis', () => {
  if (booted) document.body.dataset.analysed = 'true';
});

// ---- entity lists: taught in the widget (its `teach` attribute), kept, shown, exported ----

const taughtList = document.getElementById('taught-list');
const listsStatus = document.getElementById('lists-status');
const NAMES = { PERSON: 'person', ORG: 'organisation', LOCATION: 'place', exclude: 'never a name' };

/** Each taught phrase as { label, phrase }: lists by label, entries strings or { text }. */
function taughtEntries(lists) {
  return Object.entries(lists ?? {}).flatMap(([label, list]) =>
    (Array.isArray(list) ? list : (list?.entries ?? [])).map((entry) => ({ label, phrase: typeof entry === 'string' ? entry : entry.text })),
  );
}

function showLists(lists) {
  const entries = taughtEntries(lists);
  taughtList.replaceChildren(
    ...entries.map(({ label, phrase }) => {
      const item = document.createElement('li');
      const name = document.createElement('span');
      name.textContent = phrase;
      const kind = document.createElement('span');
      kind.className = 'label';
      kind.textContent = NAMES[label] ?? label;
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = '×';
      remove.setAttribute('aria-label', `Forget “${phrase}” (${NAMES[label] ?? label})`);
      remove.addEventListener('click', () => forgetPhrase(label, phrase));
      item.append(name, kind, remove);
      return item;
    }),
  );
  listsStatus.textContent = entries.length ? `${entries.length} taught phrase${entries.length === 1 ? '' : 's'}.` : 'Nothing taught yet.';
}

async function saveLists(lists) {
  showLists(lists);
  try {
    await inStore('readwrite', (store) => (lists ? store.put(lists, 'lists') : store.delete('lists')));
  } catch {
    listsStatus.textContent = 'Your lists could not be kept in this browser.';
  }
}

function forgetPhrase(label, phrase) {
  const lists = analyzer.entityLists ?? {};
  const list = lists[label];
  const keep = (entry) => (typeof entry === 'string' ? entry : entry.text) !== phrase;
  if (Array.isArray(list)) lists[label] = list.filter(keep);
  else if (list) lists[label] = { ...list, entries: list.entries.filter(keep) };
  const left = Array.isArray(lists[label]) ? lists[label] : lists[label]?.entries;
  if (!left?.length) delete lists[label];
  const next = Object.keys(lists).length ? lists : null;
  analyzer.entityLists = next;
  saveLists(next);
}

analyzer.addEventListener('entitylistschange', (event) => saveLists(event.detail.entityLists));
document.getElementById('forget-lists').addEventListener('click', () => {
  analyzer.entityLists = null;
  saveLists(null);
});
document.getElementById('export-lists').addEventListener('click', () => {
  const json = `${JSON.stringify(analyzer.entityLists ?? {}, null, 2)}\n`;
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'textlens-entity-lists.json';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
});

async function storedLists() {
  try {
    return (await inStore('readonly', (store) => store.get('lists'))) ?? null;
  } catch {
    return null;
  }
}

document.getElementById('copy').addEventListener('click', async (event) => {
  const code = document.getElementById(event.currentTarget.dataset.copy).textContent;
  const status = document.getElementById('copy-status');
  try {
    await navigator.clipboard.writeText(code);
    status.textContent = 'Copied the two lines.';
  } catch {
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('embed-code'));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    status.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
  }
});

applyTheme(theme.value);
await customElements.whenDefined('text-analyzer');
// The lists first, so that the first text is analysed with them.
const lists = await storedLists();
if (lists) analyzer.entityLists = lists;
showLists(lists);
await listSeeds();
const restored = await stored();
if (restored === null) {
  await loadSeed(DEFAULT_SEED);
} else {
  analyzer.text = restored;
  sample.value = '';
  storageStatus.hidden = false;
}
booted = true;

// The showcase around <text-analyzer>: a sample menu that feeds the widget, a theme switch,
// the copy button of the embed code, and keeping the user's own text across reloads (in
// this browser's local storage only, with a button to forget it). The widget does the
// analysis and rendering.

const DEFAULT_SEED = '000_50d3d3b30f27bb10.txt';
const SEEDS = new URL('seeds/', document.baseURI);
const number = new Intl.NumberFormat('en');

const STORAGE_KEY = 'textlens:text';
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

// Storage can be unavailable (private modes, blocked cookies): the page then works without it.
function stored() {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

let saveTimer;
function saveSoon() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    try {
      localStorage.setItem(STORAGE_KEY, analyzer.text);
      storageStatus.hidden = false;
    } catch {
      storageStatus.hidden = true;
    }
  }, SAVE_DELAY_MS);
}

function forget() {
  clearTimeout(saveTimer);
  try {
    localStorage.removeItem(STORAGE_KEY);
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
  forget();
  await loadSeed(DEFAULT_SEED);
});
analyzer.addEventListener('analysis', () => {
  document.body.dataset.analysed = 'true';
});

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
await listSeeds();
const restored = stored();
if (restored === null) {
  await loadSeed(DEFAULT_SEED);
} else {
  analyzer.text = restored;
  sample.value = '';
  storageStatus.hidden = false;
}

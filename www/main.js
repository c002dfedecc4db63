// The showcase around <text-analyzer>: a sample menu that feeds the widget, a theme switch,
// and the copy button of the embed code. The widget does the analysis and rendering.

const DEFAULT_SEED = '000_50d3d3b30f27bb10.txt';
const SEEDS = new URL('seeds/', document.baseURI);
const number = new Intl.NumberFormat('en');

const analyzer = document.getElementById('analyzer');
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

function applyTheme(value) {
  document.documentElement.dataset.theme = value;
  analyzer.setAttribute('theme', value);
}

sample.addEventListener('change', () => {
  if (sample.value) loadSeed(sample.value);
});
theme.addEventListener('change', () => applyTheme(theme.value));
// Typing in the widget makes the text the user's own.
analyzer.addEventListener('input', () => {
  sample.value = '';
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
await loadSeed(DEFAULT_SEED);

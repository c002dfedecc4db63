// The element's side panels that draw a result without holding state: the statistics, the
// summary and the bar lists (key phrases, terms). The element keeps what they select.
import { el } from './style.js';

export const number = new Intl.NumberFormat('en');

export const formatMs = (ms) => (ms < 10 ? ms.toFixed(1) : String(Math.round(ms)));

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

/**
 * What could not run in the text's language, as [name, value] rows: names without a model
 * ("not available for Finnish"), key phrases without a stopword list.
 */
export function languageNotes(languages) {
  if (!languages) return [];
  const name = languageName(languages.detected);
  const notes = [];
  if (languages.names === 'unavailable') notes.push(['Names', `not available for ${name}`]);
  else if (languages.names === 'not-loaded') notes.push(['Names', 'model not loaded']);
  else if (languages.names === 'failed') notes.push(['Names', `model not loaded${languages.namesError ? ` (${languages.namesError})` : ''}`]);
  else if (languages.model && languages.model !== languages.detected && languages.detected !== 'und') notes.push(['Names', `${languageName(languages.model)} model`]);
  if (languages.words === null) notes.push(['Key phrases', `no word list for ${name}`]);
  return notes;
}

/** A result's statistics, the time its analysis took and what its language lacked, into the description list `list`. */
export function renderStats(list, stats, ms, languages) {
  const items = [
    ['Words', number.format(stats.words)],
    ['Sentences', number.format(stats.sentences)],
    ['Paragraphs', number.format(stats.paragraphs)],
    ['Characters', number.format(stats.characters)],
    ['Reading time', readingTime(stats.readingTimeSeconds)],
    ['Words / sentence', stats.averageSentenceLength.toFixed(1)],
    ['Language', languageName(stats.language)],
    ...languageNotes(languages),
    ['Analysis', `${formatMs(ms)} ms`],
  ];
  list.replaceChildren(
    ...items.map(([name, value]) => {
      const item = el('div', 'stat');
      item.append(el('dt', '', name), el('dd', '', value));
      return item;
    }),
  );
}

/** The summary sentences with their importance, or why there are none. */
export function renderSummary(list, { summary, stats }) {
  if (!summary.length) {
    const why = stats.sentences ? 'No sentences were selected.' : 'No summary: the text has no sentences yet.';
    list.replaceChildren(el('li', 'empty', why));
    return;
  }
  list.replaceChildren(
    ...summary.map((s) => {
      const item = el('li', '', s.text.trim());
      item.append(el('span', 'score', `importance ${s.score.toFixed(2)}`));
      return item;
    }),
  );
}

/**
 * Rows of { label, value, note, select? } as bars scaled to the largest value; a row with
 * `select` is a button that calls `onSelect(row.select)`.
 */
export function renderBars(list, rows, emptyText, onSelect) {
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
        body.addEventListener('click', () => onSelect(row.select));
      }
      const bar = el('span', 'bar');
      bar.style.setProperty('--share', String(Math.max(row.value / max, 0.02)));
      body.append(el('span', 'bar-label', row.label), el('span', 'bar-value', row.note), bar);
      item.append(body);
      return item;
    }),
  );
}

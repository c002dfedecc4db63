// Downloads of a result: CSV and JSON, written a piece at a time so that a long result
// never holds the page for long. csvLines() and jsonPieces() are pure (tested under Node).
import { sliced } from './slicing.js';

function csvField(value) {
  let text = value === undefined || value === null ? '' : String(value);
  // Spreadsheets run cells that start with these as formulas.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * One table of everything found (kind, text, label, start, end, score, count), a row at
 * a time, each with its line end. An entity's or group's score is its confidence.
 */
export function* csvLines(result) {
  const line = (row) => `${row.map(csvField).join(',')}\r\n`;
  yield line(['kind', 'text', 'label', 'start', 'end', 'score', 'count']);
  for (const e of result.entities) yield line(['entity', e.text, e.label, e.start, e.end, e.confidence, '']);
  for (const g of result.entityGroups) yield line(['entity group', g.text, g.label, '', '', g.confidence, g.count]);
  for (const k of result.keywords) yield line(['key phrase', k.text, '', '', '', k.score, k.count]);
  for (const t of result.terms) yield line(['term', t.term, '', '', '', '', t.count]);
  for (const s of result.summary) yield line(['summary sentence', s.text.trim(), '', s.start, s.end, s.score, '']);
}

/**
 * JSON.stringify(result, null, 2) in pieces: each item of a top-level list is one piece,
 * so that a long result can be written a slice at a time.
 */
export function* jsonPieces(result) {
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
export async function collect(pieces) {
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

/** Hands `parts` to the browser as a downloaded file named `name`. */
export function download(name, type, parts) {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

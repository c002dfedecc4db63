// The geometry of the drawn text, without the DOM: spans as sorted layers, and where the
// text is cut into blocks. Pure functions, tested under Node (tests/node/element.test.mjs).

// The highlighted text is drawn in blocks of about BLOCK_CHARS UTF-16 code units, each cut
// just after a line break, so that a megabyte of text is drawn a few blocks at a time and
// never blocks the page for long. A line longer than MAX_BLOCK is cut between words.
export const BLOCK_CHARS = 2_000;
const MAX_BLOCK = 10_000;

/**
 * Spans as parallel arrays { count, starts, ends, ids } in document order, without empty
 * spans or spans past `limit`; of overlapping spans the first (the longest of those
 * starting together) wins. `ids` are their indexes in the list they came from.
 */
export function layer(count, startOf, endOf, limit) {
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

export const spanLayer = (spans, limit) => layer(spans.length, (i) => spans[i].start, (i) => spans[i].end, limit);

/** The first span of a layer (or block list) that ends after `position`. */
export function firstEndingAfter({ count, ends }, position) {
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (ends[mid] > position) high = mid;
    else low = mid + 1;
  }
  return low;
}

/**
 * Where the pieces of the text from `start` to `end` begin and end: the two ends and every
 * boundary of a span of `layers` between them, sorted (a boundary shared by two layers
 * comes twice); and, for each layer, its first span that ends after `start`.
 */
export function cutPoints(layers, start, end) {
  const first = layers.map((spans) => firstEndingAfter(spans, start));
  const points = [start, end];
  layers.forEach((spans, k) => {
    for (let i = first[k]; i < spans.count && spans.starts[i] < end; i += 1) {
      if (spans.starts[i] > start) points.push(spans.starts[i]);
      if (spans.ends[i] < end) points.push(spans.ends[i]);
    }
  });
  points.sort((x, y) => x - y);
  return { points, first };
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
export function blockEnds(text, keep) {
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

// The text of a result, drawn: summary sentences tinted by importance, entity mentions in
// <mark>s, and the occurrences of the selected group or key phrase in .hit spans. A text
// of any length is shown whole: it is laid out at once as plain blocks (see blocks.js),
// which content-visibility: auto keeps the browser from laying out or painting until
// they near the view, and their marks are drawn a few blocks per slice (see slicing.js),
// those in view first.
import { BLOCK_CHARS, blockEnds, cutPoints, firstEndingAfter, layer, spanLayer } from './blocks.js';
import { SLICE_MS, afterNextFrame, sliced } from './slicing.js';
import { el } from './style.js';

// A longer text's blocks are laid out a frame after the element's lists (see show()).
const DRAW_AT_ONCE = 8 * BLOCK_CHARS;
// Marks of mentions below this confidence are faded: fewer than half of them are right.
const LOW_CONFIDENCE = 0.5;

/** Summary importance in three steps, so the tint stays readable behind any text. */
const level = (score) => (score >= 0.75 ? 3 : score >= 0.45 ? 2 : 1);

/** The span of a summary sentence, tinted by its score. */
function tinted(score) {
  const span = el('span', 'sent');
  span.dataset.level = String(level(score));
  span.dataset.score = score.toFixed(2);
  return span;
}

export class TextView {
  #box;
  #onLayout;
  #onDrawn;
  // What is shown: { text, result, marks, labels, showEntities }.
  #content = null;
  // The spans of the selection, drawn as hits.
  #hitSpans = [];
  // The drawn text: its blocks, the layers of spans drawn into them, and which blocks wait.
  #doc = null;
  #drawing = false;
  #token = 0;
  #blockObserver = null;
  #width = 0;

  /**
   * Draws into `box`; calls onLayout(content) just before a text's blocks replace the
   * box's children, and onDrawn() once every block of a text is drawn.
   */
  constructor(box, { onLayout, onDrawn }) {
    this.#box = box;
    this.#onLayout = onLayout;
    this.#onDrawn = onDrawn;
    // Read here rather than when drawing, where it would force a layout.
    new ResizeObserver(([entry]) => {
      this.#width = entry.contentRect.width;
    }).observe(box);
  }

  /**
   * Shows `content`: { text, result, marks and confidences (see unpack.js's
   * entityMarks()), labels, showEntities }, with `hits` (a list of { start, end }) highlighted. The blocks of a
   * long text are laid out in the next frame, so that the element's lists are shown first
   * and no one task does both; stop() calls that off.
   */
  show(content, hits) {
    this.stop();
    this.#content = content;
    this.#hitSpans = hits;
    this.#doc = null;
    if (content.text.length > DRAW_AT_ONCE) {
      const token = this.#token;
      afterNextFrame().then(() => {
        if (token === this.#token) this.#layOut();
      });
    } else {
      this.#layOut();
    }
  }

  /** Stops drawing: the text being drawn has just changed. */
  stop() {
    this.#token += 1;
    this.#drawing = false;
    this.#box.removeAttribute('aria-busy');
  }

  /**
   * Draws `spans` (a list of { start, end }) as the hits instead of the last ones, and
   * scrolls to the first; returns how many there are.
   */
  highlight(spans) {
    this.#hitSpans = spans;
    const hits = spanLayer(spans, this.#content?.text.length ?? 0);
    // Without blocks (a new result's are laid out in the next frame) they are drawn with
    // these hits. Otherwise only the blocks that held or now hold a hit are drawn again;
    // the first hit's at once, so that it can be scrolled to.
    const doc = this.#doc;
    if (!doc) return hits.count;
    const before = this.#blocksOf(doc.layers.hits);
    doc.layers.hits = hits;
    const now = this.#blocksOf(hits);
    for (const b of [...now, ...before]) {
      doc.pending[b] = 1;
      doc.urgent.push(b);
    }
    this.#box.classList.toggle('focusing', hits.count > 0);
    if (now.length) this.#drawBlock(now[0]);
    this.#drawSoon();
    const first = now.length ? doc.blocks.nodes[now[0]].querySelector('.hit') : null;
    const box = this.#box;
    if (first && box.scrollHeight > box.clientHeight) {
      box.scrollTop += first.getBoundingClientRect().top - box.getBoundingClientRect().top - box.clientHeight / 3;
    }
    return hits.count;
  }

  #layOut() {
    const started = performance.now();
    this.stop();
    this.#blockObserver?.disconnect();
    const content = this.#content;
    const { text, marks } = content;
    const limit = text.length;
    const layers = {
      sentences: spanLayer(content.result.summary, limit),
      entities: content.showEntities ? layer(marks.length / 4, (i) => marks[4 * i], (i) => marks[4 * i + 1], limit) : layer(0, null, null, limit),
      hits: spanLayer(this.#hitSpans, limit),
    };
    const ends = Int32Array.from(blockEnds(text, [layers.sentences, layers.entities]));
    const count = ends.length;
    const starts = new Int32Array(count);
    for (let b = 1; b < count; b += 1) starts[b] = ends[b - 1];
    const { fragment, nodes, index } = this.#blocks(text, starts, ends);
    if (!/\S/.test(text)) fragment.append(el('span', 'empty', 'Paste or type a text to see its entities here.'));
    this.#onLayout(content);
    this.#box.classList.toggle('focusing', layers.hits.count > 0);
    this.#box.replaceChildren(fragment);
    this.#doc = { text, layers, blocks: { count, starts, ends, nodes, index }, pending: new Uint8Array(count).fill(1), cursor: 0, urgent: [] };
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
      { root: this.#box, rootMargin: '50% 0px' },
    );
    for (const node of nodes) this.#blockObserver.observe(node);
    // What is left of one slice goes to drawing now: a short text is shown whole at once,
    // while a long one, whose blocks took that time to lay out, is drawn from the next frame.
    this.#drawSoon(started + SLICE_MS);
  }

  /** The blocks as plain text, each as tall as its text will be once drawn. */
  #blocks(text, starts, ends) {
    // Until a block is drawn (or when it is skipped), its height is guessed from its
    // length; an average character is about half an em wide.
    const width = this.#width || 600;
    const perLine = Math.max(20, Math.floor(width / (Number.parseFloat(getComputedStyle(this.#box).fontSize) * 0.5 || 8)));
    const fragment = document.createDocumentFragment();
    const nodes = new Array(starts.length);
    const index = new WeakMap();
    for (let b = 0; b < starts.length; b += 1) {
      const node = el('div', 'block', text.slice(starts[b], ends[b]));
      let lines = Math.ceil((ends[b] - starts[b]) / perLine);
      for (let at = text.indexOf('\n', starts[b]); at >= 0 && at < ends[b]; at = text.indexOf('\n', at + 1)) lines += 1;
      node.style.setProperty('--lines', String(lines));
      nodes[b] = node;
      index.set(node, b);
      fragment.append(node);
    }
    return { fragment, nodes, index };
  }

  /** Starts drawing the waiting blocks unless that is under way; the first slice runs now. */
  #drawSoon(firstDeadline) {
    if (this.#drawing) return;
    this.#drawing = true;
    this.#box.setAttribute('aria-busy', 'true');
    const token = this.#token;
    sliced(() => {
      if (token !== this.#token) return false;
      const b = this.#nextBlock();
      if (b < 0) {
        this.#drawing = false;
        this.#box.removeAttribute('aria-busy');
        this.#onDrawn();
        return false;
      }
      this.#drawBlock(b);
      return true;
    }, firstDeadline);
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

  /**
   * Draws block `b` with its sentence tints, marks and hits. The three layers are cut at
   * every boundary, so a mention crossing a sentence end is drawn as two pieces.
   */
  #drawBlock(b) {
    const doc = this.#doc;
    doc.pending[b] = 0;
    const { text, layers } = doc;
    const start = doc.blocks.starts[b];
    const end = doc.blocks.ends[b];
    const { sentences, entities, hits } = layers;
    const { points, first } = cutPoints([sentences, entities, hits], start, end);
    const { summary } = this.#content.result;
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
        sentenceEl = tinted(summary[sentences.ids[sentence]].score ?? 0);
        fragment.append(sentenceEl);
      }
      sentenceOf = sentence;
      const parent = sentence >= 0 ? sentenceEl : fragment;
      let target = parent;
      if (entity >= 0) {
        if (markOf !== entity || markEl?.parentNode !== parent) {
          markEl = this.#mark(entities.ids[entity]);
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

  /** The <mark> of entity `id`; a mention the analysis is unsure of is faded. */
  #mark(id) {
    const { marks, confidences, labels } = this.#content;
    const mark = el('mark', 'ent');
    mark.dataset.label = labels[marks[4 * id + 2]];
    mark.dataset.group = String(marks[4 * id + 3]);
    const confidence = confidences?.[id];
    if (confidence !== undefined) {
      mark.dataset.confidence = String(confidence);
      if (confidence < LOW_CONFIDENCE) mark.classList.add('unsure');
    }
    mark.tabIndex = -1;
    mark.setAttribute('part', 'mark');
    return mark;
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
}

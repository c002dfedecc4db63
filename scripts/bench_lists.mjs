// The texts and entity lists of make bench's entity-list rows (scripts/bench.mjs): 1 MB of
// real news, the first CoNLL-2003 training documents joined, and lists of realistic
// phrases: every distinct person, organisation and place name of the CoNLL-2003 training
// set (7,223), in a shuffled order, then made-up product names ("Nordvik Aero Kettle
// 412"), one in five with its initials as an alias. The data is research-only: it is
// read from ../shared/data at run time and written only to a temporary folder.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from './bench_texts.mjs';

const LABELS = { PER: 'PERSON', ORG: 'ORG', LOC: 'LOCATION' };
const BRANDS = ['Zentrix', 'Acme', 'Nordvik', 'Halcyon', 'Brightwell', 'Quillon', 'Orbitek', 'Castellan', 'Vantor', 'Lumora',
  'Kestrel', 'Pinewood', 'Solvane', 'Trivia', 'Marlowe', 'Dunmore', 'Ardent', 'Velora', 'Hexaline', 'Corvid'];
const LINES = ['Aero', 'Pro', 'Max', 'Lite', 'Ultra', 'Core', 'Prime', 'Nova', 'Flex', 'Edge', 'Air', 'One'];
const THINGS = ['Rocket Skates', 'Blender', 'Phone', 'Headphones', 'Kettle', 'Drone', 'Tablet', 'Router', 'Scooter', 'Camera',
  'Speaker', 'Watch', 'Vacuum', 'Toaster', 'Monitor', 'Keyboard', 'Backpack', 'Lamp', 'Heater', 'Printer'];

/** The CoNLL-2003 training set's path, or null when ../shared/data is absent. */
export function trainingSet(root) {
  const path = join(root, '..', 'shared', 'data', 'ner', 'conll2003', 'train.jsonl');
  return existsSync(path) ? path : null;
}

/**
 * { text, lists(n) }: the first `bytes` of training documents joined by blank lines, and
 * a function giving lists of `n` entries (as many names of the set as fit, then products).
 */
export function listsCorpus(path, bytes = 1e6) {
  const documents = readFileSync(path, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  const texts = [];
  let size = 0;
  for (const { text } of documents) {
    if (size >= bytes) break;
    texts.push(text);
    size += Buffer.byteLength(text) + 2;
  }
  const names = new Map();
  for (const { entities } of documents) {
    for (const e of entities) if (LABELS[e.label] && !names.has(e.text)) names.set(e.text, LABELS[e.label]);
  }
  const lists = (n, seed = 16) => {
    const random = mulberry32(seed);
    const pick = (xs) => xs[Math.floor(random() * xs.length)];
    const shuffled = [...names].map((pair) => [random(), pair]).sort((a, b) => a[0] - b[0]).map(([, pair]) => pair);
    const out = { PERSON: [], ORG: [], LOCATION: [], PRODUCT: [] };
    const fromData = shuffled.slice(0, Math.min(n, Math.round(n * 0.7), shuffled.length));
    for (const [name, label] of fromData) out[label].push(name);
    const products = new Set();
    while (products.size < n - fromData.length) products.add(`${pick(BRANDS)} ${pick(LINES)} ${pick(THINGS)} ${100 + Math.floor(random() * 900)}`);
    for (const product of products) {
      const words = product.split(' ');
      out.PRODUCT.push(random() < 0.2 ? { text: product, aliases: [`${words.slice(0, -1).map((w) => w[0]).join('')}${words.at(-1)}`] } : product);
    }
    return out;
  };
  return { text: texts.join('\n\n'), lists };
}

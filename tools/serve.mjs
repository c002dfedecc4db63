#!/usr/bin/env node
// Static server for the page: www/ at /, the built package at /pkg/, the sample texts at
// /seeds/ (with /seeds/index.json listing them). No dependencies; binds to loopback.
// Usage: node tools/serve.mjs [--host 127.0.0.1] [--port 8080]
import { createServer } from 'node:http';
import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

const MOUNTS = [
  ['/pkg/', join(ROOT, 'pkg')],
  ['/seeds/', join(ROOT, 'seeds')],
  ['/', join(ROOT, 'www')],
];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.wasm': 'application/wasm',
  '.ts': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

// The page's Content-Security-Policy is in its own <meta>, so it holds on any host.
const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
};

/** The sample texts: file name, a title (first non-empty line) and size in words. */
export async function listSeeds(dir = join(ROOT, 'seeds')) {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort();
  return Promise.all(
    names.map(async (file) => {
      const text = await readFile(join(dir, file), 'utf8');
      const title = text.split('\n').find((line) => line.trim() !== '')?.trim() ?? file;
      const words = text.split(/\s+/u).filter(Boolean).length;
      return { file, title: title.length > 70 ? `${title.slice(0, 67)}…` : title, words };
    }),
  );
}

function resolve(pathname, mounts) {
  for (const [prefix, dir] of mounts) {
    if (!pathname.startsWith(prefix)) continue;
    const rest = normalize(decodeURIComponent(pathname.slice(prefix.length)));
    const file = join(dir, rest);
    // normalize() keeps leading '..' segments; refuse anything that leaves the mount.
    if (file !== dir && !file.startsWith(dir + sep)) return null;
    return file;
  }
  return null;
}

async function handle(req, res, { mounts = MOUNTS, pages = {} } = {}) {
  const send = (status, body, type = 'text/plain; charset=utf-8') => {
    res.writeHead(status, { 'Content-Type': type, ...SECURITY_HEADERS });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n');
  let pathname;
  try {
    pathname = new URL(req.url, 'http://localhost').pathname;
    if (Object.hasOwn(pages, pathname)) return send(200, pages[pathname], TYPES['.html']);
    if (pathname === '/seeds/index.json' && mounts === MOUNTS) {
      return send(200, JSON.stringify(await listSeeds()), TYPES['.json']);
    }
  } catch {
    return send(400, 'bad request\n');
  }
  let file;
  try {
    file = resolve(pathname, mounts);
  } catch {
    return send(400, 'bad request\n');
  }
  if (!file) return send(404, 'not found\n');
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    return send(200, body, TYPES[extname(file)] ?? 'application/octet-stream');
  } catch {
    return send(404, 'not found\n');
  }
}

/**
 * An http.Server for the page, not yet listening. Tests pass `mounts` ([url prefix, folder]
 * pairs, first match wins) to serve other folders, and `pages` (pathname → HTML) for host
 * pages of their own.
 */
export function createPageServer(options = {}) {
  return createServer((req, res) => {
    handle(req, res, options).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
  };
  const host = arg('host', '127.0.0.1');
  const port = Number(arg('port', '8080'));
  const server = createPageServer();
  server.on('error', (error) => {
    console.error(`cannot serve on ${host}:${port}: ${error.message}${error.code === 'EADDRINUSE' ? ' (try PORT=8081 make serve)' : ''}`);
    process.exit(1);
  });
  server.listen(port, host, () => {
    console.log(`textlens page on http://${host}:${server.address().port}/ (Ctrl-C stops)`);
  });
}

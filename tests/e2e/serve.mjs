// A static file server for the built app (dist/), with the single-page fallback that
// deep links need: any path without a file gets index.html. No dependencies.
//   node serve.mjs <root> <port> [--gzip]
// --gzip answers with gzip when the browser accepts it, as any web server that hosts the
// app would (the bench's transfer budget is in gzip too). Lighthouse's simulated line
// (tests/bench/lighthouse.mjs) times the bytes sent, so it needs this to be realistic;
// the browser tests and the start-up figures use plain files.
//
// For the update test (offline.spec.js): a browser context with the cookie
// `leerspoor-sw=<anything>` gets a sw.js that differs by a trailing comment, which is how
// a new deployment looks to the browser. A cookie, so only that test's context sees it.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(process.argv[2] ?? '../../dist');
const port = Number(process.argv[3] ?? 4173);
const gzip = process.argv.includes('--gzip');
const zipped = new Map(); // path -> { mtimeMs, body }: each file is compressed once
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

async function fileFor(urlPath) {
  const clean = normalize(decodeURIComponent(urlPath.split('?')[0])).replace(/^(\.\.[/\\])+/, '');
  const path = join(root, clean);
  if (!path.startsWith(root)) return null;
  try {
    const s = await stat(path);
    if (s.isFile()) return path;
  } catch {}
  return null;
}

createServer(async (req, res) => {
  const path = (await fileFor(req.url)) ?? join(root, 'index.html');
  try {
    let body = await readFile(path);
    const variant = /(?:^|;\s*)leerspoor-sw=([\w-]+)/.exec(req.headers.cookie ?? '')?.[1];
    const varied = variant && path === join(root, 'sw.js');
    if (varied) body = Buffer.concat([body, Buffer.from(`\n// test variant ${variant}\n`)]);
    const headers = {
      'content-type': types[extname(path)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    };
    if (gzip && !varied && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      const { mtimeMs } = await stat(path);
      let hit = zipped.get(path);
      if (hit?.mtimeMs !== mtimeMs) zipped.set(path, (hit = { mtimeMs, body: gzipSync(body, { level: 9 }) }));
      body = hit.body;
      headers['content-encoding'] = 'gzip';
      headers.vary = 'accept-encoding';
    }
    res.writeHead(200, headers);
    res.end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} on http://127.0.0.1:${port}`));

// Makes the single-file edition: ONE html file that holds the whole release build (the
// wasm-bindgen glue and the wasm as base64, the CSS inline, the favicon as a data: URL) and
// runs opened from disk (file://), with no server and no network. Node built-ins only.
//   node scripts/single-file.mjs [dist dir] [out file]   (default: dist dist-single/leerspoor.html)
//
// How it starts: Trunk's start-up script imports the glue from the server; here a small
// inline module (allowed by its hash) decodes the glue into a blob: URL, imports that, and
// hands the glue the wasm bytes. The Content-Security-Policy allows exactly that loader,
// blob: modules, the wasm compile and the inline styles by hash, and nothing from
// anywhere else: there is no 'self' (under file:// that would be every local file).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const outFile = process.argv[3] ?? join('dist-single', 'leerspoor.html');

const fail = (why) => {
  throw new Error(`single-file: ${why}`);
};
const read = (urlPath) => readFileSync(join(dist, decodeURIComponent(urlPath.replace(/^\//, ''))));
const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

let html = readFileSync(join(dist, 'index.html'), 'utf8');

/** The attributes of a tag, quoted or not (Trunk's minifier drops the quotes). */
function attributes(tag) {
  const attrs = {};
  for (const m of [...tag.matchAll(/([a-zA-Z-]+)(?:=(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)].slice(1)) {
    attrs[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  }
  return attrs;
}

// Trunk's start-up module: which glue and which wasm it loads.
const init = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].find((m) => /\bimport init\b/.test(m[1]));
if (!init) fail(`no start-up script in ${dist}/index.html`);
const gluePath = init[1].match(/from\s+['"]([^'"]+\.js)['"]/)?.[1] ?? fail('no glue import in the start-up script');
const wasmPath = init[1].match(/module_or_path:\s*['"]([^'"]+\.wasm)['"]/)?.[1] ?? fail('no wasm path in the start-up script');
html = html.replace(init[0], '');
const glue = read(gluePath).toString('utf8');
if (/^\s*import\s/m.test(glue)) fail('the glue imports other files (snippets); this script cannot inline those yet');

// Links: stylesheets inline, the icon as data:, everything that would fetch dropped.
const styleHashes = [];
html = html.replace(/<link\b[^>]*>/g, (tag) => {
  const a = attributes(tag);
  const rel = (a.rel ?? '').toLowerCase();
  if (rel === 'stylesheet') {
    const css = read(a.href).toString('utf8');
    if (/<\/style/i.test(css)) fail(`${a.href} contains </style`);
    if (/url\(\s*['"]?(?!data:)/i.test(css)) fail(`${a.href} refers to another file with url()`);
    styleHashes.push(sha256(css));
    return a.media ? `<style media="${a.media}">${css}</style>` : `<style>${css}</style>`;
  }
  if (rel === 'icon') {
    const type = a.href.endsWith('.svg') ? 'image/svg+xml' : a.href.endsWith('.png') ? 'image/png' : fail(`icon type of ${a.href}`);
    return `<link rel=icon href="data:${type};base64,${read(a.href).toString('base64')}">`;
  }
  // modulepreload and preload of the glue and wasm, the manifest (no install from a file).
  if (['modulepreload', 'preload', 'manifest'].includes(rel)) return '';
  return fail(`unexpected <link> in index.html: ${tag}`);
});

const loader = [
  "const bytes = (id) => { const s = atob(document.getElementById(id).textContent.trim()); const b = new Uint8Array(s.length); for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i); return b; };",
  "const glue = URL.createObjectURL(new Blob([bytes('leerspoor-glue')], { type: 'text/javascript' }));",
  'const bindings = await import(glue);',
  'URL.revokeObjectURL(glue);',
  "const wasm = await bindings.default({ module_or_path: bytes('leerspoor-wasm') });",
  'window.wasmBindings = bindings;',
  "dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));",
].join('\n');

const policy = [
  "default-src 'none'",
  `script-src 'wasm-unsafe-eval' ${sha256(loader)} blob:`,
  `style-src ${styleHashes.join(' ')}`,
  'img-src data: blob:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const csp = html.match(/<meta\b[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*>/i)?.[0] ?? fail('no CSP meta in index.html');
html = html.replace(csp, `<meta http-equiv=Content-Security-Policy content="${policy}">`);

// Data blocks (a script type the browser never runs, so the policy does not apply), then
// the loader. Module scripts run after parsing, when both blocks are there.
const blocks =
  `<script type=application/octet-stream id=leerspoor-glue>${Buffer.from(glue, 'utf8').toString('base64')}</script>` +
  `<script type=application/octet-stream id=leerspoor-wasm>${read(wasmPath).toString('base64')}</script>` +
  `<script type=module>${loader}</script>`;
if (!html.includes('</body>')) fail('no </body> in index.html');
html = html.replace('</body>', () => `${blocks}</body>`);

mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, html);
console.log(`single-file: ${outFile} (${(Buffer.byteLength(html) / 1e6).toFixed(1)} MB) from ${dist}/`);

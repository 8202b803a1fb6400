// Trunk post_build step (after csp-hash.mjs, see Trunk.toml): writes sw.js into the build
// with the list of every file in it and a version derived from their contents and its own
// code. Generated from the files themselves, so the hashed names always match and any
// change to any file (index.html with its CSP hash included) makes a new version.
//   node scripts/service-worker.mjs [dist dir]   (default: $TRUNK_STAGING_DIR)
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error('service-worker: TRUNK_STAGING_DIR is not set');
const OUT = 'sw.js';

function walk(d) {
  return readdirSync(d, { withFileTypes: true }).flatMap((e) => {
    if (e.name.startsWith('.')) return [];
    const p = join(d, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

const files = walk(dir)
  .map((p) => relative(dir, p).split(sep).join('/'))
  .filter((f) => f !== OUT)
  .sort();
if (!files.includes('index.html')) throw new Error(`service-worker: no index.html in ${dir}`);

const template = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'sw-template.js'), 'utf8');
// The worker's own code counts too: a changed worker gets a cache of its own.
const hash = createHash('sha256').update(template).update('\0');
for (const f of files) {
  hash.update(f).update('\0').update(readFileSync(join(dir, f))).update('\0');
}
const version = hash.digest('hex').slice(0, 16);

const list = JSON.stringify(files.map((f) => `./${f}`), null, 2);
if (!template.includes("'__VERSION__'") || !template.includes('__FILES__')) {
  throw new Error('service-worker: placeholders missing from sw-template.js');
}
writeFileSync(join(dir, OUT), template.replace("'__VERSION__'", () => `'${version}'`).replace('__FILES__', () => list));
console.log(`service-worker: ${OUT} version ${version}, ${files.length} files`);

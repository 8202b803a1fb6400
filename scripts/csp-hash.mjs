// Trunk post_build hook: puts the SHA-256 of each inline script Trunk generated (the
// module that loads the wasm) into the Content-Security-Policy of index.html, in place of
// the placeholder 'sha256-TRUNK-INIT'. So the policy allows exactly that script and no
// other inline script. Fails the build when the placeholder or the script is missing.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error('csp-hash: TRUNK_STAGING_DIR is not set');
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');
const placeholder = "'sha256-TRUNK-INIT'";
if (!html.includes(placeholder)) throw new Error(`csp-hash: no ${placeholder} in ${file}`);
const hashes = [];
for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)) {
  const attrs = m[1] ?? '';
  if (/\ssrc=/.test(attrs)) continue;
  hashes.push(`'sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}'`);
}
if (hashes.length === 0) throw new Error(`csp-hash: no inline script in ${file}`);
html = html.replace(placeholder, hashes.join(' '));
writeFileSync(file, html);
console.log(`csp-hash: ${hashes.length} inline script(s) allowed by hash`);

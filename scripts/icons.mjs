// Draws the app icons (public/icons/*.png) from the favicon's design: a green tile with a
// white rising path and a yellow dot. Node built-ins only; the PNGs are committed, so the
// build never runs this. Run it again after changing the design:
//   node scripts/icons.mjs
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');

// The favicon's geometry, in its 64×64 viewBox (public/favicon.svg).
const GREEN = [0x0b, 0x5d, 0x3b];
const WHITE = [0xff, 0xff, 0xff];
const YELLOW = [0xff, 0xd2, 0x3f];
const PATH = [[14, 46], [28, 30], [38, 38], [50, 18]];
const STROKE = 6;
const DOT = { x: 50, y: 18, r: 5 };

function distToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function insideRoundedRect(x, y, size, radius) {
  if (x < 0 || y < 0 || x > size || y > size) return false;
  const cx = Math.max(radius, Math.min(size - radius, x));
  const cy = Math.max(radius, Math.min(size - radius, y));
  return Math.hypot(x - cx, y - cy) <= radius;
}

/**
 * The colour of one point of the 64-unit design, or null outside the tile. `maskable`:
 * the tile fills the whole square and the motif shrinks into the safe zone (the central
 * circle of 80%), because launchers crop maskable icons to any shape.
 */
function shade(x, y, maskable) {
  let u = x;
  let v = y;
  if (maskable) {
    const scale = 0.7;
    u = 32 + (x - 32) / scale;
    v = 32 + (y - 32) / scale;
  } else if (!insideRoundedRect(x, y, 64, 12)) {
    return null;
  }
  if (Math.hypot(u - DOT.x, v - DOT.y) <= DOT.r) return YELLOW;
  for (let i = 0; i + 1 < PATH.length; i++) {
    if (distToSegment(u, v, PATH[i], PATH[i + 1]) <= STROKE / 2) return WHITE;
  }
  return GREEN;
}

/** RGBA pixels, 4×4 samples per pixel so the edges are smooth. */
function render(size, maskable) {
  const n = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = shade(((px + (sx + 0.5) / n) * 64) / size, ((py + (sy + 0.5) / n) * 64) / size, maskable);
          if (!c) continue;
          sum[0] += c[0];
          sum[1] += c[1];
          sum[2] += c[2];
          sum[3] += 255;
        }
      }
      const covered = sum[3] / 255;
      const o = (py * size + px) * 4;
      if (covered > 0) {
        rgba[o] = Math.round(sum[0] / covered);
        rgba[o + 1] = Math.round(sum[1] / covered);
        rgba[o + 2] = Math.round(sum[2] / covered);
      }
      rgba[o + 3] = Math.round(sum[3] / (n * n));
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, k) => {
  let c = k;
  for (let i = 0; i < 8; i++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  // Each row starts with filter type 0 (none).
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(out, { recursive: true });
for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
]) {
  writeFileSync(join(out, name), png(size, render(size, maskable)));
  console.log(`icons: ${name}`);
}

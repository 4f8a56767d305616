// Draws the PWA icons (public/icons/*.png): a white clipboard with a check mark on the theme blue, written as PNG with node:zlib.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const OUT_DIR = resolve(import.meta.dirname, '..', 'public', 'icons');
const THEME = [0x0b, 0x53, 0x94];
const WHITE = [0xff, 0xff, 0xff];
const SUPERSAMPLE = 4;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
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
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function inRoundedRect(x, y, left, top, right, bottom, radius) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}
function distanceToSegment(x, y, [ax, ay], [bx, by]) {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
}

/** Colour of a point in unit coordinates (0..1); `inset` shrinks the artwork into the maskable safe zone. */
function colourAt(u, v, inset, roundedBackground) {
  if (roundedBackground && !inRoundedRect(u, v, 0, 0, 1, 1, 0.18)) return null;
  const s = (p) => 0.5 + (p - 0.5) * inset;
  const board = inRoundedRect(u, v, s(0.24), s(0.2), s(0.76), s(0.84), 0.05 * inset);
  const clip = inRoundedRect(u, v, s(0.38), s(0.13), s(0.62), s(0.27), 0.04 * inset);
  if (clip) return THEME.map((c) => Math.round(c * 0.55)).concat(255);
  if (!board) return THEME.concat(255);
  const tick = Math.min(
    distanceToSegment(u, v, [s(0.35), s(0.55)], [s(0.46), s(0.66)]),
    distanceToSegment(u, v, [s(0.46), s(0.66)], [s(0.66), s(0.42)]),
  );
  if (tick < 0.045 * inset) return THEME.concat(255);
  return WHITE.concat(255);
}

function draw(size, { inset, roundedBackground }) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const c = colourAt((x + (sx + 0.5) / SUPERSAMPLE) / size, (y + (sy + 0.5) / SUPERSAMPLE) / size, inset, roundedBackground);
          if (!c) continue;
          for (let i = 0; i < 3; i++) sum[i] += c[i] * c[3];
          sum[3] += c[3];
        }
      }
      const n = SUPERSAMPLE * SUPERSAMPLE;
      const o = (y * size + x) * 4;
      for (let i = 0; i < 3; i++) rgba[o + i] = sum[3] ? Math.round(sum[i] / sum[3]) : 0;
      rgba[o + 3] = Math.round(sum[3] / n);
    }
  }
  return encodePng(size, rgba);
}

mkdirSync(OUT_DIR, { recursive: true });
writeFileSync(join(OUT_DIR, 'icon-192.png'), draw(192, { inset: 1, roundedBackground: true }));
writeFileSync(join(OUT_DIR, 'icon-512.png'), draw(512, { inset: 1, roundedBackground: true }));
// Maskable icons are cropped to a circle of 80 % diameter: full-bleed background, artwork inside the safe zone.
writeFileSync(join(OUT_DIR, 'icon-512-maskable.png'), draw(512, { inset: 0.72, roundedBackground: false }));
console.log(`icons written to ${OUT_DIR}`);

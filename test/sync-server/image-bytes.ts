// Test files whose first bytes are what file-type recognises (a real 1×1 PNG, JPEG and WebP headers), padded with random bytes to any size.
import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid 1×1 grey PNG. */
export function tinyPng(): Buffer {
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(Buffer.from([0, 128]))), pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);

const webpHead = (): Buffer => Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);

/** `size` bytes (at least the header) that file-type reads as the given image type; random after the header. */
export function imageBytes(mime: 'image/png' | 'image/jpeg' | 'image/webp', size = 2000): Buffer<ArrayBuffer> {
  const head = mime === 'image/png' ? tinyPng() : mime === 'image/jpeg' ? JPEG_HEAD : webpHead();
  // Copied into a Buffer over its own ArrayBuffer: what Blob and fetch bodies accept.
  return Buffer.from(Buffer.concat([head, randomBytes(Math.max(0, size - head.length))]));
}

/** What the attack in issue 12 stored as a "photo". */
export const HTML_PAGE = Buffer.from('<!doctype html><script>parent.postMessage(document.cookie, "*")</script>');
export const SVG_IMAGE = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

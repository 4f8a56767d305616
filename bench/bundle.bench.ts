// Benchmark: initial JavaScript of the built PWA, gzipped (entry chunk + its modulepreloaded imports). Target ≤ 300 KiB.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const TARGET_KIB = 300;
const dist = resolve(import.meta.dirname, '..', 'dist');

if (!process.argv.includes('--no-build')) {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit', cwd: resolve(dist, '..') });
}

const html = readFileSync(join(dist, 'index.html'), 'utf8');
// The scripts the browser loads before first render: the module entry and every modulepreload link.
const initial = new Set<string>();
for (const m of html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)) initial.add(m[1]!);
for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)) initial.add(m[1]!);

const files = [...initial].map((src) => {
  const bytes = readFileSync(join(dist, src.replace(/^\//, '')));
  return { file: src, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
const gzipKiB = files.reduce((s, f) => s + f.gzip, 0) / 1024;
for (const f of files) console.error(`  ${f.file}: ${(f.raw / 1024).toFixed(1)} KiB raw, ${(f.gzip / 1024).toFixed(1)} KiB gzip`);
console.log(JSON.stringify({ name: 'bundle-initial-js', files: files.length, gzip_kib: Number(gzipKiB.toFixed(1)), target_kib: TARGET_KIB, pass: gzipKiB <= TARGET_KIB }));

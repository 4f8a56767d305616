// Benchmark: bulk-write 10,000 ~1 KB records with 3 indexes in headless Chromium — Genba's store (Dexie + putMany) vs raw IndexedDB.
// Run: npx tsx bench/idb.bench.ts   (last stdout line: one JSON object; exit code 0 when both targets are met)
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { launchBenchChromium } from './bench-server.ts';
import { median } from '../sync-server/src/office/median.ts';

const RECORDS = 10_000;
const ROUNDS = 5;
const TARGET_RATIO = 0.5;
const TARGET_RPS = 10_000;
const here = dirname(fileURLToPath(import.meta.url));

async function bundlePage(outDir: string): Promise<void> {
  // configFile: false — the app's vite.config.ts adds the PWA plugins, which a benchmark page must not have.
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      lib: { entry: join(here, 'idb', 'page.ts'), formats: ['es'], fileName: () => 'bench.js' },
    },
  });
}

async function main(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'genba-idb-bench-'));
  await bundlePage(outDir);
  const script = readFileSync(join(outDir, 'bench.js'));
  const server = createServer((req, res) => {
    if (req.url === '/bench.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    } else {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><script type="module" src="/bench.js"></script>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const browser = await launchBenchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => 'genbaBench' in globalThis);
    type Bench = { genba: (n: number) => Promise<number>; raw: (n: number) => Promise<number>; rowBytes: () => number };
    const rowBytes = await page.evaluate(() => (globalThis as unknown as { genbaBench: Bench }).genbaBench.rowBytes());
    const run = (side: 'genba' | 'raw') => page.evaluate(([s, n]) => (globalThis as unknown as { genbaBench: Bench }).genbaBench[s as 'genba' | 'raw'](n as number), [side, RECORDS] as const);
    // One warm-up each (JIT, IndexedDB backing store), then alternate which side goes first.
    await run('genba');
    await run('raw');
    const genbaMs: number[] = [];
    const rawMs: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const order: ('genba' | 'raw')[] = round % 2 === 0 ? ['genba', 'raw'] : ['raw', 'genba'];
      for (const side of order) (side === 'genba' ? genbaMs : rawMs).push(await run(side));
      console.log(`round ${round + 1}: genba ${genbaMs.at(-1)?.toFixed(0)} ms, raw ${rawMs.at(-1)?.toFixed(0)} ms`);
    }
    const genbaRps = Math.round(RECORDS / (median(genbaMs)! / 1000));
    const rawRps = Math.round(RECORDS / (median(rawMs)! / 1000));
    const ratio = Math.round((genbaRps / rawRps) * 1000) / 1000;
    const pass = ratio >= TARGET_RATIO && genbaRps >= TARGET_RPS;
    console.log(`record size ≈ ${rowBytes} bytes (UTF-8 JSON); ${ROUNDS} rounds, medians`);
    console.log(JSON.stringify({ name: 'idb-bulk-write', records: RECORDS, genba_rps: genbaRps, raw_rps: rawRps, ratio, target_ratio: TARGET_RATIO, target_rps: TARGET_RPS, pass }));
    process.exitCode = pass ? 0 : 1;
  } finally {
    await browser.close();
    server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error('E_BENCH_FAILED:', error);
  process.exit(2);
});

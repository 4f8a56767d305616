// Benchmark: a fresh tablet's initial sync of 10,000 ~1 KB records into IndexedDB, in headless Chromium against the real server. Target ≤ 5 s.
// Run: npx tsx bench/initial-sync.bench.ts [--no-build] [--records=N] [--probe-server (also times the server's pull alone)]   (last stdout line: one JSON object)
//
// The real app (dist/, built first) and the real server (SQLite in a temp folder). The tablet logs in while
// the server is empty, then 10,000 records are pushed by another device; the time measured is from pressing
// 「今すぐ同期」 until the sync screen reports success, after which the records in IndexedDB are counted.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadFormCatalog } from '../sync-server/src/forms/catalog.ts';
import { openSqliteStore } from '../sync-server/src/storage/sqlite/open-sqlite-store.ts';
import { PROTOCOL_VERSION } from '../src/protocol/version.ts';
import { makeBenchRecords } from './sync/bench-records.ts';
import { post } from './http.ts';
import { addBenchUser, benchLogin, launchBenchChromium, listenBenchServer, pushCreates } from './bench-server.ts';

const TARGET_S = 5;
const root = resolve(import.meta.dirname, '..');
const recordsArg = process.argv.find((a) => a.startsWith('--records='));
const RECORDS = recordsArg ? Number(recordsArg.slice('--records='.length)) : 10_000;
const USER = 'bench-tablet';
const PASSWORD = 'bench-password';

/** Another device creates the records through the real push path (batches of 500 '@create' ops). */
async function seedThroughPush(base: string, form: { id: string; version: number }): Promise<void> {
  const deviceId = `bench-seed-${randomUUID().slice(0, 8)}`;
  await pushCreates(base, await benchLogin(base, USER, PASSWORD, deviceId), deviceId, form, makeBenchRecords(RECORDS));
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit', cwd: root });
  process.env.LOG_LEVEL ??= 'silent';
  const dir = mkdtempSync(join(tmpdir(), 'genba-initial-sync-'));
  const store = await openSqliteStore(join(dir, 'genba.sqlite'));
  await store.migrate();
  const forms = loadFormCatalog();
  const form = forms.get('field-check');
  if (!form) throw new Error('E_BENCH_FORM: forms/field-check is missing');
  await addBenchUser(store, { username: USER, password: PASSWORD, role: 'disaster_surveyor', displayName: 'ベンチ端末' });
  const { app, base } = await listenBenchServer(store, forms, { dataDir: dir, staticDir: join(root, 'dist') });
  const browser = await launchBenchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${base}/login`);
    await page.getByTestId('login-username').fill(USER);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    // The first sync after login finds an empty server.
    await page.waitForFunction(() => document.querySelector('[data-testid="sync-last-success"]')?.getAttribute('data-at'), null, { timeout: 30_000 });

    const seedStart = performance.now();
    await seedThroughPush(base, form);
    console.error(`  seeded ${RECORDS} records through push in ${((performance.now() - seedStart) / 1000).toFixed(2)} s`);

    if (process.argv.includes('--probe-server')) {
      const token = await benchLogin(base, USER, PASSWORD, 'probe');
      const t0 = performance.now();
      let checkpoint = 0;
      for (;;) {
        const res = await post(base, '/api/sync/pull', { protocolVersion: PROTOCOL_VERSION, checkpoint, limit: 1000 }, token);
        const body = res.json as { checkpoint: number; hasMore: boolean };
        checkpoint = body.checkpoint;
        if (!body.hasMore) break;
      }
      console.error(`  server pull alone (Node client): ${((performance.now() - t0) / 1000).toFixed(2)} s`);
    }
    const seconds = await page.evaluate(() => new Promise<number>((done, fail) => {
      const status = document.querySelector('[data-testid="sync-last-success"]');
      const button = document.querySelector<HTMLButtonElement>('[data-testid="sync-now"]');
      if (!status || !button) return fail(new Error('sync screen not shown'));
      const before = status.getAttribute('data-at');
      const observer = new MutationObserver(() => {
        if (status.getAttribute('data-at') !== before) {
          observer.disconnect();
          done((performance.now() - started) / 1000);
        }
      });
      observer.observe(status, { attributes: true });
      const started = performance.now();
      button.click();
    }));
    const stored = await page.evaluate(() => new Promise<number>((done, fail) => {
      const open = indexedDB.open('genba');
      open.onerror = () => fail(open.error);
      open.onsuccess = () => {
        const count = open.result.transaction('records').objectStore('records').count();
        count.onsuccess = () => done(count.result);
        count.onerror = () => fail(count.error);
      };
    }));
    console.error(`  initial sync: ${stored} records stored in IndexedDB in ${seconds.toFixed(2)} s`);
    const pass = stored === RECORDS && seconds <= TARGET_S;
    console.log(JSON.stringify({ name: RECORDS === 10_000 ? 'initial-sync-10k' : `initial-sync-${RECORDS}`, records: stored, seconds: Number(seconds.toFixed(2)), target_s: TARGET_S, pass }));
  } finally {
    await browser.close();
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();

// Benchmark: hand-off feed throughput — an office system reads 10,000 approved revisions page by page over HTTP with an API token, on SQLite and PostgreSQL; last line is one JSON object.
// Usage: npx tsx bench/handoff.bench.ts [--revisions=10000] [--pages=100,1000]
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { buildServer } from '../sync-server/src/app.ts';
import { loadConfig } from '../sync-server/src/config.ts';
import { loadFormCatalog } from '../sync-server/src/forms/catalog.ts';
import { hashApiTokenSecret, newApiTokenSecret } from '../sync-server/src/office/api-token-secret.ts';
import { openSqliteStore } from '../sync-server/src/storage/sqlite/open-sqlite-store.ts';
import { openPostgresStore } from '../sync-server/src/storage/postgres/open-postgres-store.ts';
import type { RevisionRow, SyncStore } from '../sync-server/src/storage/sync-store.ts';
import { makeBenchRecords } from './sync/bench-records.ts';
import { BENCH_PG_URL, dropSchema, postgresUnreachable } from '../test/postgres-support.ts';

const PG_URL = BENCH_PG_URL;
const args = process.argv.slice(2);
const arg = (name: string): string | undefined => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const REVISIONS = Number(arg('revisions') ?? 10_000);
const PAGE_SIZES = (arg('pages') ?? '100,1000').split(',').map(Number);
/** An office system catching up on a day's approvals within seconds. */
const TARGET_RECORDS_PER_SEC = 2_000;
const SEED_BATCH = 1_000;


/** n approved revisions of ~1 KB answers, each approval taking the next change sequence (as review-service does). */
async function seed(store: SyncStore, n: number): Promise<string> {
  const records = makeBenchRecords(n);
  const now = new Date().toISOString();
  for (let start = 0; start < n; start += SEED_BATCH) {
    await store.transaction(async (tx) => {
      for (const record of records.slice(start, start + SEED_BATCH)) {
        const seq = await tx.nextChangeSeq();
        const row: RevisionRow = {
          recordId: record.id, revision: 1, formId: 'field-check', formVersion: 2, answers: record.answers,
          submittedBy: 'bench-surveyor', submittedAt: now, changeSeq: seq, status: 'approved',
          decidedBy: 'bench-supervisor', decidedAt: now, reason: null, approvedSeq: seq,
        };
        await tx.insertRevision(row);
      }
    });
  }
  const secret = newApiTokenSecret();
  await store.transaction((tx) => tx.putApiToken({
    id: randomUUID(), name: 'bench', tokenHash: hashApiTokenSecret(secret), scopes: ['handoff:read'],
    createdBy: 'bench', createdAt: now, revokedAt: null, lastUsedAt: null,
  }));
  return secret;
}

interface FeedFigures { pageSize: number; pages: number; ms: number; recordsPerSec: number; inOrderOnce: boolean }

async function readFeed(base: string, secret: string, pageSize: number): Promise<FeedFigures> {
  const seen = new Set<string>();
  let inOrder = true;
  let cursor = 0;
  let pages = 0;
  const start = performance.now();
  for (let i = 0; i < REVISIONS; i++) {
    const res = await fetch(`${base}/api/handoff/changes?after=${cursor}&limit=${pageSize}`, { headers: { authorization: `Bearer ${secret}` } });
    if (res.status !== 200) throw new Error(`E_BENCH_FEED: ${res.status} ${(await res.text()).slice(0, 300)}`);
    const page = (await res.json()) as { changes: { cursor: number; recordId: string }[]; next: number; hasMore: boolean };
    pages += 1;
    for (const change of page.changes) {
      if (change.cursor <= cursor) inOrder = false;
      cursor = change.cursor;
      seen.add(change.recordId);
    }
    cursor = page.next;
    if (!page.hasMore) break;
  }
  const ms = performance.now() - start;
  return { pageSize, pages, ms: Math.round(ms), recordsPerSec: Math.round((seen.size / ms) * 1000), inOrderOnce: inOrder && seen.size === REVISIONS };
}

async function measure(kind: 'sqlite' | 'postgres', dir: string): Promise<FeedFigures[]> {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const store = kind === 'sqlite' ? await openSqliteStore(join(dir, `handoff-${Date.now()}.sqlite`)) : await openPostgresStore(PG_URL, { schema });
  try {
    await store.migrate();
    const secret = await seed(store, REVISIONS);
    const config = { ...loadConfig({}), port: 0, host: '127.0.0.1', dataDir: dir, staticDir: join(dir, 'no-static') };
    const app = await buildServer({ ...config, webhooks: { ...config.webhooks, enabled: false } }, { store, forms: loadFormCatalog() });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const figures: FeedFigures[] = [];
      for (const size of PAGE_SIZES) {
        const f = await readFeed(base, secret, size);
        console.log(`  ${kind.padEnd(8)} page ${String(size).padStart(5)}: ${String(f.recordsPerSec).padStart(7)} records/s (${f.pages} pages, ${f.ms} ms)${f.inOrderOnce ? '' : '  ORDER/COUNT WRONG'}`);
        figures.push(f);
      }
      return figures;
    } finally {
      await app.close();
    }
  } finally {
    await store.close();
    if (kind === 'postgres') await dropSchema(PG_URL, schema);
  }
}

process.env.LOG_LEVEL ??= 'silent';
const dir = mkdtempSync(join(tmpdir(), 'genba-handoff-bench-'));
const hasPg = (await postgresUnreachable(PG_URL)) === null;
if (!hasPg) console.log(`PostgreSQL not reachable at ${PG_URL}: the PostgreSQL figures are SKIPPED`);
const results: Record<string, FeedFigures[] | null> = {};
try {
  console.log(`hand-off feed: ${REVISIONS} approved revisions of ~1 KB, read over HTTP with an API token`);
  results.sqlite = await measure('sqlite', dir);
  results.postgres = hasPg ? await measure('postgres', dir) : null;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
// pass: every run read each approval once in cursor order, and the default page size (100) reaches the target.
const runs = Object.values(results).filter((r): r is FeedFigures[] => r !== null).flat();
const pass = runs.every((r) => r.inOrderOnce) && runs.filter((r) => r.pageSize === 100).every((r) => r.recordsPerSec >= TARGET_RECORDS_PER_SEC);
console.log(JSON.stringify({ name: 'handoff-feed', pass, target_records_per_sec: TARGET_RECORDS_PER_SEC, revisions: REVISIONS, loadAverage: loadavg().map((l) => +l.toFixed(1)), via: 'http (buildServer, GET /api/handoff/changes with a handoff:read token)', results }));

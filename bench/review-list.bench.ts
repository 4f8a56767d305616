// Benchmark: the back office's review list over 100,000 records (8+ filter mixes, keyset page 2) on SQLite and PostgreSQL; last line is one JSON object.
// Usage: npx tsx bench/review-list.bench.ts [--records=100000] [--runs=30] [--explain]
//   Measures GET /api/office/records through the real server (buildServer on 127.0.0.1, the seeded supervisor) when
//   that route exists, else SyncTx.listRecordSummaries directly (the output says which). --explain prints each
//   query's plan (SQLite EXPLAIN QUERY PLAN, PostgreSQL EXPLAIN ANALYZE).
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../sync-server/src/app.ts';
import { loadConfig } from '../sync-server/src/config.ts';
import { formCatalogOf, loadFormCatalog, type FormCatalog } from '../sync-server/src/forms/catalog.ts';
import { seedDemo } from '../sync-server/src/seed/seed-demo.ts';
import { DEMO_PASSWORD } from '../sync-server/src/seed/demo-accounts.ts';
import { openSqliteStore } from '../sync-server/src/storage/sqlite/open-sqlite-store.ts';
import { openPostgresStore } from '../sync-server/src/storage/postgres/open-postgres-store.ts';
import { SQLITE_LIST } from '../sync-server/src/storage/sqlite/sqlite-tx.ts';
import { POSTGRES_LIST } from '../sync-server/src/storage/postgres/postgres-tx.ts';
import { buildRecordListSql } from '../sync-server/src/storage/record-list-query.ts';
import type { RecordListFilter, Scope, ServerRecord, ServerRecordStatus, SyncStore } from '../sync-server/src/storage/sync-store.ts';
import { BENCH_PG_URL, pgQueryOnce, postgresUnreachable } from '../test/postgres-support.ts';

const PG_URL = BENCH_PG_URL;
const args = process.argv.slice(2);
const argValue = (name: string, fallback: number) => Number(args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const RECORDS = argValue('records', 100_000);
const RUNS = Math.max(30, argValue('runs', 30));
const WARMUP = 3;
const EXPLAIN = args.includes('--explain');
const TARGET_P95_MS = 200;
const PAGE = 50;
/** Records per seeding transaction (PostgreSQL writes each as one multi-row upsert at COMMIT). */
const SEED_BATCH = 5_000;

// ---- the data set: deterministic, so runs compare ----

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FORM_IDS = ['field-check', 'care-assessment', 'disaster-damage', 'vacant-house', 'gis-feature'];
const FIELD_USERS = Array.from({ length: 20 }, (_, i) => `u-field-${String(i + 1).padStart(2, '0')}`);
const TOWNS = ['本町', '栄町', '緑町', '旭町', '若葉台', '中央', '港町', '青葉', '桜台', '松原', '東町', '西町', '南台', '北山', '川端'];
const YEAR_START = Date.parse('2025-12-01T00:00:00.000Z');
const YEAR_MS = 365 * 24 * 3600 * 1000;

/** Status spread of a live queue: many approved and submitted, fewer drafts and returns. */
function pickStatus(x: number): ServerRecordStatus {
  return x < 0.2 ? 'draft' : x < 0.55 ? 'submitted' : x < 0.65 ? 'returned' : 'approved';
}

function makeRecord(i: number, rnd: () => number): ServerRecord {
  const id = `rec-${String(i).padStart(6, '0')}-${Math.floor(rnd() * 1e9).toString(36)}`;
  const edits = 20 * 24 * 3600 * 1000;
  const created = YEAR_START + Math.floor(rnd() * (YEAR_MS - edits));
  const updated = created + Math.floor(rnd() * edits);
  const town = TOWNS[Math.floor(rnd() * TOWNS.length)]!;
  const lat = 35.6 + (rnd() - 0.5) * 0.3;
  const lon = 139.7 + (rnd() - 0.5) * 0.4;
  const status = pickStatus(rnd());
  const warnings = rnd() < 0.2 ? 1 + Math.floor(rnd() * 3) : 0;
  const title = `${town}${1 + Math.floor(rnd() * 9)}丁目${1 + Math.floor(rnd() * 30)}番 見本 太郎 様`;
  // ~1 KB of answers, the size of a typical survey.
  const answers: Record<string, unknown> = {
    address: title, location: { lat, lon, accuracy: 8 }, surveyedAt: new Date(created).toISOString(),
    building: { floors: 1 + Math.floor(rnd() * 4), structure: rnd() < 0.5 ? 'wood' : 'steel', year: 1960 + Math.floor(rnd() * 60) },
    damage: { roof: Math.floor(rnd() * 4), walls: Math.floor(rnd() * 4), foundation: Math.floor(rnd() * 4), tilt: +(rnd() * 3).toFixed(2) },
    occupants: Math.floor(rnd() * 6), phone: '000-0000-0000', photos: [{ hash: randomBytes(32).toString('hex'), mime: 'image/jpeg' }],
    note: '外壁に軽微なひび割れあり。屋根瓦の一部にずれが見られる。次回訪問時に再確認すること。'.repeat(3),
    checklist: ['gas', 'water', 'power', 'access'].map((k) => ({ item: k, ok: rnd() < 0.8 })),
  };
  const stamp = { version: i, hlc: `${new Date(updated).toISOString()}-0000-bench`, deviceId: 'bench', opId: `bench:${i}` };
  return {
    id, formId: FORM_IDS[Math.floor(rnd() * FORM_IDS.length)]!, formVersion: 1, status,
    ownerId: FIELD_USERS[Math.floor(rnd() * FIELD_USERS.length)]!,
    assigneeId: rnd() < 0.3 ? null : FIELD_USERS[Math.floor(rnd() * FIELD_USERS.length)]!,
    deleted: false, answers, fields: { address: stamp, location: stamp, '@status': stamp }, changeSeq: 0,
    createdAt: new Date(created).toISOString(), updatedAt: new Date(updated).toISOString(),
    summary: {
      title, lat, lon, errorCount: rnd() < 0.05 ? 1 : 0, warningCount: warnings,
      submittedAt: status === 'draft' ? null : new Date(updated).toISOString(), revision: status === 'draft' ? 0 : 1 + Math.floor(rnd() * 2),
    },
  };
}

async function seed(store: SyncStore, n: number): Promise<void> {
  const rnd = prng(20261129);
  for (let from = 1; from <= n; from += SEED_BATCH) {
    await store.transaction(async (tx) => {
      for (let i = from; i < Math.min(n + 1, from + SEED_BATCH); i++) {
        const record = makeRecord(i, rnd);
        await tx.putRecord({ ...record, changeSeq: await tx.nextChangeSeq() });
        // ~1% of records carry an open conflict.
        if (i % 97 === 0) {
          await tx.insertConflict({
            id: `c-${i}`, recordId: record.id, path: 'note', kind: 'same-field', candidates: [], provisional: null, status: 'open',
            resolution: null, createdAt: record.updatedAt, changeSeq: i,
          });
        }
      }
    });
  }
  await store.transaction(async (tx) => {
    for (const id of FIELD_USERS) {
      await tx.putUser({ id, username: id, displayName: `調査員 ${id.slice(-2)}（見本）`, role: 'disaster_surveyor', passwordHash: 'x', disabled: false, createdAt: new Date(YEAR_START).toISOString() });
    }
  });
}

// ---- the query mixes a supervisor uses ----

interface Mix {
  name: string;
  /** The office API's query string (without limit/after). */
  query: Record<string, string>;
  /** The same as a store filter. */
  filter: Omit<RecordListFilter, 'limit' | 'after'>;
  /** Measure the SECOND page (keyset `after`) instead of the first. */
  secondPage?: boolean;
  /** Meant to match nothing (a mistyped search). */
  noMatch?: boolean;
}

const MONTH_FROM = '2026-05-01T00:00:00.000Z';
const MONTH_TO = '2026-05-31T23:59:59.999Z';
const BBOX: [number, number, number, number] = [139.68, 35.58, 139.72, 35.62];
const MIXES: Mix[] = [
  { name: 'no filter', query: {}, filter: {} },
  { name: 'form + 2 statuses', query: { formId: 'field-check', status: 'submitted,returned' }, filter: { formId: 'field-check', statuses: ['submitted', 'returned'] } },
  { name: 'assignee', query: { assigneeId: 'u-field-07' }, filter: { assigneeId: 'u-field-07' } },
  { name: 'date range (1 month)', query: { from: MONTH_FROM, to: MONTH_TO }, filter: { updatedFrom: MONTH_FROM, updatedTo: MONTH_TO } },
  { name: 'warnings', query: { warnings: '1' }, filter: { hasWarnings: true } },
  { name: 'bbox', query: { bbox: BBOX.join(',') }, filter: { bbox: BBOX } },
  { name: 'text', query: { q: '栄町3丁目' }, filter: { text: '栄町3丁目' } },
  { name: 'text, no match', query: { q: '存在しない住所' }, filter: { text: '存在しない住所' }, noMatch: true },
  { name: 'page 2 (after), no filter', query: {}, filter: {}, secondPage: true },
  {
    name: 'form + submitted + warnings + month', query: { formId: 'vacant-house', status: 'submitted', warnings: '1', from: MONTH_FROM, to: MONTH_TO },
    filter: { formId: 'vacant-house', statuses: ['submitted'], hasWarnings: true, updatedFrom: MONTH_FROM, updatedTo: MONTH_TO },
  },
  { name: 'open conflicts', query: { conflicts: '1' }, filter: { hasOpenConflicts: true } },
  { name: 'page 2 (after), assignee + returned', query: { assigneeId: 'u-field-03', status: 'returned' }, filter: { assigneeId: 'u-field-03', statuses: ['returned'] }, secondPage: true },
];

// ---- measuring ----

interface Figures { p50: number; p95: number; total: number; items: number }

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function measure(run: () => Promise<{ total: number; items: number }>): Promise<Figures> {
  let last: { total: number; items: number } = { total: 0, items: 0 };
  for (let i = 0; i < WARMUP; i++) last = await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    last = await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: +percentile(times, 50).toFixed(1), p95: +percentile(times, 95).toFixed(1), total: last.total, items: last.items };
}

/** The bench's own catalog: the real forms plus three copies of field-check under the other form ids, so the supervisor's scope covers all 5. */
function benchForms(): FormCatalog {
  const real = loadFormCatalog();
  const template = real.get('field-check')!;
  const extra = FORM_IDS.filter((id) => !real.get(id)).map((id) => ({ ...template, id }));
  return formCatalogOf([...real.all(), ...extra]);
}

interface Target {
  via: 'http' | 'store';
  list(mix: Mix, after?: string): Promise<{ total: number; items: number; after: string | null }>;
  close(): Promise<void>;
}

async function httpTarget(store: SyncStore, forms: FormCatalog, dir: string): Promise<Target | null> {
  process.env.LOG_LEVEL = 'silent';
  const config = { ...loadConfig({ PORT: '0', GENBA_WEBHOOKS: 'off' }), staticDir: join(dir, 'no-dist'), dataDir: dir };
  const app: FastifyInstance = await buildServer(config, { store, forms });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'supervisor', password: DEMO_PASSWORD, deviceId: `bench-${process.pid}`, deviceLabel: 'bench' }),
  });
  if (login.status !== 200) throw new Error(`supervisor login failed: ${login.status} ${await login.text()}`);
  const token = ((await login.json()) as { token: string }).token;
  const get = async (query: Record<string, string>) => {
    const res = await fetch(`${base}/api/office/records?${new URLSearchParams({ ...query, limit: String(PAGE) })}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, body: (await res.json()) as { items?: unknown[]; total?: number; next?: string | null } };
  };
  const probe = await get({});
  if (probe.status === 404) {
    await app.close();
    return null;
  }
  if (probe.status !== 200) throw new Error(`GET /api/office/records answered ${probe.status}: ${JSON.stringify(probe.body).slice(0, 300)}`);
  return {
    via: 'http',
    async list(mix, after) {
      const { status, body } = await get({ ...mix.query, ...(after ? { after } : {}) });
      if (status !== 200) throw new Error(`${mix.name}: HTTP ${status} ${JSON.stringify(body).slice(0, 300)}`);
      return { total: body.total ?? 0, items: body.items?.length ?? 0, after: body.next ?? null };
    },
    close: () => app.close(),
  };
}

function storeTarget(store: SyncStore, scope: Scope): Target {
  return {
    via: 'store',
    async list(mix, after) {
      const filter: RecordListFilter = { ...mix.filter, limit: PAGE, ...(after ? { after: JSON.parse(after) as RecordListFilter['after'] } : {}) };
      const { items, total } = await store.transaction((tx) => tx.listRecordSummaries(filter, scope));
      const last = items.at(-1);
      return { total, items: items.length, after: last && items.length === PAGE ? JSON.stringify({ updatedAt: last.updatedAt, id: last.id }) : null };
    },
    close: async () => {},
  };
}

/** Prints the plans of the exact SQL the adapter runs for each mix (first page). */
async function explain(kind: 'sqlite' | 'postgres', where: { file?: string; schema?: string }, scope: Scope): Promise<void> {
  for (const mix of MIXES.filter((m) => !m.secondPage)) {
    const q = buildRecordListSql({ ...mix.filter, limit: PAGE }, scope, kind === 'sqlite' ? SQLITE_LIST : POSTGRES_LIST)!;
    console.log(`\n  [${kind}] ${mix.name}`);
    if (kind === 'sqlite') {
      const db = new Database(where.file!, { readonly: true });
      for (const [label, sql, params] of [['page', q.page, q.pageParams], ['total', q.total, q.totalParams]] as const) {
        const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
        console.log(`    ${label}: ${plan.map((p) => p.detail).join(' | ')}`);
      }
      db.close();
    } else {
      const client = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${where.schema}` });
      await client.connect();
      for (const [label, sql, params] of [['page', q.page, q.pageParams], ['total', q.total, q.totalParams]] as const) {
        const plan = await client.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) ${sql}`, params);
        console.log(`    ${label}:\n${plan.rows.map((r: Record<string, string>) => `      ${r['QUERY PLAN']}`).join('\n')}`);
      }
      await client.end();
    }
  }
}

async function pgAdmin(sql: string, schema?: string): Promise<void> {
  await pgQueryOnce(PG_URL, sql, [], schema);
}

interface EngineResult { via: 'http' | 'store'; seedSeconds: number; mixes: Record<string, Figures>; worstP95: number }

async function runEngine(kind: 'sqlite' | 'postgres', dir: string, forms: FormCatalog): Promise<EngineResult> {
  const schema = `bench_review_${randomBytes(4).toString('hex')}`;
  const file = join(dir, `review-${kind}.sqlite`);
  const store = kind === 'sqlite' ? await openSqliteStore(file) : await openPostgresStore(PG_URL, { schema });
  try {
    await store.migrate();
    const t0 = performance.now();
    await seedDemo({ store, forms }, { cost: { N: 1024, r: 8, p: 1 } });
    await seed(store, RECORDS);
    // PostgreSQL: what autovacuum does to a settled table (statistics, visibility map for index-only scans).
    // SQLite gets nothing: the embedded store never runs ANALYZE, and the plans must not need it.
    if (kind === 'postgres') for (const table of ['records', 'conflicts']) await pgAdmin(`VACUUM (ANALYZE) ${table}`, schema);
    const seedSeconds = +((performance.now() - t0) / 1000).toFixed(1);
    console.log(`  ${kind}: seeded ${RECORDS} records in ${seedSeconds} s`);
    const scope: Scope = { formIds: forms.all().map((f) => f.id), userId: null };
    if (EXPLAIN) await explain(kind, { file, schema }, scope);
    const target = (await httpTarget(store, forms, dir)) ?? storeTarget(store, scope);
    if (target.via === 'store') console.log('  GET /api/office/records is not registered: measuring SyncTx.listRecordSummaries directly (no HTTP)');
    const mixes: Record<string, Figures> = {};
    try {
      for (const mix of MIXES) {
        const after = mix.secondPage ? (await target.list(mix)).after ?? undefined : undefined;
        if (mix.secondPage && !after) throw new Error(`${mix.name}: the first page has no next page`);
        // A mix that silently matches nothing would measure the wrong thing.
        if (!mix.noMatch && (await target.list(mix)).total === 0) throw new Error(`${mix.name}: matches nothing`);
        const figures = await measure(() => target.list(mix, after));
        mixes[mix.name] = figures;
        console.log(`  ${kind.padEnd(8)} ${mix.name.padEnd(38)} p50 ${String(figures.p50).padStart(6)} ms  p95 ${String(figures.p95).padStart(6)} ms  (total ${figures.total}, ${figures.items} items)`);
      }
    } finally {
      await target.close();
    }
    return { via: target.via, seedSeconds, mixes, worstP95: Math.max(...Object.values(mixes).map((f) => f.p95)) };
  } finally {
    await store.close();
    if (kind === 'postgres') await pgAdmin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'genba-review-bench-'));
const forms = benchForms();
const pgDown = await postgresUnreachable(PG_URL);
if (pgDown) console.log(`PostgreSQL not reachable at ${PG_URL} (${pgDown}): the PostgreSQL figures are SKIPPED`);
console.log(`review list: ${RECORDS} records over ${FORM_IDS.length} forms, ${RUNS} runs per query (+${WARMUP} warm-up), page size ${PAGE}`);
const results: Record<string, EngineResult | null> = {};
try {
  results.sqlite = await runEngine('sqlite', dir, forms);
  results.postgres = pgDown ? null : await runEngine('postgres', dir, forms);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const ran = Object.values(results).filter((r): r is EngineResult => r !== null);
const pass = ran.every((r) => r.worstP95 <= TARGET_P95_MS);
console.log(JSON.stringify({
  name: 'review-list', pass, target_p95_ms: TARGET_P95_MS, records: RECORDS, runs: RUNS, pageSize: PAGE,
  via: Object.fromEntries(Object.entries(results).map(([k, r]) => [k, r ? (r.via === 'http' ? 'http GET /api/office/records' : 'store listRecordSummaries (route missing)') : 'skipped'])),
  sqliteWorstP95: results.sqlite?.worstP95 ?? null, postgresWorstP95: results.postgres?.worstP95 ?? null,
  loadAverage: loadavg().map((l) => +l.toFixed(1)), results,
}));

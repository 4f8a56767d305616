// Two sync-server processes sharing one PostgreSQL: started together (no migration/seed race), concurrent pushes to different fields merge, to the same field make one conflict.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initialAnswers, newRecordId, op, pullBody, pushBody } from '../sync-server/ops.ts';
import { getJson, loginOver, postJson, spawnServer, type SpawnedServer } from '../sync-server/spawn-server.ts';
import { pgQueryOnce, postgresUnreachable, TEST_PG_URL } from '../postgres-support.ts';

const ADMIN_URL = TEST_PG_URL;
const DATABASE = `genba_two_servers_${process.pid}_${Date.now()}`;

async function admin(sql: string): Promise<void> {
  await pgQueryOnce(ADMIN_URL, sql);
}

const reachable = (await postgresUnreachable(ADMIN_URL, 2_000)) === null;
if (!reachable) console.warn(`PostgreSQL not reachable at ${ADMIN_URL}: the two-server PostgreSQL test was SKIPPED`);

describe.skipIf(!reachable)('two server processes sharing one PostgreSQL', () => {
  let serverA: SpawnedServer;
  let serverB: SpawnedServer;
  let tokenA: string;
  let tokenB: string;

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${DATABASE}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${DATABASE}`;
    // Both start at once on an empty database: migrate and the first-start seed must not race.
    [serverA, serverB] = await Promise.all([spawnServer({ DATABASE_URL: url.toString() }, 60_000), spawnServer({ DATABASE_URL: url.toString() }, 60_000)]);
    [tokenA, tokenB] = await Promise.all([loginOver(serverA.baseUrl, 'surveyor', 'pg-tablet-a'), loginOver(serverB.baseUrl, 'surveyor', 'pg-tablet-b')]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([serverA?.stop(), serverB?.stop()]);
    await admin(`DROP DATABASE IF EXISTS ${DATABASE}`).catch((err) => console.warn(`could not drop ${DATABASE}: ${err}`));
  });

  it('seeded the demo accounts exactly once', async () => {
    const adminToken = await loginOver(serverA.baseUrl, 'admin', 'pg-admin');
    const devices = await getJson(serverB.baseUrl, '/api/admin/devices', adminToken);
    expect(devices.status).toBe(200);
    const supervisorToken = await loginOver(serverB.baseUrl, 'supervisor', 'pg-office');
    const all = await postJson(serverA.baseUrl, '/api/sync/pull', pullBody(0, 1000), supervisorToken);
    // 3 demo records, not 6: the second process saw the first one's seed.
    expect(all.body.records.filter((r: { answers: { inspector_name?: string } }) => /調査 太郎|認定 花子/.test(r.answers.inspector_name ?? '')).length).toBe(3);
  });

  async function createAndShare(): Promise<{ recordId: string; versions: Record<string, number> }> {
    const recordId = newRecordId();
    const created = await postJson(serverA.baseUrl, '/api/sync/push', pushBody('pg-tablet-a', [op({ deviceId: 'pg-tablet-a', seq: nextSeq('pg-tablet-a'), recordId, path: '@create', value: initialAnswers() })]), tokenA);
    expect(created.status).toBe(200);
    let checkpoint = 0;
    for (;;) {
      const page = await postJson(serverB.baseUrl, '/api/sync/pull', pullBody(checkpoint, 1000), tokenB);
      const found = page.body.records.find((r: { id: string }) => r.id === recordId);
      if (found) return { recordId, versions: found.fieldVersions };
      checkpoint = page.body.checkpoint;
      if (!page.body.hasMore) throw new Error('the record created through server A is not visible through server B');
    }
  }

  const seqs = new Map<string, number>();
  function nextSeq(deviceId: string): number {
    const next = (seqs.get(deviceId) ?? 0) + 1;
    seqs.set(deviceId, next);
    return next;
  }

  async function recordThrough(server: SpawnedServer, token: string, recordId: string) {
    const res = await getJson(server.baseUrl, `/api/records/${recordId}`, token);
    expect(res.status).toBe(200);
    return res.body.record as { answers: Record<string, unknown> };
  }

  it('merges concurrent edits to different fields made through the two servers', async () => {
    for (let round = 0; round < 10; round++) {
      const { recordId, versions } = await createAndShare();
      const [a, b] = await Promise.all([
        postJson(serverA.baseUrl, '/api/sync/push', pushBody('pg-tablet-a', [op({ deviceId: 'pg-tablet-a', seq: nextSeq('pg-tablet-a'), recordId, path: 'inspector_name', value: `A${round}`, baseVersion: versions.inspector_name ?? 0 })]), tokenA),
        postJson(serverB.baseUrl, '/api/sync/push', pushBody('pg-tablet-b', [op({ deviceId: 'pg-tablet-b', seq: nextSeq('pg-tablet-b'), recordId, path: 'building_count', value: 100 + round, baseVersion: versions.building_count ?? 0 })]), tokenB),
      ]);
      expect([a.status, b.status]).toEqual([200, 200]);
      const viaA = await recordThrough(serverA, tokenA, recordId);
      const viaB = await recordThrough(serverB, tokenB, recordId);
      expect(viaA.answers).toMatchObject({ inspector_name: `A${round}`, building_count: 100 + round });
      expect(viaB.answers).toEqual(viaA.answers);
      const conflicts = await getJson(serverA.baseUrl, `/api/conflicts?recordId=${recordId}`, tokenA);
      expect(conflicts.body.conflicts).toEqual([]);
    }
  }, 60_000);

  it('turns concurrent edits of the same field through the two servers into one conflict', async () => {
    const { recordId, versions } = await createAndShare();
    // Both values differ from the record's current one, so whichever push lands first, the other is concurrent.
    const base = versions.inspector_name ?? 0;
    const [a, b] = await Promise.all([
      postJson(serverA.baseUrl, '/api/sync/push', pushBody('pg-tablet-a', [op({ deviceId: 'pg-tablet-a', seq: nextSeq('pg-tablet-a'), recordId, path: 'inspector_name', value: '北 一郎', baseVersion: base })]), tokenA),
      postJson(serverB.baseUrl, '/api/sync/push', pushBody('pg-tablet-b', [op({ deviceId: 'pg-tablet-b', seq: nextSeq('pg-tablet-b'), recordId, path: 'inspector_name', value: '南 二郎', baseVersion: base })]), tokenB),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const supervisor = await loginOver(serverB.baseUrl, 'supervisor', 'pg-office-2');
    const list = await getJson(serverA.baseUrl, `/api/conflicts?status=open&recordId=${recordId}`, supervisor);
    expect(list.body.conflicts).toHaveLength(1);
    expect(list.body.conflicts[0].path).toBe('inspector_name');
    expect(list.body.conflicts[0].candidates.map((c: { value: string }) => c.value).sort()).toEqual(['北 一郎', '南 二郎'].sort());
    const viaA = await recordThrough(serverA, tokenA, recordId);
    const viaB = await recordThrough(serverB, tokenB, recordId);
    expect(viaA.answers.inspector_name).toBe(viaB.answers.inspector_name);
  }, 60_000);
});

// Crash test: SIGKILL the real server (SQLite) during pushes, again and again; no acknowledged op is lost and no batch is half-applied.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { initialAnswers, newRecordId, op, pullBody, pushBody } from '../sync-server/ops.ts';
import { loginOver, postJson, spawnServer, type SpawnedServer } from '../sync-server/spawn-server.ts';

const ROUNDS = 5;
/** Pseudo-random but reproducible kill moments (ms after the pushes start). */
const KILL_AFTER_MS = [350, 120, 600, 260, 480];
const DEVICE = 'crash-tablet';

interface Batch {
  recordId: string;
  opIds: string[];
  body: ReturnType<typeof pushBody>;
  /** The last building_count this batch wrote: what the record must show once acknowledged. */
  count: number;
  acknowledged: boolean;
  /** The server died while this batch's push was in flight (the device retried it after the restart). */
  interrupted: boolean;
}

const dir = mkdtempSync(join(tmpdir(), 'genba-crash-'));
let current: SpawnedServer | null = null;

afterAll(async () => {
  await current?.kill();
  rmSync(dir, { recursive: true, force: true });
});

function makeBatch(seq: { next: number }, n: number): Batch {
  const recordId = newRecordId();
  const ops = [op({ deviceId: DEVICE, seq: seq.next++, recordId, path: '@create', value: initialAnswers(`crash ${n}`) })];
  // Several ops on the same record in one batch: half-applied would show some but not all of them.
  for (let i = 1; i <= 4; i++) ops.push(op({ deviceId: DEVICE, seq: seq.next++, recordId, path: 'building_count', value: n * 10 + i, baseVersion: 0 }));
  return { recordId, opIds: ops.map((o) => o.opId), body: pushBody(DEVICE, ops), count: n * 10 + 4, acknowledged: false, interrupted: false };
}

/** Pushes new batches (and retries unacknowledged ones, like a device) until the server dies. */
async function pushUntilKilled(server: SpawnedServer, token: string, batches: Batch[], seq: { next: number }, killAfterMs: number): Promise<void> {
  let alive = true;
  const killer = new Promise<void>((r) => setTimeout(async () => {
    alive = false;
    await server.kill();
    r();
  }, killAfterMs));
  const worker = async () => {
    while (alive) {
      const pending = batches.find((b) => !b.acknowledged && !(b as { inFlight?: boolean }).inFlight);
      const batch = pending ?? makeBatch(seq, batches.length + 1);
      if (!pending) batches.push(batch);
      (batch as { inFlight?: boolean }).inFlight = true;
      try {
        const res = await postJson(server.baseUrl, '/api/sync/push', batch.body, token);
        if (res.status === 200) batch.acknowledged = true;
        else if (alive) throw new Error(`push answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
      } catch (err) {
        if (alive) throw err;
        batch.interrupted = true;
      } finally {
        (batch as { inFlight?: boolean }).inFlight = false;
      }
    }
  };
  await Promise.all([worker(), worker(), killer]);
}

describe('server killed with SIGKILL during pushes', () => {
  it(`loses no acknowledged op and half-applies no batch over ${ROUNDS} crashes`, async () => {
    const env = { GENBA_DATA_DIR: dir };
    const batches: Batch[] = [];
    const seq = { next: 1 };
    let token = '';
    for (let round = 0; round < ROUNDS; round++) {
      current = await spawnServer(env);
      if (!token) token = await loginOver(current.baseUrl, 'surveyor', DEVICE);
      await pushUntilKilled(current, token, batches, seq, KILL_AFTER_MS[round] as number);
      current = null;
    }

    current = await spawnServer(env);
    const supervisor = await loginOver(current.baseUrl, 'supervisor', 'crash-office');
    const records = new Map<string, { answers: Record<string, unknown> }>();
    let checkpoint = 0;
    for (;;) {
      const page = await postJson(current.baseUrl, '/api/sync/pull', pullBody(checkpoint, 1000), supervisor);
      expect(page.status).toBe(200);
      for (const r of page.body.records) records.set(r.id, r);
      checkpoint = page.body.checkpoint;
      if (!page.body.hasMore) break;
    }
    await current.stop();
    current = null;

    const acknowledged = batches.filter((b) => b.acknowledged);
    expect(acknowledged.length).toBeGreaterThan(ROUNDS);
    for (const batch of acknowledged) {
      expect(records.get(batch.recordId)?.answers.building_count, `acknowledged batch for ${batch.recordId}`).toBe(batch.count);
    }

    const db = new Database(join(dir, 'genba.sqlite'));
    try {
      const stored = new Set((db.prepare('SELECT op_id FROM ops').all() as { op_id: string }[]).map((r) => r.op_id));
      const interrupted = batches.filter((b) => b.interrupted).length;
      console.log(`[crash] ${ROUNDS} SIGKILLs: ${batches.length} batches of 5 ops, ${acknowledged.length} acknowledged, ${interrupted} cut off mid-push and retried after the restart`);
      // The kills must actually land during pushes, or this test proves nothing.
      expect(interrupted).toBeGreaterThan(0);
      for (const batch of batches) {
        const present = batch.opIds.filter((id) => stored.has(id)).length;
        expect([0, batch.opIds.length], `batch ${batch.opIds[0]}: ${present}/${batch.opIds.length} ops stored`).toContain(present);
        if (batch.acknowledged) expect(present).toBe(batch.opIds.length);
      }
    } finally {
      db.close();
    }
  }, 180_000);
});

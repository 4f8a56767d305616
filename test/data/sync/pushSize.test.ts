// Push batches are split by size as well as count: bodies stay under 900 KiB, an op too large even alone is set aside as E_TOO_LARGE, a 413 is not a network error.
import { describe, expect, it } from 'vitest';
import { pendingCount, pendingEntries } from '../../../src/data/outbox.ts';
import { PUSH_BODY_TARGET_BYTES } from '../../../src/data/sync/pushBatch.ts';
import { listRejected } from '../../../src/data/sync/rejectedOps.ts';
import { syncSetup } from './syncHelpers.ts';

const KIB = 1024;
/** Text of about `kib` KiB in UTF-8 but a third of that in UTF-16 units: a size measured in characters would be wrong. */
const japanese = (kib: number) => 'あ'.repeat(Math.ceil((kib * KIB) / 3));
const ascii = (kib: number) => 'x'.repeat(kib * KIB);

async function recordWith(setup: Awaited<ReturnType<typeof syncSetup>>, answers: [string, string][]) {
  const { id } = await setup.repo.create('field-check', 1);
  for (const [path, value] of answers) await setup.repo.saveAnswer(id, path, value, { errorCount: 0 });
  return id;
}

describe('push batches by size', () => {
  it('a record with large answers is pushed in batches whose bodies stay under 900 KiB, and every op arrives once', async () => {
    const setup = await syncSetup();
    const id = await recordWith(setup, [['notes', japanese(300)], ['remarks', japanese(300)], ['address', japanese(300)], ['inspector_name', '山田'], ['memo', japanese(300)]]);
    const status = await setup.client.syncNow();
    expect(status.phase, status.lastError?.detail).toBe('idle');
    const { server } = setup;
    expect(server.pushes.length).toBeGreaterThan(1);
    for (const push of server.pushes) expect(push.bytes).toBeLessThanOrEqual(PUSH_BODY_TARGET_BYTES);
    expect(server.applied).toHaveLength(6);
    expect(new Set(server.applied.map((o) => o.opId)).size).toBe(6);
    expect(await pendingCount(setup.db)).toBe(0);
    expect(server.records.get(id)?.answers.memo).toBe(japanese(300));
  });

  it('an op too large to send even alone moves to rejectedOps with E_TOO_LARGE, and the ops after it are pushed', async () => {
    const setup = await syncSetup();
    await recordWith(setup, [['inspector_name', '山田'], ['notes', japanese(1200)], ['remarks', 'あと']]);
    const huge = (await pendingEntries(setup.db, 10)).find((e) => e.path === 'notes')!;
    const status = await setup.client.syncNow();
    expect(status.phase, status.lastError?.detail).toBe('idle');
    expect(status.progress.rejected).toBe(1);
    const rejected = await listRejected(setup.db);
    expect(rejected.map((r) => [r.opId, r.rejection.code])).toEqual([[huge.opId, 'E_TOO_LARGE']]);
    expect(rejected[0]!.rejection.message).toMatch(/too large/);
    expect(setup.server.applied.map((o) => o.path)).toEqual(['@create', 'inspector_name', 'remarks']);
    // It was never sent: the device knew it could not fit.
    expect(setup.server.pushes.some((p) => p.opIds.includes(huge.opId))).toBe(false);
    expect(await pendingCount(setup.db)).toBe(0);
  });

  it('a 413 is a fault of that request, not of the network: the batch is split, a lone op still refused is set aside, no backoff', async () => {
    const setup = await syncSetup();
    setup.server.bodyLimit = 200 * KIB; // e.g. a proxy in front of the server with a smaller limit
    await recordWith(setup, [['notes', ascii(80)], ['remarks', ascii(80)], ['address', ascii(80)], ['memo', ascii(300)]]);
    const big = (await pendingEntries(setup.db, 10)).find((e) => e.path === 'memo')!;
    const status = await setup.client.syncNow();
    expect(status.phase, status.lastError?.detail).toBe('idle');
    expect(status.failures).toBe(0);
    expect(status.lastError).toBeUndefined();
    expect((await listRejected(setup.db)).map((r) => [r.opId, r.rejection.code])).toEqual([[big.opId, 'E_TOO_LARGE']]);
    expect(setup.server.applied.map((o) => o.path)).toEqual(['@create', 'notes', 'remarks', 'address']);
    expect(await pendingCount(setup.db)).toBe(0);
  });

  it('a lost answer is retried with exactly the same ops; the part of the outbox that did not fit stays unfrozen', async () => {
    const setup = await syncSetup();
    const id = await recordWith(setup, [['notes', japanese(500)], ['remarks', japanese(500)]]);
    setup.server.failNext('push', 'lose-response');
    const first = await setup.client.syncNow();
    expect(first.phase).toBe('offline');
    const firstOps = setup.server.pushes[0]!.opIds;
    const entries = await pendingEntries(setup.db, 10);
    expect(entries.filter((e) => e.sentAt !== undefined).map((e) => e.opId)).toEqual(firstOps);
    // The entry that did not fit is still open to coalescing: a new edit of it folds in.
    await setup.repo.saveAnswer(id, 'remarks', '短い', { errorCount: 0 });
    expect(await pendingCount(setup.db)).toBe(3);

    const second = await setup.client.syncNow();
    expect(second.phase, second.lastError?.detail).toBe('idle');
    expect(setup.server.pushes[1]!.opIds.slice(0, firstOps.length)).toEqual(firstOps);
    expect(setup.server.applied.map((o) => o.path)).toEqual(['@create', 'notes', 'remarks']);
    expect(setup.server.records.get(id)?.answers.remarks).toBe('短い');
  });
});

// A device replaying another device's op ids is refused before anything is looked up; an op id reused with other
// content is refused; an equal value from a second device never changes what devices replicate without a new version.
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStore } from '../../sync-server/src/storage/sync-store.ts';
import { buildPull } from '../../sync-server/src/sync/pull-service.ts';
import { applyPush } from '../../sync-server/src/sync/push-service.ts';
import type { SyncDeps } from '../../sync-server/src/sync/types.ts';
import { actor, op, push, RECORD, RECORD_2, storeFactories, T0, testCatalog } from './fixtures.ts';

const factories = await storeFactories();

async function dump(store: SyncStore) {
  return store.transaction(async (tx) => ({
    records: await tx.getRecords([RECORD, RECORD_2]),
    conflicts: await tx.listConflicts({}),
    ops: await tx.getOps(['devA:1', 'devA:2', 'devA:3', 'devB:1', 'devB:2', 'devV:1', 'devV:2']),
  }));
}

describe.each(factories)('replays and no-ops on $name', ({ open }) => {
  let store: SyncStore;
  let deps: SyncDeps;
  const A = actor('u-a', 'devA');
  // B is assigned every record of the form (a second surveyor on the same building); V owns nothing of A's.
  const B = actor('u-b', 'devB', 'disaster_surveyor', false);
  const V = actor('u-v', 'devV');
  afterEach(async () => { await store?.close(); });

  async function setup() {
    store = await open();
    deps = { store, forms: testCatalog(), now: () => new Date(T0 + 60_000) };
  }

  it('an equal value at a repeat entry\'s field from another device is a change devices receive (merged, new version), never a silent one', async () => {
    await setup();
    const created = await applyPush(deps, A, push('devA', [op('devA', 1, '@create', { rooms: [{ room_name: 'Main' }] })]));
    expect(created.ok).toBe(true);
    const version = created.ok ? created.response.results[0]!.version! : 0;
    const before = (await dump(store)).records[0]!;

    const equal = await applyPush(deps, B, push('devB', [op('devB', 1, 'rooms[0].room_name', 'Main', { baseVersion: version })]));
    expect(equal.ok && equal.response.results[0]).toMatchObject({ opId: 'devB:1', outcome: 'merged' });
    const after = (await dump(store)).records[0]!;
    expect(after.answers).toEqual(before.answers);
    expect(after.changeSeq).toBeGreaterThan(before.changeSeq);
    expect(after.fields['rooms[0].room_name']).toMatchObject({ version: after.changeSeq, deviceId: '@merge' });

    // A device that already held the record receives the new field version from its checkpoint: its replica's
    // {path: version} equals the server's again.
    const pull = await buildPull(deps, B, { protocolVersion: 2, checkpoint: version, limit: 100 });
    expect(pull.records).toHaveLength(1);
    const versions = Object.fromEntries(Object.entries(after.fields).map(([k, s]) => [k, s.version]));
    expect(pull.records[0]!.fieldVersions).toEqual(versions);
    // A later edit by A that had not seen B's agreement is concurrent with it: a conflict, not a silent overwrite.
    const later = await applyPush(deps, A, push('devA', [op('devA', 2, 'rooms[0].room_name', 'Annex', { baseVersion: version })]));
    expect(later.ok && later.response.results[0]!.outcome).toBe('conflict');
  });

  it('an equal value at a path with its own stamp is co-signed server-side only (same version, no new path)', async () => {
    await setup();
    await applyPush(deps, A, push('devA', [op('devA', 1, '@create', { name: '山田' }), op('devA', 2, 'city', 'みどり市')]));
    const before = (await dump(store)).records[0]!;
    const equal = await applyPush(deps, B, push('devB', [op('devB', 1, 'city', 'みどり市', { baseVersion: 0 })]));
    expect(equal.ok && equal.response.results[0]!.outcome).toBe('noop');
    const after = (await dump(store)).records[0]!;
    expect(Object.keys(after.fields).sort()).toEqual(Object.keys(before.fields).sort());
    expect(after.fields.city).toMatchObject({ version: before.fields.city!.version, deviceId: '@merge' });
    expect(after.changeSeq).toBe(before.changeSeq);
  });

  it('a repeat written whole by a device that had not seen another device\'s equal value inside it is concurrent with it', async () => {
    await setup();
    // A creates the record and names the room in one batch: 'rooms' and 'rooms[0].room_name' share one version.
    await applyPush(deps, A, push('devA', [op('devA', 1, '@create', { rooms: [{ room_name: '台所' }] }), op('devA', 2, 'rooms[0].room_name', '居間')]));
    const version = (await dump(store)).records[0]!.changeSeq;
    const equal = await applyPush(deps, B, push('devB', [op('devB', 1, 'rooms[0].room_name', '居間', { baseVersion: version })]));
    expect(equal.ok && equal.response.results[0]!.outcome).toBe('noop');
    // A, not having pulled, rewrites the whole repeat: B stands behind the room's name too, so this is no follow-up of A's alone.
    const rewrite = await applyPush(deps, A, push('devA', [op('devA', 3, 'rooms', [{ room_name: '台所' }], { baseVersion: 0 })]));
    expect(rewrite.ok && rewrite.response.results[0]!.outcome).toBe('conflict');
  });

  it('a batch holding another device\'s op id is refused whole, before the duplicate lookup: nothing about the foreign op is revealed or applied', async () => {
    await setup();
    const created = await applyPush(deps, A, push('devA', [op('devA', 1, '@create', { name: '山田' }), op('devA', 2, 'name', '佐藤')]));
    expect(created.ok).toBe(true);
    await applyPush(deps, V, push('devV', [op('devV', 1, '@create', { name: '空家' }, { recordId: RECORD_2 })]));
    const before = await dump(store);

    // V replays A's stored op under its own device id, alone and together with a new op of its own.
    const alone = await applyPush(deps, V, push('devV', [op('devA', 2, 'name', '佐藤')]));
    expect(alone).toMatchObject({ ok: false, status: 422, error: { code: 'E_PUSH_REJECTED', rejected: [{ opId: 'devA:2', code: 'E_OPID_DEVICE' }] } });
    expect(JSON.stringify(alone)).not.toMatch(/duplicate|"version"|conflictId/);
    const mixed = await applyPush(deps, V, push('devV', [op('devA', 2, 'name', '佐藤'), op('devV', 2, 'name', '別の値', { recordId: RECORD_2 })]));
    expect(mixed).toMatchObject({ ok: false, error: { rejected: [{ opId: 'devA:2', code: 'E_OPID_DEVICE' }] } });
    expect(await dump(store)).toEqual(before);
  });

  it('an op id reused by the same device with other content is refused (E_OPID_REUSED); an exact retry is still a duplicate', async () => {
    await setup();
    await applyPush(deps, A, push('devA', [op('devA', 1, '@create', { name: '山田' })]));
    const first = await applyPush(deps, A, push('devA', [op('devA', 2, 'name', '佐藤')]));
    expect(first.ok).toBe(true);
    const before = await dump(store);

    const retry = await applyPush(deps, A, push('devA', [op('devA', 2, 'name', '佐藤')]));
    expect(retry.ok && retry.response.results[0]!.outcome).toBe('duplicate');
    for (const changed of [
      op('devA', 2, 'name', '鈴木'),
      op('devA', 2, 'city', '佐藤'),
      op('devA', 2, 'name', '佐藤', { baseVersion: 99 }),
      op('devA', 2, 'name', '佐藤', { hlc: '2026-11-01T09:00:09.000Z-0000-00000000000000aa' }),
    ]) {
      const reused = await applyPush(deps, A, push('devA', [changed, op('devA', 3, 'city', 'あおば町')]));
      expect(reused).toMatchObject({ ok: false, status: 422, error: { rejected: [{ opId: 'devA:2', code: 'E_OPID_REUSED' }] } });
    }
    // The same id twice in one batch with different content is the same fault.
    const twice = await applyPush(deps, A, push('devA', [op('devA', 3, 'city', 'あおば町'), op('devA', 3, 'city', 'うみべ市')]));
    expect(twice).toMatchObject({ ok: false, error: { rejected: [{ opId: 'devA:3', code: 'E_OPID_REUSED' }] } });
    expect(await dump(store)).toEqual(before);
  });
});

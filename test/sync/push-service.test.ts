// The push service on every store: idempotent retries, all-or-nothing rejection, scope, merges and conflicts, clock clamping.
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStore } from '../../sync-server/src/storage/sync-store.ts';
import { applyPush } from '../../sync-server/src/sync/push-service.ts';
import type { SyncDeps } from '../../sync-server/src/sync/types.ts';
import { actor, hlcAt, op, push, RECORD, RECORD_2, storeFactories, T0, testCatalog } from './fixtures.ts';

const factories = await storeFactories();

async function snapshotOf(store: SyncStore) {
  return store.transaction(async (tx) => ({
    records: await tx.getRecords([RECORD, RECORD_2]),
    conflicts: await tx.listConflicts({}),
    ops: (await tx.listChanges(0, 1000, { formIds: ['sync-test'], userId: null })).map((r) => r.changeSeq),
  }));
}

describe.each(factories)('applyPush on $name', ({ open }) => {
  let store: SyncStore;
  let deps: SyncDeps;
  const A = actor('u-a', 'devA');
  const B = actor('u-b', 'devB', 'disaster_surveyor', false);
  const now = () => new Date(T0 + 60_000);

  async function setup() {
    store = await open();
    deps = { store, forms: testCatalog(), now };
    const created = await applyPush(deps, A, push('devA', [op('devA', 1, '@create', { name: '山田', city: 'みどり市' })]));
    expect(created.ok).toBe(true);
  }
  afterEach(async () => { await store?.close(); });

  it('creates a record and answers applied with its version', async () => {
    await setup();
    const { records } = await snapshotOf(store);
    expect(records[0]).toMatchObject({ id: RECORD, ownerId: 'u-a', status: 'draft', answers: { name: '山田', city: 'みどり市' } });
    expect(records[0]!.fields.name!.version).toBe(records[0]!.changeSeq);
  });

  it('a retried batch answers duplicate and changes nothing', async () => {
    await setup();
    const batch = push('devA', [op('devA', 2, 'name', '佐藤'), op('devA', 3, 'tags', ['a'])]);
    const first = await applyPush(deps, A, batch);
    expect(first.ok && first.response.results.map((r) => r.outcome)).toEqual(['applied', 'applied']);
    const before = await snapshotOf(store);
    const again = await applyPush(deps, A, batch);
    expect(again.ok && again.response.results.map((r) => r.outcome)).toEqual(['duplicate', 'duplicate']);
    expect(await snapshotOf(store)).toEqual(before);
  });

  it('one invalid op rejects the whole batch with coded reasons and leaves the store untouched', async () => {
    await setup();
    const before = await snapshotOf(store);
    const result = await applyPush(deps, A, push('devA', [
      op('devA', 2, 'name', '佐藤'),
      op('devA', 3, 'count', 'many'),
      op('devA', 4, 'nosuch', 1),
      op('devA', 5, 'info', 'x'),
    ]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.status).toBe(422);
    expect(result.error.code).toBe('E_PUSH_REJECTED');
    expect(result.error.rejected).toEqual([
      expect.objectContaining({ opId: 'devA:3', code: 'E_VALUE_INVALID' }),
      expect.objectContaining({ opId: 'devA:4', code: 'E_UNKNOWN_FIELD' }),
      expect.objectContaining({ opId: 'devA:5', code: 'E_UNKNOWN_FIELD' }),
    ]);
    expect(await snapshotOf(store)).toEqual(before);
    // The good op alone goes through afterwards.
    const retry = await applyPush(deps, A, push('devA', [op('devA', 2, 'name', '佐藤')]));
    expect(retry.ok).toBe(true);
  });

  it('rejects an op id of another device before any other check, then an unknown form and an unknown record', async () => {
    await setup();
    const r = await applyPush(deps, A, push('devA', [
      op('devB', 9, 'name', 'x'),
      op('devA', 10, 'name', 'x', { formId: 'nope' }),
      op('devA', 11, 'name', 'x', { recordId: RECORD_2 }),
    ]));
    expect(!r.ok && r.error.rejected!.map((x) => x.code)).toEqual(['E_OPID_DEVICE']);
    const own = await applyPush(deps, A, push('devA', [
      op('devA', 10, 'name', 'x', { formId: 'nope' }),
      op('devA', 11, 'name', 'x', { recordId: RECORD_2 }),
    ]));
    expect(!own.ok && own.error.rejected!.map((x) => x.code)).toEqual(['E_UNKNOWN_FORM', 'E_RECORD_UNKNOWN']);
  });

  it('wrong protocol version is 400, a device mismatch 403', async () => {
    await setup();
    expect(await applyPush(deps, A, { ...push('devA', [op('devA', 2, 'name', 'x')]), protocolVersion: 99 })).toMatchObject({ ok: false, status: 400, error: { code: 'E_PROTOCOL_VERSION' } });
    expect(await applyPush(deps, A, push('devB', [op('devB', 2, 'name', 'x')]))).toMatchObject({ ok: false, status: 403 });
  });

  it('a field role may not touch someone else\'s record (E_SCOPE), nothing applied', async () => {
    await setup();
    const C = actor('u-c', 'devC');
    const before = await snapshotOf(store);
    const r = await applyPush(deps, C, push('devC', [op('devC', 1, 'name', 'x')]));
    expect(!r.ok && r.error.rejected![0]!.code).toBe('E_SCOPE');
    expect(await snapshotOf(store)).toEqual(before);
  });

  it('disjoint fields merge, the same field conflicts; the conflict holds both candidates', async () => {
    await setup();
    await applyPush(deps, A, push('devA', [op('devA', 2, 'name', 'A-name', { baseVersion: 1 })]));
    const b = await applyPush(deps, B, push('devB', [
      op('devB', 1, 'city', 'あおば町', { baseVersion: 1 }),
      op('devB', 2, 'name', 'B-name', { baseVersion: 1, hlc: hlcAt(T0 + 5_000, '00000000000000bb') }),
    ]));
    expect(b.ok && b.response.results.map((r) => r.outcome)).toEqual(['applied', 'conflict']);
    const { records, conflicts } = await snapshotOf(store);
    expect(records[0]!.answers).toMatchObject({ city: 'あおば町', name: 'B-name' });
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ kind: 'same-field', path: 'name', status: 'open', provisional: 'B-name' });
    expect(conflicts[0]!.candidates.map((c) => [c.value, c.userId])).toEqual([['A-name', 'u-a'], ['B-name', 'u-b']]);
    expect(b.ok && b.response.results[1]!.conflictId).toBe(conflicts[0]!.id);
  });

  it('a union that breaks the form\'s rules (exclusive choice) becomes a rule conflict', async () => {
    await setup();
    await applyPush(deps, A, push('devA', [op('devA', 2, 'tags', ['none'], { baseVersion: 1 })]));
    await applyPush(deps, B, push('devB', [op('devB', 1, 'tags', ['a'], { baseVersion: 1 })]));
    const { records, conflicts } = await snapshotOf(store);
    expect([...(records[0]!.answers.tags as string[])].sort()).toEqual(['a', 'none']);
    expect(conflicts).toEqual([expect.objectContaining({ kind: 'rule', path: 'tags' })]);
  });

  it('a device clock days ahead is re-stamped at arrival and loses to a causally later edit', async () => {
    await setup();
    const ahead = await applyPush(deps, A, push('devA', [op('devA', 2, 'name', 'from the future', { hlc: hlcAt(T0 + 3 * 86_400_000), baseVersion: 1 })]));
    expect(ahead.ok).toBe(true);
    const { records } = await snapshotOf(store);
    expect(records[0]!.fields.name!.hlc < hlcAt(T0 + 86_400_000)).toBe(true);
    // B saw A's edit (base = its version) and edits after it: applied, no conflict.
    const later = await applyPush(deps, B, push('devB', [op('devB', 1, 'name', 'later', { baseVersion: records[0]!.fields.name!.version, hlc: hlcAt(T0 + 61_000, '00000000000000bb') })]));
    expect(later.ok && later.response.results[0]!.outcome).toBe('applied');
  });
});

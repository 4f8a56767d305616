// Pull's `removed`: records that left a field user's scope come back as ids in change-sequence order, and the checkpoint moves past them.
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerRecord, SyncStore } from '../../sync-server/src/storage/sync-store.ts';
import { buildPull } from '../../sync-server/src/sync/pull-service.ts';
import { recordScopeRemovals } from '../../sync-server/src/sync/scope-removals.ts';
import type { SyncDeps } from '../../sync-server/src/sync/types.ts';
import { PROTOCOL_VERSION } from '../../src/protocol/version.ts';
import { aRecord } from '../conformance/fixtures.ts';
import { actor, storeFactories, supervisor, T0, testCatalog } from './fixtures.ts';

const factories = await storeFactories();
const rid = (i: number) => `0190a8b2-3333-7000-8000-${String(i).padStart(12, '0')}`;

describe.each(factories)('pull removed on $name', ({ open }) => {
  let store: SyncStore;
  let deps: SyncDeps;
  const A = actor('u-a', 'devA');
  const B = actor('u-b', 'devB');
  afterEach(async () => { await store?.close(); });

  async function setup() {
    store = await open();
    deps = { store, forms: testCatalog(), now: () => new Date(T0) };
  }

  /** The office (owner u-office) assigns record i to a user at a new change sequence, recording who lost it. */
  async function assign(i: number, assigneeId: string): Promise<number> {
    return store.transaction(async (tx) => {
      const [before] = await tx.getRecords([rid(i)]);
      const changeSeq = await tx.nextChangeSeq();
      const after: ServerRecord = { ...(before ?? aRecord(rid(i), { formId: 'sync-test', ownerId: 'u-office' })), assigneeId, changeSeq };
      await tx.putRecord(after);
      if (before) await recordScopeRemovals(tx, before, after);
      return changeSeq;
    });
  }
  const pull = (who: typeof A, checkpoint: number, limit = 100) => buildPull(deps, who, { protocolVersion: PROTOCOL_VERSION, checkpoint, limit });

  it('a removal that is the last change: an empty page still moves the checkpoint past it, once', async () => {
    await setup();
    await assign(1, 'u-a');
    await assign(2, 'u-a');
    const first = await pull(A, 0);
    expect(first.records.map((r) => r.id)).toEqual([rid(1), rid(2)]);
    expect(first.removed).toEqual([]);
    const moveSeq = await assign(1, 'u-b');
    const page = await pull(A, first.checkpoint);
    expect(page).toMatchObject({ records: [], removed: [rid(1)], checkpoint: moveSeq, hasMore: false });
    expect(await pull(A, page.checkpoint)).toMatchObject({ records: [], removed: [], checkpoint: moveSeq, hasMore: false });
    const forB = await pull(B, 0);
    expect(forB.records.map((r) => r.id)).toEqual([rid(1)]);
    expect(forB.removed).toEqual([]);
  });

  it('pages of one record interleave removals by change sequence and skip nothing', async () => {
    await setup();
    for (let i = 0; i < 4; i++) await assign(i, 'u-a');
    const start = (await pull(A, 0)).checkpoint;
    await assign(1, 'u-b');
    await assign(10, 'u-a');
    await assign(3, 'u-b');
    await assign(11, 'u-a');
    await assign(2, 'u-b');
    const pages: { records: string[]; removed: string[] }[] = [];
    let checkpoint = start;
    for (let n = 0; n < 20; n++) {
      const page = await pull(A, checkpoint, 1);
      expect(page.checkpoint).toBeGreaterThanOrEqual(checkpoint);
      pages.push({ records: page.records.map((r) => r.id), removed: page.removed ?? [] });
      if (!page.hasMore || page.checkpoint === checkpoint) break;
      checkpoint = page.checkpoint;
    }
    expect(pages).toEqual([
      { records: [rid(10)], removed: [rid(1)] },
      // Not full: the page also takes the removals after its last record.
      { records: [rid(11)], removed: [rid(3), rid(2)] },
    ]);
  });

  it('leaves out a record that is back in the user\'s scope, and the office gets no removed list', async () => {
    await setup();
    await assign(1, 'u-a');
    const start = (await pull(A, 0)).checkpoint;
    await assign(1, 'u-b');
    await assign(1, 'u-a');
    const page = await pull(A, start);
    expect(page.records.map((r) => r.id)).toEqual([rid(1)]);
    expect(page.removed).toEqual([]);
    expect((await pull(supervisor(), 0)).removed).toBeUndefined();
  });

  it('writes no removal for the owner, who keeps the record', async () => {
    await setup();
    const owned = await store.transaction(async (tx) => {
      const changeSeq = await tx.nextChangeSeq();
      const record = aRecord(rid(5), { formId: 'sync-test', ownerId: 'u-a', assigneeId: 'u-a', changeSeq });
      await tx.putRecord(record);
      return record;
    });
    await store.transaction(async (tx) => {
      const after = { ...owned, assigneeId: 'u-b', changeSeq: await tx.nextChangeSeq() };
      await tx.putRecord(after);
      await recordScopeRemovals(tx, owned, after);
    });
    const page = await pull(A, 0);
    expect(page.records.map((r) => r.id)).toEqual([rid(5)]);
    expect(page.removed).toEqual([]);
  });
});

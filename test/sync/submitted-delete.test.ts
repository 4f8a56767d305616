// A field role's '@delete' of a record that was ever submitted is refused (E_RECORD_SUBMITTED) on memory, SQLite and PostgreSQL; drafts still delete; the office may.
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStore } from '../../sync-server/src/storage/sync-store.ts';
import { applyPush } from '../../sync-server/src/sync/push-service.ts';
import { reviewRecord } from '../../sync-server/src/sync/review-service.ts';
import type { SyncDeps } from '../../sync-server/src/sync/types.ts';
import { postgresTestStore, postgresUnreachable, TEST_PG_URL } from '../postgres-support.ts';
import { actor, hlcAt, op, push, RECORD, storeFactories, supervisor, T0, testCatalog } from './fixtures.ts';

const factories: { name: string; open: () => Promise<SyncStore>; cleanup?: () => Promise<void> }[] = await storeFactories();
if ((await postgresUnreachable(TEST_PG_URL)) === null) {
  const cleanups: (() => Promise<void>)[] = [];
  factories.push({
    name: 'postgres',
    open: async () => {
      const pgStore = postgresTestStore('submitted_delete');
      cleanups.push(pgStore.destroy);
      const store = await pgStore.open();
      await store.migrate();
      return store;
    },
    cleanup: async () => { for (const drop of cleanups.splice(0)) await drop(); },
  });
} else {
  console.warn('PostgreSQL not reachable: submitted-delete runs on memory and SQLite only');
}

describe.each(factories)('@delete of a submitted record on $name', ({ open, cleanup }) => {
  let store: SyncStore;
  let deps: SyncDeps;
  const A = actor('u-a', 'devA');
  let counter = 1;
  const next = (path: string, value: unknown) => op('devA', ++counter, path, value);

  async function setup() {
    counter = 1;
    store = await open();
    deps = { store, forms: testCatalog(), now: () => new Date(T0 + 60_000), allowSelfApproval: true };
    const created = await applyPush(deps, A, push('devA', [op('devA', 1, '@create', { name: '山田', city: 'みどり市' })]));
    expect(created.ok).toBe(true);
  }
  const record = async () => (await store.transaction((tx) => tx.getRecords([RECORD])))[0]!;
  afterEach(async () => {
    await store?.close();
    await cleanup?.();
  });

  function expectRefused(result: Awaited<ReturnType<typeof applyPush>>) {
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.status).toBe(422);
    expect(result.error.rejected).toEqual([expect.objectContaining({ code: 'E_RECORD_SUBMITTED', path: '@delete' })]);
  }

  it('deletes a draft that was never submitted', async () => {
    await setup();
    const result = await applyPush(deps, A, push('devA', [next('@delete', true)]));
    expect(result.ok).toBe(true);
    expect((await record()).deleted).toBe(true);
  });

  it('refuses to delete a submitted record, and a record submitted earlier in the same batch', async () => {
    await setup();
    expectRefused(await applyPush(deps, A, push('devA', [next('@status', 'ready'), next('@delete', true)])));
    expect(await record()).toMatchObject({ status: 'draft', deleted: false });
    expect((await applyPush(deps, A, push('devA', [next('@status', 'ready')]))).ok).toBe(true);
    expectRefused(await applyPush(deps, A, push('devA', [next('@delete', true)])));
    expect(await record()).toMatchObject({ status: 'submitted', deleted: false });
  });

  it('refuses to delete a returned record (差し戻し) and one moved back to draft after it was submitted', async () => {
    await setup();
    expect((await applyPush(deps, A, push('devA', [next('@status', 'ready')]))).ok).toBe(true);
    const returned = await reviewRecord(deps, supervisor(), RECORD, { action: 'return', reason: '確認してください' });
    expect(returned.ok).toBe(true);
    expectRefused(await applyPush(deps, A, push('devA', [next('@delete', true)])));
    expect(await record()).toMatchObject({ status: 'returned', deleted: false });
    // A device's '@status' draft moves it back on the server; its submit revision still says it was handed in.
    const reopen = op('devA', ++counter, '@status', 'draft', { hlc: hlcAt(T0 + 120_000), baseVersion: (await record()).changeSeq });
    expect((await applyPush(deps, A, push('devA', [reopen]))).ok).toBe(true);
    expect((await record()).status).toBe('draft');
    expectRefused(await applyPush(deps, A, push('devA', [next('@delete', true)])));
    expect((await record()).deleted).toBe(false);
  });

  it('lets the office delete a submitted record', async () => {
    await setup();
    expect((await applyPush(deps, A, push('devA', [next('@status', 'ready')]))).ok).toBe(true);
    const office = supervisor('dev-office');
    const result = await applyPush(deps, office, push('dev-office', [op('dev-office', 1, '@delete', true, { baseVersion: (await record()).changeSeq })]));
    expect(result.ok).toBe(true);
    expect((await record()).deleted).toBe(true);
  });
});

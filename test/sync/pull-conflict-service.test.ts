// Pull paging and checkpoints, scope filtering of pulls, and resolving conflicts (supervisor only), on every store.
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStore } from '../../sync-server/src/storage/sync-store.ts';
import { listConflicts, resolveConflict } from '../../sync-server/src/sync/conflict-service.ts';
import { buildPull } from '../../sync-server/src/sync/pull-service.ts';
import { applyPush } from '../../sync-server/src/sync/push-service.ts';
import type { SyncDeps } from '../../sync-server/src/sync/types.ts';
import { actor, hlcAt, op, push, storeFactories, supervisor, T0, testCatalog } from './fixtures.ts';

const factories = await storeFactories();
const recordId = (i: number) => `0190a8b2-2222-7000-8000-${String(i).padStart(12, '0')}`;

describe.each(factories)('pull and conflicts on $name', ({ open }) => {
  let store: SyncStore;
  let deps: SyncDeps;
  const A = actor('u-a', 'devA');
  const B = actor('u-b', 'devB', 'disaster_surveyor', false);
  afterEach(async () => { await store?.close(); });

  async function setup(records: number) {
    store = await open();
    deps = { store, forms: testCatalog(), now: () => new Date(T0 + 60_000) };
    const ops = Array.from({ length: records }, (_, i) => op('devA', i + 1, '@create', { name: `n${i}` }, { recordId: recordId(i) }));
    const r = await applyPush(deps, A, push('devA', ops));
    expect(r.ok).toBe(true);
  }

  it('pages through every change once, in order, with hasMore and checkpoints', async () => {
    await setup(25);
    const seen: string[] = [];
    let checkpoint = 0;
    for (let page = 0; page < 10; page++) {
      const res = await buildPull(deps, A, { protocolVersion: 2, checkpoint, limit: 10 });
      seen.push(...res.records.map((r) => r.answers.name as string));
      expect(res.checkpoint).toBeGreaterThanOrEqual(checkpoint);
      checkpoint = res.checkpoint;
      if (!res.hasMore) break;
    }
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `n${i}`));
    const empty = await buildPull(deps, A, { protocolVersion: 2, checkpoint, limit: 10 });
    expect(empty).toMatchObject({ records: [], hasMore: false, checkpoint });
    // A later change appears after the checkpoint, once.
    await applyPush(deps, A, push('devA', [op('devA', 100, 'city', 'x', { recordId: recordId(3) })]));
    const next = await buildPull(deps, A, { protocolVersion: 2, checkpoint, limit: 10 });
    expect(next.records.map((r) => r.id)).toEqual([recordId(3)]);
    expect(next.records[0]!.fieldVersions.city).toBe(next.checkpoint);
  });

  it('a field role pulls only its own or assigned records', async () => {
    await setup(3);
    const other = actor('u-c', 'devC');
    expect((await buildPull(deps, other, { protocolVersion: 2, checkpoint: 0, limit: 100 })).records).toEqual([]);
    expect((await buildPull(deps, supervisor(), { protocolVersion: 2, checkpoint: 0, limit: 100 })).records).toHaveLength(3);
  });

  it('a wrong protocol version is refused', async () => {
    await setup(1);
    await expect(buildPull(deps, A, { protocolVersion: 7, checkpoint: 0, limit: 1 })).rejects.toMatchObject({ code: 'E_PROTOCOL_VERSION' });
  });

  it('conflicts travel with their record; a supervisor resolves one and every device pulls the value', async () => {
    await setup(1);
    const rid = recordId(0);
    await applyPush(deps, A, push('devA', [op('devA', 50, 'city', 'A-city', { recordId: rid, baseVersion: 1 })]));
    const pushed = await applyPush(deps, B, push('devB', [op('devB', 1, 'city', 'B-city', { recordId: rid, baseVersion: 1, hlc: hlcAt(T0 + 1000, '00000000000000bb') })]));
    expect(pushed.ok && pushed.response.results[0]!.outcome).toBe('conflict');
    const pulled = await buildPull(deps, A, { protocolVersion: 2, checkpoint: 0, limit: 10 });
    expect(pulled.conflicts).toEqual([expect.objectContaining({ recordId: rid, path: 'city', kind: 'same-field' })]);
    const checkpoint = pulled.checkpoint;

    const [conflict] = await listConflicts(deps, supervisor(), { status: 'open' });
    expect(conflict).toBeDefined();
    expect(await listConflicts(deps, actor('u-c', 'devC'), { status: 'open' })).toEqual([]);
    expect(await resolveConflict(deps, A, conflict!.id, { value: 'A-city', reason: 'x' })).toMatchObject({ ok: false, status: 403 });
    expect(await resolveConflict(deps, supervisor(), conflict!.id, { value: 12, reason: '確認' })).toMatchObject({ ok: false, status: 422 });

    const resolved = await resolveConflict(deps, supervisor(), conflict!.id, { value: '現地確認済みの市', reason: '電話で確認' });
    expect(resolved).toMatchObject({ ok: true, conflict: { status: 'resolved', resolution: { value: '現地確認済みの市', by: 'u-super', reason: '電話で確認' } } });
    expect(await resolveConflict(deps, supervisor(), conflict!.id, { value: 'again', reason: 'x' })).toMatchObject({ ok: false, status: 409 });
    expect(await resolveConflict(deps, supervisor(), 'no-such-id', { value: 'again', reason: 'x' })).toMatchObject({ ok: false, status: 404 });

    const after = await buildPull(deps, A, { protocolVersion: 2, checkpoint, limit: 10 });
    expect(after.records[0]!.answers.city).toBe('現地確認済みの市');
    expect(after.conflicts).toEqual([]);
  });
});

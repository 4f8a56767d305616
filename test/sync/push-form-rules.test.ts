// The server checks every pushed value with the form's rules, as the tablet does: choice lists (with filters),
// calculated and readonly fields, and the structure of groups and repeats; it computes calculated answers itself.
import { afterEach, describe, expect, it } from 'vitest';
import type { Op } from '../../src/protocol/op.ts';
import type { SyncStore } from '../../sync-server/src/storage/sync-store.ts';
import { listConflicts, resolveConflict } from '../../sync-server/src/sync/conflict-service.ts';
import { applyPush } from '../../sync-server/src/sync/push-service.ts';
import type { SyncDeps } from '../../sync-server/src/sync/types.ts';
import { actor, op, push, RECORD, storeFactories, supervisor, T0, testCatalog } from './fixtures.ts';

const factories = await storeFactories();

describe.each(factories)('form rules on push, $name', ({ open }) => {
  let store: SyncStore;
  let deps: SyncDeps;
  let counter = 10;
  const A = actor('u-a', 'devA');
  afterEach(async () => { await store?.close(); });

  async function setup(initial: Record<string, unknown> = { name: '山田' }) {
    store = await open();
    deps = { store, forms: testCatalog(), now: () => new Date(T0 + 60_000) };
    const created = await applyPush(deps, A, push('devA', [op('devA', 1, '@create', initial)]));
    if (!created.ok) throw new Error(JSON.stringify(created.error));
  }
  const record = async () => store.transaction(async (tx) => (await tx.getRecords([RECORD]))[0]!);
  const edit = (path: string, value: unknown, extra: Partial<Op> = {}) => op('devA', ++counter, path, value, { hlc: `2026-11-01T09:${String(10 + (counter % 40)).padStart(2, '0')}:00.000Z-0000-00000000000000aa`, ...extra });

  /** Pushes one op that must be refused with `code` at `path`, and checks nothing changed. */
  async function refused(o: Op, code: string, path: string) {
    const before = await record();
    const result = await applyPush(deps, A, push('devA', [o, edit('city', 'あおば町')]));
    expect(result, `${o.path} = ${JSON.stringify(o.value)}`).toMatchObject({ ok: false, status: 422, error: { code: 'E_PUSH_REJECTED', rejected: [{ opId: o.opId, code, path }] } });
    expect(await record()).toEqual(before);
  }

  it.each([
    ['a number for a select_one', 'kind', 1, 'kind'],
    ['an unknown choice for a select_one', 'kind', 'castle', 'kind'],
    ['numbers in a select_multiple', 'tags', [1, 2], 'tags'],
    ['an unknown choice in a select_multiple', 'tags', ['a', 'zzz'], 'tags'],
    ['the same choice twice', 'tags', ['a', 'a'], 'tags'],
    ['an exclusive choice with another', 'tags', ['none', 'a'], 'tags'],
    ['a whole object at a group\'s path', 'place', { street: '本町' }, 'place'],
    ['null at a group\'s path', 'place', null, 'place'],
    ['a repeat entry with an unknown key', 'rooms', [{ room_name: '台所', evil: 1 }], 'rooms[0].evil'],
    ['a repeat entry whose field has the wrong type', 'rooms[0]', { room_name: 5 }, 'rooms[0].room_name'],
    ['a repeat holding a non-object', 'rooms', ['台所'], 'rooms[0]'],
  ])('refuses %s (E_VALUE_INVALID or E_UNKNOWN_FIELD with the path)', async (_name, path, value, badPath) => {
    await setup();
    await refused(edit(path, value), badPath.endsWith('evil') ? 'E_UNKNOWN_FIELD' : 'E_VALUE_INVALID', badPath);
  });

  it('refuses a write to a calculated field, directly and inside a group or a @create (E_READONLY)', async () => {
    await setup();
    await refused(edit('count_double', 4), 'E_READONLY', 'count_double');
    await refused(edit('place.street_label', '偽'), 'E_READONLY', 'place.street_label');
    const result = await applyPush(deps, A, push('devA', [op('devA', 50, '@create', { name: 'x', count_double: 2 }, { recordId: '0190a8b2-1111-7000-8000-000000000009' })]));
    expect(result).toMatchObject({ ok: false, error: { rejected: [{ code: 'E_READONLY', path: 'count_double' }] } });
  });

  it('refuses a change to a field whose readonly expression holds on the stored answers, not its first value (E_READONLY)', async () => {
    await setup();
    const first = await applyPush(deps, A, push('devA', [edit('code', 'A-1')]));
    expect(first.ok).toBe(true);
    await refused(edit('code', 'B-2'), 'E_READONLY', 'code');
    expect((await record()).answers.code).toBe('A-1');
  });

  it('refuses a choice its filter does not offer for the record\'s answers, and accepts one it offers', async () => {
    await setup({ name: '山田', kind: 'house' });
    await refused(edit('area', 's1'), 'E_VALUE_INVALID', 'area');
    const ok = await applyPush(deps, A, push('devA', [edit('area', 'h1')]));
    expect(ok.ok).toBe(true);
    // Changing the filter's input in the same batch, before the choice, is what the tablet does.
    const both = await applyPush(deps, A, push('devA', [edit('kind', 'shop'), edit('area', 's1')]));
    expect(both.ok).toBe(true);
    expect((await record()).answers).toMatchObject({ kind: 'shop', area: 's1' });
  });

  it('computes calculated answers from the merged answers and stamps them with the write that caused them', async () => {
    await setup();
    const result = await applyPush(deps, A, push('devA', [edit('count', 21), edit('place.street', '本')]));
    expect(result.ok).toBe(true);
    const stored = await record();
    expect(stored.answers).toMatchObject({ count: 21, count_double: 42, place: { street: '本', street_label: '本町' } });
    expect(stored.fields.count_double).toMatchObject({ version: stored.changeSeq, deviceId: 'devA' });
    // Not relevant any more: the engine leaves the stored value (the device's engine shows it as hidden).
    const cleared = await applyPush(deps, A, push('devA', [edit('count', 5)]));
    expect(cleared.ok).toBe(true);
    expect((await record()).answers.count_double).toBe(10);
  });

  it('a supervisor resolving a conflict on an input recomputes the calculated answers from the chosen value', async () => {
    await setup();
    const B = actor('u-b', 'devB', 'disaster_surveyor', false);
    expect((await applyPush(deps, A, push('devA', [edit('count', 3)]))).ok).toBe(true);
    const concurrent = await applyPush(deps, B, push('devB', [op('devB', 1, 'count', 4, { baseVersion: 1, hlc: '2026-11-01T09:59:00.000Z-0000-00000000000000bb' })]));
    expect(concurrent.ok && concurrent.response.results[0]!.outcome).toBe('conflict');
    const [conflict] = await listConflicts(deps, supervisor(), { status: 'open' });
    const resolved = await resolveConflict(deps, supervisor(), conflict!.id, { value: 7, reason: '現地で確認' });
    expect(resolved.ok).toBe(true);
    const stored = await record();
    expect(stored.answers).toMatchObject({ count: 7, count_double: 14 });
    expect(stored.fields.count_double!.version).toBe(stored.changeSeq);
  });

  it('still accepts every legitimate value: choices, a repeat written whole, a repeat entry, @delete with null', async () => {
    await setup();
    const result = await applyPush(deps, A, push('devA', [
      edit('kind', 'house'), edit('tags', ['a', 'b']), edit('tags', ['none']), edit('rooms', [{ room_name: '台所' }, {}]),
      edit('rooms[1]', { room_name: '居間' }), edit('place.street', '本'), edit('@delete', null, { baseVersion: 99 }),
    ]));
    expect(result.ok, JSON.stringify(!result.ok && result.error)).toBe(true);
  });
});

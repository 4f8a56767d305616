// RecordRepository basics: create, autosave answers (flat and nested), list newest first, count, status changes, delete.
import { describe, expect, it } from 'vitest';
import { freshRepo } from './helpers.ts';
import { pendingEntries } from '../../src/data/outbox.ts';
import { DataError } from '../../src/data/errors.ts';

describe('create and save', () => {
  it('creates a draft with a UUIDv7 id and an @create outbox entry', async () => {
    const { db, repo } = freshRepo();
    const row = await repo.create('care-assessment', 3, { name: '山田' });
    expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(row).toMatchObject({ formId: 'care-assessment', formVersion: 3, status: 'draft', errorCount: 0, answers: { name: '山田' } });
    expect(await repo.get(row.id)).toEqual(row);
    const outbox = await pendingEntries(db, 10);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ recordId: row.id, path: '@create', value: { name: '山田' }, formVersion: 3, baseVersion: 0 });
    expect(outbox[0]?.opId).toBe(`${row.deviceId}:1`);
  });

  it('saveAnswer writes the answer, its clock, errorCount, title and an outbox entry', async () => {
    const { db, repo } = freshRepo();
    const created = await repo.create('ambulance', 1);
    const saved = await repo.saveAnswer(created.id, 'age', 82, { errorCount: 2, title: '82歳 男性' });
    expect(saved.answers).toEqual({ age: 82 });
    expect(saved.errorCount).toBe(2);
    expect(saved.title).toBe('82歳 男性');
    expect(saved.fieldClocks.age).toMatch(/^\d{4}-.*Z-0000-[0-9a-f]{16}$/);
    expect(saved.updatedAt > created.updatedAt).toBe(true);
    expect(await repo.get(created.id)).toEqual(saved);
    const ops = await pendingEntries(db, 10);
    expect(ops.map((o) => [o.path, o.value, o.hlc === saved.fieldClocks.age || o.path === '@create'])).toEqual([
      ['@create', {}, true],
      ['age', 82, true],
    ]);
  });

  it('writes nested paths inside groups and repeats', async () => {
    const { repo } = freshRepo();
    const { id } = await repo.create('disaster', 1, { house: { floors: 2 } });
    await repo.saveAnswer(id, 'house.roof', 'tile', { errorCount: 0 });
    await repo.saveAnswer(id, 'damage[1].part', '外壁', { errorCount: 0 });
    const row = await repo.saveAnswer(id, 'damage[0].part', '屋根', { errorCount: 0 });
    expect(row.answers).toEqual({ house: { floors: 2, roof: 'tile' }, damage: [{ part: '屋根' }, { part: '外壁' }] });
    expect(Object.keys(row.fieldClocks).sort()).toEqual(['damage[0].part', 'damage[1].part', 'house', 'house.roof']);
  });

  it('saveAnswers applies several paths in one save, e.g. removing a repeat entry', async () => {
    const { db, repo } = freshRepo();
    const { id } = await repo.create('vacant', 1, { photos: [{ n: 1 }, { n: 2 }, { n: 3 }] });
    const row = await repo.saveAnswers(id, [{ path: 'photos', value: [{ n: 1 }, { n: 3 }] }, { path: 'count', value: 2 }], { errorCount: 0 });
    expect(row.answers).toEqual({ photos: [{ n: 1 }, { n: 3 }], count: 2 });
    expect((await pendingEntries(db, 10)).map((o) => o.path)).toEqual(['@create', 'photos', 'count']);
  });

  it('refuses a bad path or a shape conflict with a coded error and changes nothing', async () => {
    const { db, repo } = freshRepo();
    const { id } = await repo.create('f', 1, { name: 'a' });
    await expect(repo.saveAnswer(id, 'a..b', 1, { errorCount: 0 })).rejects.toMatchObject({ code: 'E_PATH_INVALID' });
    await expect(repo.saveAnswer(id, '__proto__.x', 1, { errorCount: 0 })).rejects.toMatchObject({ code: 'E_PATH_INVALID' });
    await expect(repo.saveAnswer(id, 'name.first', 1, { errorCount: 0 })).rejects.toMatchObject({ code: 'E_PATH_CONFLICT' });
    await expect(repo.saveAnswer(id, 'x', 1, { errorCount: -1 })).rejects.toMatchObject({ code: 'E_ARGUMENT' });
    await expect(repo.saveAnswer('missing', 'x', 1, { errorCount: 0 })).rejects.toMatchObject({ code: 'E_RECORD_NOT_FOUND' });
    expect((await repo.get(id))?.answers).toEqual({ name: 'a' });
    expect(await db.outbox.count()).toBe(1);
  });

  it('op ids are unique and increasing per device across records', async () => {
    const { db, repo } = freshRepo();
    const a = await repo.create('f', 1);
    const b = await repo.create('f', 1);
    await repo.saveAnswer(a.id, 'x', 1, { errorCount: 0 });
    await repo.saveAnswer(b.id, 'x', 1, { errorCount: 0 });
    const counters = (await pendingEntries(db, 10)).map((o) => Number(o.opId.split(':')[1]));
    expect(counters).toEqual([1, 2, 3, 4]);
  });
});

describe('list and count', () => {
  it('lists a form newest first and counts per form', async () => {
    const { repo } = freshRepo();
    const first = await repo.create('care', 1);
    const second = await repo.create('care', 1);
    await repo.create('ambulance', 1);
    await repo.saveAnswer(first.id, 'x', 1, { errorCount: 0 }); // first is now the most recently edited
    expect((await repo.listByForm('care')).map((r) => r.id)).toEqual([first.id, second.id]);
    expect(await repo.listByForm('none')).toEqual([]);
    expect(await repo.countByForm()).toEqual({ care: 2, ambulance: 1 });
  });
});

describe('status', () => {
  it('finalize is refused with E_RECORD_INVALID while there are errors, and the draft is untouched', async () => {
    const { db, repo } = freshRepo();
    const { id } = await repo.create('f', 1);
    const error = await repo.finalize(id, 3).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).code).toBe('E_RECORD_INVALID');
    expect((await repo.get(id))?.status).toBe('draft');
    expect(await db.outbox.count()).toBe(1);
  });

  it('finalize → ready with an @status entry; edits are refused until reopened', async () => {
    const { db, repo } = freshRepo();
    const { id } = await repo.create('f', 1);
    const ready = await repo.finalize(id, 0);
    expect(ready.status).toBe('ready');
    await expect(repo.saveAnswer(id, 'x', 1, { errorCount: 0 })).rejects.toMatchObject({ code: 'E_RECORD_STATUS' });
    const draft = await repo.reopen(id);
    expect(draft.status).toBe('draft');
    await repo.saveAnswer(id, 'x', 1, { errorCount: 0 });
    const ops = await pendingEntries(db, 10);
    expect(ops.map((o) => [o.path, o.value])).toEqual([['@create', {}], ['@status', 'ready'], ['@status', 'draft'], ['x', 1]]);
  });

  it('reopen is refused once submitted', async () => {
    const { repo } = freshRepo();
    const row = await repo.create('f', 1);
    await repo.putMany([{ ...row, status: 'submitted' }]);
    await expect(repo.reopen(row.id)).rejects.toMatchObject({ code: 'E_RECORD_STATUS' });
  });

  it('acknowledgeWarning stores the reason and queues @ack', async () => {
    const { db, repo } = freshRepo();
    const { id } = await repo.create('f', 1);
    const row = await repo.acknowledgeWarning(id, 'W_BP_HIGH', '測定を2回行った');
    expect(row.acknowledgedWarnings).toEqual({ W_BP_HIGH: '測定を2回行った' });
    await expect(repo.acknowledgeWarning(id, 'W_X', '  ')).rejects.toMatchObject({ code: 'E_ARGUMENT' });
    const last = (await pendingEntries(db, 10)).pop();
    expect(last).toMatchObject({ path: '@ack', value: { code: 'W_BP_HIGH', reason: '測定を2回行った' } });
  });

  it('remove deletes drafts only and queues @delete', async () => {
    const { db, repo } = freshRepo();
    const draft = await repo.create('f', 1);
    const ready = await repo.create('f', 1);
    await repo.finalize(ready.id, 0);
    await expect(repo.remove(ready.id)).rejects.toMatchObject({ code: 'E_RECORD_STATUS' });
    expect(await repo.get(ready.id)).toBeDefined();
    await repo.remove(draft.id);
    expect(await repo.get(draft.id)).toBeUndefined();
    expect((await pendingEntries(db, 10)).pop()).toMatchObject({ recordId: draft.id, path: '@delete' });
  });
});

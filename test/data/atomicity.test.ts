// Autosave is ONE transaction: when any part fails, neither the record nor the outbox (nor the op counter) changes.
import { describe, expect, it } from 'vitest';
import { freshRepo } from './helpers.ts';
import { getSetting } from '../../src/data/settings.ts';

describe('record + outbox atomicity', () => {
  it('a value that cannot be stored (a function) is refused with E_VALUE_NOT_STORABLE; nothing is written', async () => {
    const { db, repo } = freshRepo();
    const { id } = await repo.create('f', 1, { a: 1 });
    const before = await db.records.get(id);
    const error = await repo.saveAnswer(id, 'b', () => 'not data', { errorCount: 0 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'E_VALUE_NOT_STORABLE' });
    expect(await db.records.get(id)).toEqual(before);
    expect(await db.outbox.count()).toBe(1);
  });

  it('when the outbox write throws after the record was put, the record write is rolled back too', async () => {
    const { db, repo } = freshRepo();
    const { id } = await repo.create('f', 1, { a: 1 });
    const before = await db.records.get(id);
    const counterBefore = await getSetting(db, 'opCounter');
    const failOutbox = () => {
      throw new Error('disk on fire');
    };
    db.outbox.hook('creating', failOutbox);
    const error = await repo.saveAnswer(id, 'b', 2, { errorCount: 0 }).catch((e: unknown) => e);
    db.outbox.hook('creating').unsubscribe(failOutbox);
    expect(error).toMatchObject({ code: 'E_STORE_WRITE_FAILED' });
    expect(await db.records.get(id)).toEqual(before);
    expect(await db.outbox.count()).toBe(1);
    expect(await getSetting(db, 'opCounter')).toBe(counterBefore);
    // And the store still works afterwards.
    expect((await repo.saveAnswer(id, 'b', 2, { errorCount: 0 })).answers).toEqual({ a: 1, b: 2 });
  });

  it('when the second of two outbox entries fails, the first entry and the record are rolled back', async () => {
    const { db, repo } = freshRepo();
    const { id } = await repo.create('f', 1);
    let calls = 0;
    const failSecond = () => {
      calls += 1;
      if (calls === 2) throw new Error('refused');
    };
    db.outbox.hook('creating', failSecond);
    await expect(repo.saveAnswers(id, [{ path: 'a', value: 1 }, { path: 'b', value: 2 }], { errorCount: 0 })).rejects.toMatchObject({ code: 'E_STORE_WRITE_FAILED' });
    db.outbox.hook('creating').unsubscribe(failSecond);
    expect(calls).toBe(2);
    expect((await repo.get(id))?.answers).toEqual({});
    expect(await db.outbox.count()).toBe(1);
  });
});

// Rows from an older schema get defaults; damaged rows are flagged with E_RECORD_CORRUPT and kept, never crash or vanish.
import { describe, expect, it } from 'vitest';
import { freshRepo } from './helpers.ts';

describe('rows read from IndexedDB are parsed', () => {
  it('an older row without the newer fields is read with defaults, keeping unknown fields', async () => {
    const { db, repo } = freshRepo();
    await db.records.put({
      id: 'old-1', formId: 'care', formVersion: 1, answers: { a: 1 }, status: 'draft',
      createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z', legacyFlag: true,
    } as never);
    const row = await repo.get('old-1');
    expect(row).toMatchObject({ fieldClocks: {}, errorCount: 0, acknowledgedWarnings: {}, answers: { a: 1 } });
    // Saving it back keeps the field this version does not know about.
    await repo.saveAnswer('old-1', 'b', 2, { errorCount: 0 });
    expect(await db.records.get('old-1')).toMatchObject({ legacyFlag: true, answers: { a: 1, b: 2 } });
  });

  it('a damaged row: get() throws E_RECORD_CORRUPT, lists skip it, listCorrupt() names it, and it stays stored', async () => {
    const { db, repo } = freshRepo();
    const good = await repo.create('care', 1);
    const damaged = { id: 'bad-1', formId: 'care', formVersion: 1, answers: 'not an object', status: 'weird', createdAt: 'x', updatedAt: '2030-01-01T00:00:00.000Z' };
    await db.records.put(damaged as never);
    await expect(repo.get('bad-1')).rejects.toMatchObject({ code: 'E_RECORD_CORRUPT' });
    expect((await repo.listByForm('care')).map((r) => r.id)).toEqual([good.id]);
    const corrupt = await repo.listCorrupt();
    expect(corrupt).toHaveLength(1);
    expect(corrupt[0]?.id).toBe('bad-1');
    expect(corrupt[0]?.message).toMatch(/answers/);
    await expect(repo.saveAnswer('bad-1', 'a', 1, { errorCount: 0 })).rejects.toMatchObject({ code: 'E_RECORD_CORRUPT' });
    expect(await db.records.get('bad-1')).toEqual(damaged);
    expect(await repo.countByForm()).toEqual({ care: 2 });
  });
});

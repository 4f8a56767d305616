// Data survives closing and reopening the database (a reload or a killed tab), including the device id and op counter.
import { describe, expect, it } from 'vitest';
import { openTestDb, uniqueDbName } from './helpers.ts';
import { RecordRepository } from '../../src/data/records.ts';
import { pendingEntries } from '../../src/data/outbox.ts';
import { getDeviceId } from '../../src/data/settings.ts';

describe('persistence across reopening', () => {
  it('a draft saved before close is there after reopening, and op ids continue', async () => {
    const name = uniqueDbName();
    const db1 = openTestDb(name);
    const repo1 = new RecordRepository(db1);
    const { id } = await repo1.create('care', 1);
    await repo1.saveAnswer(id, 'house.floors', 2, { errorCount: 1, title: '2階建' });
    const deviceId = await getDeviceId(db1);
    db1.close();

    const db2 = openTestDb(name);
    const repo2 = new RecordRepository(db2);
    expect(await repo2.get(id)).toMatchObject({ answers: { house: { floors: 2 } }, errorCount: 1, title: '2階建' });
    expect(await getDeviceId(db2)).toBe(deviceId);
    await repo2.saveAnswer(id, 'name', '山田', { errorCount: 0 });
    expect((await pendingEntries(db2, 10)).map((o) => o.opId)).toEqual([`${deviceId}:1`, `${deviceId}:2`, `${deviceId}:3`]);
  });

  it('putMany writes many rows in one bulk write', async () => {
    const db = openTestDb();
    const repo = new RecordRepository(db);
    const template = await repo.create('bulk', 1);
    const rows = Array.from({ length: 500 }, (_, i) => ({ ...template, id: `${template.id}-${i}`, answers: { n: i }, updatedAt: `2025-01-01T00:00:${String(i % 60).padStart(2, '0')}.000Z` }));
    await repo.putMany(rows);
    expect(await repo.countByForm()).toEqual({ bulk: 501 });
    expect((await repo.get(`${template.id}-499`))?.answers).toEqual({ n: 499 });
    await expect(repo.putMany([{ ...template, id: 'x', answers: { f: () => 1 } }])).rejects.toMatchObject({ code: 'E_VALUE_NOT_STORABLE' });
    expect(await repo.get('x')).toBeUndefined();
  });
});

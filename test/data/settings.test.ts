// Settings and the device clock: typed values validated both ways, one device id, the HLC state persisted and never going back.
import { describe, expect, it } from 'vitest';
import { freshRepo, openTestDb } from './helpers.ts';
import { getDeviceId, getSetting, setSetting } from '../../src/data/settings.ts';
import { observeRemoteClock } from '../../src/data/deviceClock.ts';
import { compareText } from '../../src/protocol/hlc.ts';

const DAY = 24 * 60 * 60 * 1000;

describe('settings', () => {
  it('stores typed values and refuses invalid ones with E_SETTING_INVALID', async () => {
    const db = openTestDb();
    expect(await getSetting(db, 'language')).toBeUndefined();
    await setSetting(db, 'language', 'en');
    expect(await getSetting(db, 'language')).toBe('en');
    await expect(setSetting(db, 'language', 'fr' as never)).rejects.toMatchObject({ code: 'E_SETTING_INVALID' });
    expect(await getSetting(db, 'language')).toBe('en');
  });

  it('reads an unreadable stored value as absent without deleting it', async () => {
    const db = openTestDb();
    await db.settings.put({ key: 'language', value: 42 });
    expect(await getSetting(db, 'language')).toBeUndefined();
    expect(await db.settings.get('language')).toEqual({ key: 'language', value: 42 });
  });

  it('creates the device id once, even when asked concurrently', async () => {
    const db = openTestDb();
    const ids = await Promise.all([getDeviceId(db), getDeviceId(db), getDeviceId(db)]);
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('device clock', () => {
  it('persists the clock: after the wall clock jumps back, new edits still sort after earlier ones', async () => {
    const { db, repo, clock } = freshRepo();
    const { id } = await repo.create('f', 1);
    const early = await repo.saveAnswer(id, 'a', 1, { errorCount: 0 });
    clock.set(Date.UTC(2020, 0, 1)); // the tablet's clock was reset
    const later = await repo.saveAnswer(id, 'b', 1, { errorCount: 0 });
    expect(compareText(later.fieldClocks.b!, early.fieldClocks.a!)).toBe(1);
    expect(await getSetting(db, 'hlc')).toBe(later.fieldClocks.b);
  });

  it('a server clock seen on pull moves the device clock forward; one days ahead is rejected', async () => {
    const { db, repo } = freshRepo();
    const { id } = await repo.create('f', 1);
    const now = Date.UTC(2025, 4, 1, 9, 0, 0);
    const serverStamp = new Date(now + 60_000).toISOString() + '-0005-5e5e5e5e5e5e5e5e';
    expect(await observeRemoteClock(db, serverStamp, now)).toEqual({ ok: true });
    const next = await repo.saveAnswer(id, 'a', 1, { errorCount: 0 });
    expect(compareText(next.fieldClocks.a!, serverStamp)).toBe(1);
    const farAhead = new Date(now + 3 * DAY).toISOString() + '-0000-5e5e5e5e5e5e5e5e';
    const before = await getSetting(db, 'hlc');
    expect(await observeRemoteClock(db, farAhead, now)).toMatchObject({ ok: false, code: 'E_CLOCK_DRIFT' });
    expect(await getSetting(db, 'hlc')).toBe(before);
    expect(await observeRemoteClock(db, 'garbage', now)).toMatchObject({ ok: false, code: 'E_HLC_FORMAT' });
  });
});

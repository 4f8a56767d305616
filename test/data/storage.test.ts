// Persistent-storage request and usage/quota estimate, with browsers that lack or refuse the Storage API.
import { describe, expect, it } from 'vitest';
import { requestPersistence, storageEstimate, type StorageLike } from '../../src/data/storage.ts';

describe('storage', () => {
  it('asks for persistence only when not yet persisted, and reports the answer', async () => {
    let asked = 0;
    const granting: StorageLike = { persisted: async () => false, persist: async () => (asked++, true) };
    expect(await requestPersistence(granting)).toBe(true);
    expect(asked).toBe(1);
    const already: StorageLike = { persisted: async () => true, persist: async () => (asked++, false) };
    expect(await requestPersistence(already)).toBe(true);
    expect(asked).toBe(1);
  });

  it('returns false / null when the API is missing or throws (Node has no navigator.storage)', async () => {
    expect(await requestPersistence({ persist: async () => { throw new Error('denied'); } })).toBe(false);
    expect(await requestPersistence(undefined)).toBe(false);
    expect(await requestPersistence()).toBe(false);
    expect(await storageEstimate(undefined)).toBeNull();
    expect(await storageEstimate({ estimate: async () => { throw new Error('x'); } })).toBeNull();
  });

  it('reads usage, quota and persisted', async () => {
    const storage: StorageLike = { estimate: async () => ({ usage: 1200, quota: 5_000_000 }), persisted: async () => true };
    expect(await storageEstimate(storage)).toEqual({ usage: 1200, quota: 5_000_000, persisted: true });
  });
});

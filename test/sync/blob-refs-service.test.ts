// blob_refs follows the answers in the push transaction (merges included): who may read a photo is who may read a record naming it.
import { afterEach, describe, expect, it } from 'vitest';
import { blobHashesOf } from '../../sync-server/src/blobs/blob-refs.ts';
import type { Scope, SyncStore } from '../../sync-server/src/storage/sync-store.ts';
import { applyPush } from '../../sync-server/src/sync/push-service.ts';
import type { SyncDeps } from '../../sync-server/src/sync/types.ts';
import { aBlob } from '../conformance/fixtures.ts';
import { actor, hlcAt, op, push, storeFactories, T0, testCatalog } from './fixtures.ts';

const factories = await storeFactories();
const H = (c: string) => c.repeat(64);
const photo = (c: string) => ({ hash: H(c), mime: 'image/png' });
const ALL: Scope = { formIds: ['sync-test'], userId: null };

describe('blobHashesOf', () => {
  it('finds hash and originalHash at any depth, and nothing in text', () => {
    const answers = { rooms: [{ pics: [{ hash: H('a'), mime: 'image/jpeg', originalHash: H('b') }] }], sig: photo('c'), note: `{"hash":"${H('d')}"}`, short: { hash: 'abc' } };
    expect([...blobHashesOf(answers)].sort()).toEqual([H('a'), H('b'), H('c')]);
  });
});

describe.each(factories)('blob refs through the sync services on $name', ({ open }) => {
  let store: SyncStore;
  let deps: SyncDeps;
  const A = actor('u-a', 'devA');
  const B = actor('u-b', 'devB', 'disaster_surveyor', false);
  afterEach(async () => { await store?.close(); });

  const visible = (scope: Scope, userId = 'u-nobody') =>
    store.transaction(async (tx) => (await tx.visibleBlobs(['a', 'b', 'c', 'd'].map(H), scope, userId, 'until-referenced')).sort());

  it('a push naming photos indexes them; replacing them moves the index; merged lists name every photo', async () => {
    store = await open();
    deps = { store, forms: testCatalog(), now: () => new Date(T0 + 60_000) };
    await store.transaction(async (tx) => { for (const c of ['a', 'b', 'c', 'd']) await tx.putBlob(aBlob(H(c))); });

    expect((await applyPush(deps, A, push('devA', [op('devA', 1, '@create', { name: 'n', photos: [photo('a')] })]))).ok).toBe(true);
    expect(await visible(ALL)).toEqual([H('a')]);
    expect(await visible(A.scope)).toEqual([H('a')]);
    expect(await visible({ formIds: ['sync-test'], userId: 'u-c' })).toEqual([]);

    await applyPush(deps, A, push('devA', [op('devA', 2, 'photos', [photo('b')], { baseVersion: 1 })]));
    expect(await visible(ALL)).toEqual([H('b')]);

    // Two devices add photos from the same base: the photo lists merge, and the record names all of them.
    await applyPush(deps, A, push('devA', [op('devA', 3, 'photos', [photo('b'), photo('c')], { baseVersion: 2 })]));
    const pushed = await applyPush(deps, B, push('devB', [op('devB', 1, 'photos', [photo('b'), photo('d')], { baseVersion: 2, hlc: hlcAt(T0 + 1000, '00000000000000bb') })]));
    expect(pushed.ok && pushed.response.results[0]!.outcome).toBe('merged');
    expect(await visible(ALL)).toEqual([H('b'), H('c'), H('d')]);
    // A field user who is neither owner nor assignee reads none of them.
    expect(await visible({ formIds: ['sync-test'], userId: 'u-b' }, 'u-b')).toEqual([]);
  });
});

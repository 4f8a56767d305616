// Blob part of the ONE SyncStore conformance suite: blob refs decide who may read a blob, uploaders, unfinished uploads, collection.
import { describe, expect, it } from 'vitest';
import type { Scope, SyncTx } from '../../sync-server/src/storage/sync-store.ts';
import { aBlob, aRecord } from './fixtures.ts';

export interface BlobAccessContext {
  tx<T>(fn: (tx: SyncTx) => Promise<T>): Promise<T>;
  /** SQL stores: runs SQL around the adapter, then migrate() again (re-applies a migration whose record was deleted). */
  remigrate: ((sql: string) => Promise<void>) | null;
}

const H = (c: string) => c.repeat(64);
const FIELD: Scope = { formIds: ['field-check'], userId: 'u-field' };
const OTHER: Scope = { formIds: ['field-check'], userId: 'u-other' };
const SUPERVISOR: Scope = { formIds: ['field-check', 'care-assessment'], userId: null };
const sorted = (xs: string[]) => [...xs].sort();

export function describeBlobAccessConformance(ctx: BlobAccessContext): void {
  const { tx, remigrate } = ctx;

  describe('blob access', () => {
    it('a blob is visible through a record in scope that references it; the uploader sees it only until it is referenced', async () => {
      await tx(async (t) => {
        for (const c of ['a', 'b', 'c']) await t.putBlob(aBlob(H(c)));
        await t.addBlobUploader(H('a'), 'u-field', '2026-12-01T00:00:00.000Z');
        await t.addBlobUploader(H('b'), 'u-other', '2026-12-01T00:00:00.000Z');
        await t.putRecord(aRecord('rec-other', { ownerId: 'u-other', changeSeq: 1 }));
        await t.setBlobRefs('rec-other', [H('b')], '2026-12-01T00:00:00.000Z');
      });
      await tx(async (t) => {
        const all = [H('a'), H('b'), H('c'), H('d')];
        expect(await t.visibleBlobs(all, FIELD, 'u-field', 'until-referenced')).toEqual([H('a')]);
        expect(await t.visibleBlobs(all, OTHER, 'u-other', 'until-referenced')).toEqual([H('b')]);
        // A supervisor reads every referenced blob, not an unreferenced upload of someone else.
        expect(await t.visibleBlobs(all, SUPERVISOR, 'u-boss', 'until-referenced')).toEqual([H('b')]);
        // An assignee reads through the assignment; another form's scope does not.
        await t.putRecord(aRecord('rec-other', { ownerId: 'u-other', assigneeId: 'u-field', changeSeq: 2 }));
        expect(sorted(await t.visibleBlobs(all, FIELD, 'u-field', 'until-referenced'))).toEqual([H('a'), H('b')]);
        expect(await t.visibleBlobs(all, { formIds: ['care-assessment'], userId: 'u-field' }, 'u-x', 'until-referenced')).toEqual([]);
      });
      await tx(async (t) => {
        // Referenced by a record out of the uploader's scope: the uploader no longer reads it, but `missing` still knows it.
        await t.putRecord(aRecord('rec-third', { ownerId: 'u-third', changeSeq: 3 }));
        await t.setBlobRefs('rec-third', [H('a')], '2026-12-01T00:00:00.000Z');
        expect(await t.visibleBlobs([H('a')], FIELD, 'u-field', 'until-referenced')).toEqual([]);
        expect(await t.visibleBlobs([H('a')], FIELD, 'u-field', 'always')).toEqual([H('a')]);
        expect(await t.visibleBlobs([H('a')], OTHER, 'u-other', 'always')).toEqual([]);
      });
    });

    it.runIf(remigrate !== null)('the migration indexes the blobs that records stored before it name (photos in repeats, originals)', async () => {
      await tx(async (t) => {
        for (const c of ['a', 'b', 'c']) await t.putBlob(aBlob(H(c)));
        const photos = [{ hash: H('a'), mime: 'image/jpeg', originalHash: H('b') }];
        await t.putRecord(aRecord('rec-old', { ownerId: 'u-field', changeSeq: 1, answers: { buildings: [{ building_photos: photos }], note: `"hash":"${H('c')}"` } }));
      });
      expect(await tx((t) => t.visibleBlobs([H('a'), H('b'), H('c')], FIELD, 'u-x', 'always'))).toEqual([]);
      await remigrate!(`DELETE FROM schema_migrations WHERE id = '2026-12-05-blob-access';
        DROP TABLE blob_refs; DROP TABLE blob_uploaders; DROP TABLE blob_uploads; ALTER TABLE blobs DROP COLUMN touched_at;`);
      // A hash inside a text answer is not a reference: only "hash" / "originalHash" members of objects are.
      expect(sorted(await tx((t) => t.visibleBlobs([H('a'), H('b'), H('c')], FIELD, 'u-x', 'always')))).toEqual([H('a'), H('b')]);
    });

    it('setBlobRefs replaces the record\'s set; a dropped reference restarts the grace period', async () => {
      await tx(async (t) => {
        await t.putBlob(aBlob(H('a'), { createdAt: '2026-11-01T00:00:00.000Z' }));
        await t.putBlob(aBlob(H('b'), { createdAt: '2026-11-01T00:00:00.000Z' }));
        await t.putRecord(aRecord('rec-1', { changeSeq: 1 }));
        await t.setBlobRefs('rec-1', [H('a'), H('b')], '2026-11-02T00:00:00.000Z');
        expect(await t.listUnreferencedBlobs('2026-12-01T00:00:00.000Z', 10)).toEqual([]);
        await t.setBlobRefs('rec-1', [H('b')], '2026-11-20T00:00:00.000Z');
        // Touched on 11-20: not collectable before then, collectable after.
        expect(await t.listUnreferencedBlobs('2026-11-15T00:00:00.000Z', 10)).toEqual([]);
        expect((await t.listUnreferencedBlobs('2026-11-21T00:00:00.000Z', 10)).map((b) => b.hash)).toEqual([H('a')]);
        expect(await t.deleteUnreferencedBlob(H('b'))).toBe(false);
        expect(await t.deleteUnreferencedBlob(H('a'))).toBe(true);
        expect(await t.getBlob(H('a'))).toBeNull();
        expect(await t.getBlob(H('b'))).not.toBeNull();
      });
    });

    it('a second upload of the same bytes by another user records them too and touches the blob; quota counts stored and in-flight bytes', async () => {
      await tx(async (t) => {
        await t.putBlob(aBlob(H('a'), { size: 1000, createdAt: '2026-11-01T00:00:00.000Z' }));
        await t.addBlobUploader(H('a'), 'u-field', '2026-11-01T00:00:00.000Z');
        await t.addBlobUploader(H('a'), 'u-field', '2026-11-02T00:00:00.000Z');
        await t.addBlobUploader(H('a'), 'u-other', '2026-11-25T00:00:00.000Z');
        expect(await t.blobBytesOf('u-field')).toBe(1000);
        expect(await t.blobBytesOf('u-other')).toBe(1000);
        expect(await t.listUnreferencedBlobs('2026-11-20T00:00:00.000Z', 10)).toEqual([]);
        expect(await t.visibleBlobs([H('a')], OTHER, 'u-other', 'until-referenced')).toEqual([H('a')]);
        await t.putBlobUpload({ id: 'up-1', userId: 'u-field', hash: H('c'), mime: 'image/png', length: 500, createdAt: '2026-11-03T00:00:00.000Z' });
        await t.putBlobUpload({ id: 'up-2', userId: 'u-field', hash: H('d'), mime: 'image/png', length: 70, createdAt: '2026-11-01T00:00:00.000Z' });
        expect(await t.blobBytesOf('u-field')).toBe(1570);
        expect(await t.blobBytesOf('u-nobody')).toBe(0);
        expect(await t.getBlobUpload('up-1')).toEqual({ id: 'up-1', userId: 'u-field', hash: H('c'), mime: 'image/png', length: 500, createdAt: '2026-11-03T00:00:00.000Z' });
        expect((await t.listBlobUploadsBefore('2026-11-04T00:00:00.000Z', 10)).map((u) => u.id)).toEqual(['up-2', 'up-1']);
        expect((await t.listBlobUploadsBefore('2026-11-02T00:00:00.000Z', 10)).map((u) => u.id)).toEqual(['up-2']);
        await t.deleteBlobUpload('up-2');
        expect(await t.getBlobUpload('up-2')).toBeNull();
        expect(await t.blobBytesOf('u-field')).toBe(1500);
        expect(await t.deleteUnreferencedBlob(H('a'))).toBe(true);
        expect(await t.blobBytesOf('u-other')).toBe(0);
      });
    });
  });
}

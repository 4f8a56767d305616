// Attachments: SHA-256 of a known input, content-addressed and idempotent, listed per record and queued for upload.
import { describe, expect, it } from 'vitest';
import { openTestDb } from './helpers.ts';
import { attachmentsOf, getAttachment, markUploaded, pendingUploads, putAttachment, sha256Hex } from '../../src/data/attachments.ts';

const ABC_SHA256 = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

describe('attachments', () => {
  it('sha256Hex gives the FIPS 180-2 digest of "abc" for a Blob and an ArrayBuffer', async () => {
    expect(await sha256Hex(new Blob(['abc']))).toBe(ABC_SHA256);
    expect(await sha256Hex(new TextEncoder().encode('abc').buffer as ArrayBuffer)).toBe(ABC_SHA256);
  });

  it('stores a blob under its hash; the same content again returns the first row', async () => {
    const db = openTestDb();
    const first = await putAttachment(db, { recordId: 'r1', path: 'photos[0].image', kind: 'photo', mime: 'image/jpeg', blob: new Blob(['abc'], { type: 'image/jpeg' }), width: 4, height: 3 });
    expect(first).toMatchObject({ hash: ABC_SHA256, size: 3, uploaded: false, width: 4 });
    const again = await putAttachment(db, { recordId: 'r2', path: 'sig', kind: 'signature', mime: 'image/png', blob: new Blob(['abc']) });
    expect(again).toEqual(first);
    expect(await db.attachments.count()).toBe(1);
    const stored = await getAttachment(db, ABC_SHA256);
    expect(await stored?.blob.text()).toBe('abc');
  });

  it('lists a record’s attachments and those waiting for upload', async () => {
    const db = openTestDb();
    const a = await putAttachment(db, { recordId: 'r1', path: 'p', kind: 'photo', mime: 'image/jpeg', blob: new Blob(['one']) });
    await putAttachment(db, { recordId: 'r1', path: 'p', kind: 'photo-original', mime: 'image/jpeg', blob: new Blob(['two']) });
    await putAttachment(db, { recordId: 'r2', path: 's', kind: 'signature', mime: 'image/png', blob: new Blob(['three']) });
    expect((await attachmentsOf(db, 'r1')).map((r) => r.kind).sort()).toEqual(['photo', 'photo-original']);
    await markUploaded(db, a.hash);
    expect((await pendingUploads(db)).map((r) => r.recordId).sort()).toEqual(['r1', 'r2']);
    expect((await pendingUploads(db)).some((r) => r.hash === a.hash)).toBe(false);
  });

  it('refuses input that is not a blob or has an unknown kind, with E_ATTACHMENT_INVALID', async () => {
    const db = openTestDb();
    await expect(putAttachment(db, { recordId: 'r', path: 'p', kind: 'photo', mime: 'x', blob: 'abc' as never })).rejects.toMatchObject({ code: 'E_ATTACHMENT_INVALID' });
    await expect(putAttachment(db, { recordId: 'r', path: 'p', kind: 'video' as never, mime: 'x', blob: new Blob(['a']) })).rejects.toMatchObject({ code: 'E_ATTACHMENT_INVALID' });
    expect(await db.attachments.count()).toBe(0);
  });

  it('refuses a type the kind may not have: a signature is PNG only (no SVG), a photo JPEG, PNG or WebP', async () => {
    const db = openTestDb();
    const svg = new Blob(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], { type: 'image/svg+xml' });
    await expect(putAttachment(db, { recordId: 'r', path: 's', kind: 'signature', mime: 'image/svg+xml', blob: svg })).rejects.toMatchObject({ code: 'E_ATTACHMENT_INVALID' });
    await expect(putAttachment(db, { recordId: 'r', path: 's', kind: 'signature', mime: 'image/jpeg', blob: new Blob(['j']) })).rejects.toMatchObject({ code: 'E_ATTACHMENT_INVALID' });
    for (const kind of ['photo', 'photo-original'] as const) {
      await expect(putAttachment(db, { recordId: 'r', path: 'p', kind, mime: 'text/html', blob: new Blob(['<p>']) })).rejects.toMatchObject({ code: 'E_ATTACHMENT_INVALID' });
      await expect(putAttachment(db, { recordId: 'r', path: 'p', kind, mime: 'image/heic', blob: new Blob(['h']) })).rejects.toMatchObject({ code: 'E_ATTACHMENT_INVALID' });
    }
    expect(await db.attachments.count()).toBe(0);
    await putAttachment(db, { recordId: 'r', path: 'p', kind: 'photo', mime: 'image/webp', blob: new Blob(['w']) });
    expect(await db.attachments.count()).toBe(1);
  });
});

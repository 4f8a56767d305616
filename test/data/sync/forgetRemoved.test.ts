// A pulled page's `removed` deletes those records with their outbox, rejected ops and attachments in the page's transaction, keeping a blob another record still uses.
import { describe, expect, it } from 'vitest';
import { putAttachment } from '../../../src/data/attachments.ts';
import { entriesOf } from '../../../src/data/outbox.ts';
import { getSetting } from '../../../src/data/settings.ts';
import { storePullPage } from '../../../src/data/sync/pullPage.ts';
import { format, nodeIdFrom } from '../../../src/protocol/hlc.ts';
import type { PullResponse } from '../../../src/protocol/pull.ts';
import { freshRepo } from '../helpers.ts';

const blob = (text: string) => new Blob([text], { type: 'image/jpeg' });

function page(removed: string[], checkpoint: number): PullResponse {
  return { records: [], conflicts: [], removed, checkpoint, hasMore: false, serverHlc: format({ millis: Date.UTC(2026, 10, 1), counter: 0, node: nodeIdFrom('server') }) };
}

describe('forgetting records that left the user\'s scope', () => {
  it('deletes the record, its outbox and rejected ops and its own blob; a blob another record uses stays, handed to that record', async () => {
    const { db, repo } = freshRepo();
    const gone = await repo.create('field-check', 1, {});
    const kept = await repo.create('field-check', 1, {});
    const shared = await putAttachment(db, { recordId: gone.id, path: 'photos', kind: 'photo', mime: 'image/jpeg', blob: blob('shared photo') });
    const own = await putAttachment(db, { recordId: gone.id, path: 'photos', kind: 'photo', mime: 'image/jpeg', blob: blob('only in the removed record') });
    const keptOwn = await putAttachment(db, { recordId: kept.id, path: 'photos', kind: 'photo', mime: 'image/jpeg', blob: blob('only in the kept record') });
    await repo.putMany([
      { ...gone, answers: { photos: [{ hash: shared.hash }, { hash: own.hash }] } },
      { ...kept, answers: { photos: [{ hash: shared.hash }, { hash: keptOwn.hash }] } },
    ]);
    const [goneCreate] = await entriesOf(db, gone.id);
    await db.rejectedOps.put({ ...goneCreate!, opId: 'dev:99', rejection: { code: 'E_SCOPE', message: 'not yours' }, rejectedAt: '2026-11-01T00:00:00Z' });
    expect(await entriesOf(db, gone.id)).not.toEqual([]);

    const outcome = await storePullPage(db, page([gone.id, 'never-on-this-device'], 7), 'dev');

    expect(outcome).toMatchObject({ forgotten: 1, checkpoint: 7 });
    expect(await db.records.get(gone.id)).toBeUndefined();
    expect(await entriesOf(db, gone.id)).toEqual([]);
    expect(await db.rejectedOps.where('recordId').equals(gone.id).count()).toBe(0);
    expect(await db.attachments.get(own.hash)).toBeUndefined();
    expect((await db.attachments.get(shared.hash))?.recordId).toBe(kept.id);
    expect((await db.attachments.get(keptOwn.hash))?.recordId).toBe(kept.id);
    expect((await repo.get(kept.id))?.answers).toEqual({ photos: [{ hash: shared.hash }, { hash: keptOwn.hash }] });
    expect(await entriesOf(db, kept.id)).not.toEqual([]);
    expect(await getSetting(db, 'syncCheckpoint')).toBe(7);
  });

  it('a page whose store fails keeps the records, the outbox and the old checkpoint', async () => {
    const { db, repo } = freshRepo();
    const gone = await repo.create('field-check', 1, {});
    const hook = () => {
      throw new Error('disk full');
    };
    db.settings.hook('creating', hook);
    await expect(storePullPage(db, page([gone.id], 3), 'dev')).rejects.toThrow();
    db.settings.hook('creating').unsubscribe(hook);
    expect(await repo.get(gone.id)).toBeDefined();
    expect(await entriesOf(db, gone.id)).not.toEqual([]);
    expect(await getSetting(db, 'syncCheckpoint')).toBeUndefined();
  });
});

// Deletes records that left this user's scope (a pull page's `removed`) with their outbox, rejected ops and attachments; runs inside the page's transaction.
import type { GenbaDb } from '../db.ts';

/**
 * Call inside a 'rw' transaction over records, outbox, rejectedOps and attachments. Returns how many of the
 * records were on the device. Unsent outbox ops go too: the server refuses them now (E_SCOPE), and keeping the
 * values would keep the very data that must leave the device.
 * Attachments are stored once per content: one the removed record first referenced but another local record's
 * answers still mention (by hash) is handed to that record instead of deleted.
 */
export async function forgetRecords(db: GenbaDb, recordIds: readonly string[]): Promise<number> {
  const gone = new Set(recordIds);
  if (gone.size === 0) return 0;
  const ids = [...gone];
  const present = (await db.records.bulkGet(ids)).filter((row) => row !== undefined).length;
  await db.records.bulkDelete(ids);
  await db.outbox.filter((entry) => gone.has(entry.recordId)).delete();
  await db.rejectedOps.where('recordId').anyOf(ids).delete();
  const attachments = await db.attachments.where('recordId').anyOf(ids).toArray();
  if (attachments.length > 0) {
    const unclaimed = new Set(attachments.map((a) => a.hash));
    const claims = new Map<string, string>();
    // The answers hold photo/signature values as {hash, …}; a hash is 64 hex digits, so a text search cannot mistake it.
    await db.records.each((row) => {
      const text = JSON.stringify(row.answers);
      for (const hash of unclaimed) {
        if (text.includes(hash)) {
          claims.set(hash, row.id);
          unclaimed.delete(hash);
        }
      }
    });
    for (const [hash, recordId] of claims) await db.attachments.update(hash, { recordId });
    if (unclaimed.size > 0) await db.attachments.bulkDelete([...unclaimed]);
  }
  return present;
}

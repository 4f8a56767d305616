// The server's own stamp for a change it makes to a record (like a review): the next server HLC and the change sequence devices pull by.
import { format, send } from '../../../src/protocol/hlc.ts';
import type { FieldMeta, SyncTx } from '../storage/sync-store.ts';
import { loadServerClock, saveServerClock, SERVER_NODE } from '../sync/server-clock.ts';

/**
 * Takes the next change sequence and stamps it with the server's clock; the clock is saved in the same
 * transaction. Lock the records you change (getRecords) before calling it (store guarantee 6).
 */
export async function serverStamp(tx: SyncTx, now: Date, opPrefix: string, recordId: string): Promise<FieldMeta> {
  const clock = send(await loadServerClock(tx), now.getTime());
  const seq = await tx.nextChangeSeq();
  await saveServerClock(tx, clock);
  return { version: seq, hlc: format(clock), deviceId: SERVER_NODE, opId: `${opPrefix}:${recordId}:${seq}` };
}

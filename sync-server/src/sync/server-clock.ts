// The server's hybrid logical clock, kept in the store's meta table so it survives restarts and never runs backwards.
import { createClock, format, type Hlc, parse } from '../../../src/protocol/hlc.ts';
import type { SyncTx } from '../storage/sync-store.ts';

const CLOCK_KEY = 'server-hlc';
/** The server's node id in HLC timestamps (devices derive theirs from uuids, which never end in this). */
export const SERVER_NODE = '5e5e5e5e5e5e5e5e';

export async function loadServerClock(tx: SyncTx): Promise<Hlc> {
  const saved = await tx.getMeta(CLOCK_KEY);
  const parsed = typeof saved === 'string' ? parse(saved) : null;
  if (parsed?.ok) return parsed.value;
  const fresh = createClock(SERVER_NODE);
  if (!fresh.ok) throw new Error(fresh.message);
  return fresh.value;
}

export async function saveServerClock(tx: SyncTx, clock: Hlc): Promise<void> {
  await tx.setMeta(CLOCK_KEY, format(clock));
}

// Stamps local changes: the next op ids and hybrid-logical-clock timestamps, with the counter and clock state kept in settings.
//
// Call inside the same Dexie transaction that writes the record and its outbox entries (it needs
// the settings table in scope): then a failed write also leaves the counter and clock unchanged,
// and two concurrent saves can never draw the same counter (IndexedDB serialises rw transactions).
import type { GenbaDb } from './db.ts';
import { DataError } from './errors.ts';
import { getDeviceId, getSetting } from './settings.ts';
import { createClock, format, nodeIdFrom, parse, receive, send, type Hlc, type HlcError } from '../protocol/hlc.ts';
import { formatOpId } from '../protocol/ids.ts';
import { observeServerHlc } from '../protocol/replica.ts';

export interface Stamp {
  opId: string;
  hlc: string;
}

async function loadClock(db: GenbaDb, deviceId: string): Promise<Hlc> {
  const node = nodeIdFrom(deviceId);
  const saved = await getSetting(db, 'hlc');
  const parsed = saved === undefined ? undefined : parse(saved);
  if (parsed?.ok && parsed.value.node === node) return parsed.value;
  // No (or unreadable) saved state: restart from zero; send() jumps to the wall clock, and op ids stay unique by counter.
  const fresh = createClock(node);
  if (!fresh.ok) throw new DataError('E_CLOCK_STATE', fresh.message);
  return fresh.value;
}

/** `count` consecutive stamps for changes made at `now` (ms since epoch). */
export async function nextStamps(db: GenbaDb, count: number, now: number): Promise<{ deviceId: string; stamps: Stamp[] }> {
  const deviceId = await getDeviceId(db);
  let clock = await loadClock(db, deviceId);
  let counter = (await getSetting(db, 'opCounter')) ?? 0;
  const stamps: Stamp[] = [];
  for (let i = 0; i < count; i++) {
    clock = send(clock, now);
    counter += 1;
    stamps.push({ opId: formatOpId(deviceId, counter), hlc: format(clock) });
  }
  await db.settings.bulkPut([
    { key: 'opCounter', value: counter },
    { key: 'hlc', value: format(clock) },
  ]);
  return { deviceId, stamps };
}

/**
 * Merges a timestamp seen from the server (pull) into the device clock, so the next local edit sorts
 * after it. A remote clock too far ahead is rejected (E_CLOCK_DRIFT) and the device clock is left as it was.
 */
export async function observeRemoteClock(db: GenbaDb, remote: string, now: number): Promise<{ ok: true } | HlcError> {
  const parsed = parse(remote);
  if (!parsed.ok) return parsed;
  return db.transaction('rw', db.settings, async () => {
    const clock = await loadClock(db, await getDeviceId(db));
    const merged = receive(clock, parsed.value, now);
    if (!merged.ok) return merged;
    await db.settings.put({ key: 'hlc', value: format(merged.value) });
    return { ok: true as const };
  });
}

/**
 * Moves the device clock past the sync server's timestamp (push and pull answers). Unlike a peer's clock,
 * the server's is trusted however far the device's wall clock lags: a tablet days behind must still
 * stamp its next edit after everything it has seen. An unreadable timestamp leaves the clock as it was.
 */
export async function followServerClock(db: GenbaDb, serverHlc: string, now: number): Promise<void> {
  await db.transaction('rw', db.settings, () => followServerClockInTx(db, serverHlc, now));
}

/** followServerClock inside the caller's rw transaction (settings in scope), e.g. with a pulled page. */
export async function followServerClockInTx(db: GenbaDb, serverHlc: string, now: number): Promise<void> {
  const clock = await loadClock(db, await getDeviceId(db));
  const next = observeServerHlc(clock, serverHlc, now);
  if (next !== clock) await db.settings.put({ key: 'hlc', value: format(next) });
}

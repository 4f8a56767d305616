// Hybrid logical clock (HLC): timestamps that sort in causal order even when device clocks disagree.
//
// Format (fixed width up to the node id, so plain string comparison is causal order):
//
//     2025-05-01T09:30:00.123Z-002A-9f86d081884c7d65
//     └─ wall time, ISO ms ──┘ └ctr┘ └─ node id ───┘
//
// - wall time: the largest physical time (ms) this clock has seen, locally or from a peer.
// - counter:   4 upper-case hex digits, orders events within the same millisecond.
// - node id:   16 lower-case hex digits naming the device (or server); breaks exact ties so that
//              two replicas never mint the same timestamp.
//
// Rules (Kulkarni et al., as in actualbudget's crdt/timestamp.ts):
// - send(clock, now):            next local event; never goes backwards, even when `now` does.
// - receive(clock, remote, now): merge a peer's timestamp; the result is after both.
//
// Drift. A device whose wall clock is days ahead would mint timestamps that beat every edit made
// after them (last-writer-wins by HLC). Two guards, and which one applies is explicit:
// - receive() REJECTS a remote timestamp more than `maxDriftMs` ahead of `now`
//   (E_CLOCK_DRIFT) and leaves the local clock untouched, so one fast clock cannot drag every
//   replica into the future.
// - admit() CLAMPS instead: a too-far-ahead remote event is re-stamped with the receiver's own
//   send(), i.e. ordered at its arrival time. The sync server uses admit() on push, so a fast
//   device's edit is kept (nothing lost) but cannot beat an edit made causally after it arrived.
// The counter never overflows into an error: past 0xFFFF the clock borrows the next millisecond.
//
// No module state: the clock is a value passed in and returned (the device keeps it in settings).

export const HLC_MAX_COUNTER = 0xffff;
/** Default tolerance for a peer's clock being ahead of ours: 5 minutes. */
export const HLC_DEFAULT_MAX_DRIFT_MS = 5 * 60 * 1000;
/** Largest wall time whose ISO form keeps the fixed width (year 9999). */
const MAX_MILLIS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

const NODE_PATTERN = /^[0-9a-f]{16}$/;
const HLC_PATTERN = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9A-F]{4})-([0-9a-f]{16})$/;

/** One timestamp; also the whole state of a clock (its last timestamp). */
export interface Hlc {
  readonly millis: number;
  readonly counter: number;
  readonly node: string;
}

export type HlcErrorCode = 'E_HLC_FORMAT' | 'E_HLC_NODE' | 'E_CLOCK_DRIFT';

export interface HlcError {
  ok: false;
  code: HlcErrorCode;
  message: string;
}

export type HlcResult<T> = { ok: true; value: T } | HlcError;

export interface AdmitOutcome {
  /** The receiver's clock after the event. */
  clock: Hlc;
  /** The timestamp to store with the event: the remote one, or a re-stamp when clamped. */
  effective: Hlc;
  clamped: boolean;
}

function fail(code: HlcErrorCode, message: string): HlcError {
  return { ok: false, code, message };
}

function safeNow(now: number): number {
  if (!Number.isFinite(now)) return 0;
  return Math.min(Math.max(Math.floor(now), 0), MAX_MILLIS);
}

/** 16 hex digits from any device id (a UUID's dashes are dropped; the random tail is kept). */
export function nodeIdFrom(deviceId: string): string {
  const hex = deviceId.toLowerCase().replace(/[^0-9a-f]/g, '');
  return hex.slice(-16).padStart(16, '0');
}

/** A clock that has seen nothing yet. */
export function createClock(node: string): HlcResult<Hlc> {
  if (!NODE_PATTERN.test(node)) return fail('E_HLC_NODE', `node id must be 16 lower-case hex digits, got "${node}"`);
  return { ok: true, value: { millis: 0, counter: 0, node } };
}

/** Carries the logical part forward: at `millis` after `last`, the counter goes up or restarts. */
function advance(millis: number, lastMillis: number, counter: number, node: string): Hlc {
  const next = millis === lastMillis ? counter + 1 : 0;
  if (next > HLC_MAX_COUNTER) return { millis: millis + 1, counter: 0, node };
  return { millis, counter: next, node };
}

/** The timestamp of a new local event; it is also the clock's new state. */
export function send(clock: Hlc, now: number): Hlc {
  const millis = Math.max(clock.millis, safeNow(now));
  return advance(millis, clock.millis, clock.counter, clock.node);
}

/**
 * Merges a peer's timestamp into our clock. Rejects (E_CLOCK_DRIFT) a remote more than
 * `maxDriftMs` ahead of `now`, leaving our clock as it was.
 */
export function receive(clock: Hlc, remote: Hlc, now: number, maxDriftMs = HLC_DEFAULT_MAX_DRIFT_MS): HlcResult<Hlc> {
  const wall = safeNow(now);
  if (remote.millis - wall > maxDriftMs) {
    return fail('E_CLOCK_DRIFT', `remote clock ${format(remote)} is ${remote.millis - wall} ms ahead of ours (max ${maxDriftMs} ms)`);
  }
  const millis = Math.max(clock.millis, remote.millis, wall);
  let counter: number;
  if (millis === clock.millis && millis === remote.millis) counter = Math.max(clock.counter, remote.counter) + 1;
  else if (millis === clock.millis) counter = clock.counter + 1;
  else if (millis === remote.millis) counter = remote.counter + 1;
  else counter = 0;
  if (counter > HLC_MAX_COUNTER) return { ok: true, value: { millis: millis + 1, counter: 0, node: clock.node } };
  return { ok: true, value: { millis, counter, node: clock.node } };
}

/**
 * Like receive(), but a remote timestamp too far ahead is clamped: the event is re-stamped with
 * our own send() so it keeps its data yet sorts at its arrival time (see the header).
 */
export function admit(clock: Hlc, remote: Hlc, now: number, maxDriftMs = HLC_DEFAULT_MAX_DRIFT_MS): AdmitOutcome {
  const merged = receive(clock, remote, now, maxDriftMs);
  if (merged.ok) return { clock: merged.value, effective: remote, clamped: false };
  const restamped = send(clock, now);
  return { clock: restamped, effective: restamped, clamped: true };
}

export function format(hlc: Hlc): string {
  const iso = new Date(Math.min(Math.max(hlc.millis, 0), MAX_MILLIS)).toISOString();
  const counter = hlc.counter.toString(16).toUpperCase().padStart(4, '0');
  return `${iso}-${counter}-${hlc.node}`;
}

export function parse(text: string): HlcResult<Hlc> {
  const match = typeof text === 'string' ? HLC_PATTERN.exec(text) : null;
  if (!match) return fail('E_HLC_FORMAT', `not a hybrid logical clock timestamp: "${String(text).slice(0, 80)}"`);
  const [, iso, counterHex, node] = match as unknown as [string, string, string, string];
  const millis = Date.parse(iso);
  // Date.parse accepts e.g. "2025-02-31"; reformatting catches dates that do not exist.
  if (!Number.isFinite(millis) || new Date(millis).toISOString() !== iso) {
    return fail('E_HLC_FORMAT', `invalid wall time in "${text}"`);
  }
  return { ok: true, value: { millis, counter: parseInt(counterHex, 16), node } };
}

/** Causal order of two timestamps; equal to comparing their formatted strings. */
export function compare(a: Hlc, b: Hlc): -1 | 0 | 1 {
  if (a.millis !== b.millis) return a.millis < b.millis ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  if (a.node !== b.node) return a.node < b.node ? -1 : 1;
  return 0;
}

/** Orders two formatted timestamps (valid ones sort correctly as plain strings). */
export function compareText(a: string, b: string): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

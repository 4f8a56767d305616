// Hybrid logical clock: format, monotonic send, receive after both clocks, drift rejection/clamping, and property tests.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  admit, compare, compareText, createClock, format, HLC_DEFAULT_MAX_DRIFT_MS, HLC_MAX_COUNTER, nodeIdFrom, parse, receive, send,
  type Hlc,
} from '../../src/protocol/hlc.ts';

const NODE_A = 'aaaaaaaaaaaaaaaa';
const NODE_B = 'bbbbbbbbbbbbbbbb';
const T0 = Date.UTC(2025, 4, 1, 9, 30, 0, 123);
const DAY = 24 * 60 * 60 * 1000;

function clockOf(node: string): Hlc {
  const c = createClock(node);
  if (!c.ok) throw new Error(c.message);
  return c.value;
}

describe('format and parse', () => {
  it('formats as ISO wall time, 4 hex counter and node id, and parses back', () => {
    const t: Hlc = { millis: T0, counter: 42, node: NODE_A };
    expect(format(t)).toBe('2025-05-01T09:30:00.123Z-002A-aaaaaaaaaaaaaaaa');
    expect(parse(format(t))).toEqual({ ok: true, value: t });
  });

  it('rejects malformed text with E_HLC_FORMAT instead of throwing', () => {
    for (const bad of ['', 'nonsense', '2025-05-01T09:30:00.123Z-2A-aaaaaaaaaaaaaaaa', '2025-02-31T00:00:00.000Z-0000-aaaaaaaaaaaaaaaa', 42 as unknown as string]) {
      const result = parse(bad);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.code).toBe('E_HLC_FORMAT');
    }
  });

  it('refuses a node id that is not 16 hex digits', () => {
    expect(createClock('xyz')).toMatchObject({ ok: false, code: 'E_HLC_NODE' });
  });

  it('derives the node id from the random tail of a UUID', () => {
    expect(nodeIdFrom('0190b6f2-4a1c-7d3e-9f86-d081884c7d65')).toBe('9f86d081884c7d65');
  });
});

describe('send', () => {
  it('uses the wall clock when it moved on, and counts within the same millisecond', () => {
    const a1 = send(clockOf(NODE_A), T0);
    const a2 = send(a1, T0);
    const a3 = send(a2, T0 + 5);
    expect([a1.counter, a2.counter, a3.counter]).toEqual([0, 1, 0]);
    expect(a3.millis).toBe(T0 + 5);
  });

  it('never goes backwards when the wall clock is set back', () => {
    const ahead = send(clockOf(NODE_A), T0 + DAY);
    const after = send(ahead, T0);
    expect(compare(after, ahead)).toBe(1);
    expect(after.millis).toBe(T0 + DAY);
  });

  it('borrows the next millisecond instead of overflowing the counter', () => {
    const full: Hlc = { millis: T0, counter: HLC_MAX_COUNTER, node: NODE_A };
    const next = send(full, T0);
    expect(next).toEqual({ millis: T0 + 1, counter: 0, node: NODE_A });
    expect(compareText(format(full), format(next))).toBe(-1);
  });
});

describe('receive', () => {
  it('moves past a remote clock that is ahead (within the drift limit)', () => {
    const local = send(clockOf(NODE_A), T0);
    const remote: Hlc = { millis: T0 + 1000, counter: 7, node: NODE_B };
    const merged = receive(local, remote, T0);
    expect(merged).toEqual({ ok: true, value: { millis: T0 + 1000, counter: 8, node: NODE_A } });
  });

  it('rejects a remote clock days ahead with E_CLOCK_DRIFT and leaves nothing advanced', () => {
    const local = send(clockOf(NODE_A), T0);
    const remote: Hlc = { millis: T0 + 3 * DAY, counter: 0, node: NODE_B };
    const merged = receive(local, remote, T0);
    expect(merged).toMatchObject({ ok: false, code: 'E_CLOCK_DRIFT' });
    // The caller keeps `local`: the next local event is still near real time.
    expect(send(local, T0 + 1).millis).toBe(T0 + 1);
  });

  it('admit() clamps a fast remote: its edit is re-stamped at arrival, so a causally later edit wins', () => {
    // Device B's wall clock is 3 days ahead; it edits field x.
    const fastEdit = send(clockOf(NODE_B), T0 + 3 * DAY);
    // The server receives it at T0 and admits it.
    const server = clockOf('5e5e5e5e5e5e5e5e');
    const admitted = admit(send(server, T0), fastEdit, T0);
    expect(admitted.clamped).toBe(true);
    expect(admitted.effective.millis).toBe(T0);
    // Device A (correct clock) pulls the server's version, then edits x one second later.
    const deviceA = receive(clockOf(NODE_A), admitted.effective, T0 + 500);
    if (!deviceA.ok) throw new Error(deviceA.message);
    const laterEdit = send(deviceA.value, T0 + 1000);
    expect(compare(laterEdit, admitted.effective)).toBe(1);
    // Without the guard the fast clock would have won for 3 days:
    expect(compare(laterEdit, fastEdit)).toBe(-1);
  });

  it('admit() keeps a remote timestamp within the drift limit as it is', () => {
    const remote: Hlc = { millis: T0 + 1000, counter: 3, node: NODE_B };
    const outcome = admit(send(clockOf(NODE_A), T0), remote, T0);
    expect(outcome.clamped).toBe(false);
    expect(outcome.effective).toBe(remote);
    expect(compare(outcome.clock, remote)).toBe(1);
  });
});

const node = fc.stringMatching(/^[0-9a-f]{16}$/);
const millis = fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) });
const hlc = fc.record({ millis, counter: fc.integer({ min: 0, max: HLC_MAX_COUNTER }), node });

describe('properties', () => {
  it('send is strictly increasing whatever the wall clock does', () => {
    fc.assert(fc.property(node, fc.array(millis, { minLength: 1, maxLength: 60 }), (n, nows) => {
      let clock = clockOf(n);
      for (const now of nows) {
        const next = send(clock, now);
        if (compare(next, clock) !== 1) return false;
        clock = next;
      }
      return true;
    }));
  });

  it('an accepted receive is after both the local and the remote clock', () => {
    fc.assert(fc.property(hlc, hlc, millis, (local, remote, now) => {
      const merged = receive(local, remote, now);
      if (!merged.ok) return remote.millis - now > HLC_DEFAULT_MAX_DRIFT_MS;
      const after = (x: Hlc, y: Hlc) => x.millis > y.millis || (x.millis === y.millis && x.counter > y.counter);
      return after(merged.value, local) && after(merged.value, remote) && merged.value.millis >= now;
    }));
  });

  it('formatted strings sort exactly like compare()', () => {
    fc.assert(fc.property(hlc, hlc, (a, b) => compareText(format(a), format(b)) === compare(a, b)));
  });

  it('parse(format(x)) returns x', () => {
    fc.assert(fc.property(hlc, (t) => {
      const back = parse(format(t));
      return back.ok && compare(back.value, t) === 0;
    }));
  });
});

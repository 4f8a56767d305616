// How a device takes a pulled record: the server wins except at paths with unacknowledged local ops; base versions; the server clock.
import { describe, expect, it } from 'vitest';
import { format, parse, send } from '../../src/protocol/hlc.ts';
import { applySnapshot, baseVersionFor, observeServerHlc, type ReplicaRecord } from '../../src/protocol/replica.ts';
import type { RecordSnapshot } from '../../src/protocol/snapshot.ts';

const ID = '0190a8b2-1111-7000-8000-000000000001';
const snapshot = (answers: Record<string, unknown>, fieldVersions: Record<string, number>, extra: Partial<RecordSnapshot> = {}): RecordSnapshot => ({
  id: ID, formId: 'f', formVersion: 1, status: 'draft', deleted: false, answers, fieldVersions, changeSeq: 9, ...extra,
});
const local = (answers: Record<string, unknown>, fieldVersions: Record<string, number> = {}, extra: Partial<ReplicaRecord> = {}): ReplicaRecord => ({
  id: ID, formId: 'f', formVersion: 1, status: 'draft', deleted: false, answers, fieldVersions, changeSeq: 3, ...extra,
});

describe('applySnapshot', () => {
  it('takes the server record when nothing is pending', () => {
    const next = applySnapshot(local({ a: 1, b: 1 }), snapshot({ a: 2 }, { a: 9 }), new Set());
    expect(next).toMatchObject({ answers: { a: 2 }, fieldVersions: { a: 9 }, changeSeq: 9 });
  });

  it('keeps the local value at an unsent path (the server\'s everywhere else, and every field version)', () => {
    const next = applySnapshot(local({ a: 'mine', b: 1 }, { a: 2 }), snapshot({ a: 'theirs', b: 5 }, { a: 8, b: 9 }), new Set(['a']));
    expect(next.answers).toEqual({ a: 'mine', b: 5 });
    expect(next.fieldVersions).toEqual({ a: 8, b: 9 });
  });

  it('keeps nested pending values', () => {
    const next = applySnapshot(local({ rep: [{ x: 'mine' }] }), snapshot({ rep: [{ x: 'theirs', y: 1 }] }, {}), new Set(['rep[0].x']));
    expect(next.answers).toEqual({ rep: [{ x: 'mine', y: 1 }] });
  });

  it('keeps a pending delete and a pending status', () => {
    const next = applySnapshot(local({}, {}, { deleted: true, status: 'submitted' }), snapshot({}, {}), new Set(['@delete', '@status']));
    expect(next).toMatchObject({ deleted: true, status: 'submitted' });
  });

  it('a first pull of a new record takes it whole', () => {
    expect(applySnapshot(undefined, snapshot({ a: 1 }, { a: 4 }), new Set(['a'])).answers).toEqual({ a: 1 });
  });
});

describe('baseVersionFor', () => {
  it('is the newest version among overlapping answer paths', () => {
    const r = { fieldVersions: { rep: 4, 'rep[0].x': 7, other: 9, '@delete': 11 }, changeSeq: 12 };
    expect(baseVersionFor(r, 'rep[0].x')).toBe(7);
    expect(baseVersionFor(r, 'rep')).toBe(7);
    expect(baseVersionFor(r, 'repeat')).toBe(0);
    expect(baseVersionFor(r, '@delete')).toBe(12);
    expect(baseVersionFor(undefined, 'a')).toBe(0);
  });
});

describe('observeServerHlc', () => {
  it('moves a clock days behind past the server clock, so its next edit sorts after what it saw', () => {
    const now = Date.UTC(2026, 10, 1);
    const behind = { millis: now - 3 * 86_400_000, counter: 0, node: '00000000000000aa' };
    const server = format({ millis: now, counter: 5, node: '5e5e5e5e5e5e5e5e' });
    const clock = observeServerHlc(behind, server, behind.millis);
    const next = format(send(clock, behind.millis));
    expect(next > server).toBe(true);
    expect(parse(next).ok).toBe(true);
  });

  it('ignores text that is not an HLC', () => {
    const clock = { millis: 5, counter: 0, node: '00000000000000aa' };
    expect(observeServerHlc(clock, 'nonsense', 10)).toBe(clock);
  });
});

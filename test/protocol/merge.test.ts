// The merge rules one by one: each case shows the state, the op, and what the record and conflicts become.
import { describe, expect, it } from 'vitest';
import { format } from '../../src/protocol/hlc.ts';
import { type AdmittedOp, type ConflictDraft, type MergeContext, type MergeRecord, mergeOp, provisionalOf } from '../../src/protocol/merge.ts';
import type { MergeKind } from '../../src/protocol/merge-values.ts';

const T = Date.UTC(2026, 10, 1);
const hlc = (sec: number, node = '000000000000000a') => format({ millis: T + sec * 1000, counter: 0, node });
const ID = '0190a8b2-1111-7000-8000-000000000001';

function record(answers: Record<string, unknown>, stamps: Record<string, [number, string, number]> = {}, extra: Partial<MergeRecord> = {}): MergeRecord {
  const fields = Object.fromEntries(Object.entries(stamps).map(([path, [version, device, sec]]) => [path, { version, deviceId: device, hlc: hlc(sec), opId: `${device}:${version}` }]));
  return { id: ID, formId: 'f', formVersion: 1, status: 'draft', deleted: false, answers, fields, ...extra };
}

function op(device: string, counter: number, path: string, value: unknown, baseVersion: number, sec = counter): AdmittedOp {
  return { opId: `${device}:${counter}`, deviceId: device, recordId: ID, formId: 'f', formVersion: 1, path, value, hlc: hlc(sec), baseVersion };
}

function ctx(mergeKind: MergeKind = 'replace', open: ConflictDraft[] = [], version = 10): MergeContext {
  return { version, mergeKind, openConflicts: new Map(open.map((c) => [c.path, c])) };
}

function ok(result: ReturnType<typeof mergeOp>) {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result;
}

describe('mergeOp', () => {
  it('@create makes a draft record owned by the op, stamping each initial answer', () => {
    const r = ok(mergeOp(null, op('A', 1, '@create', { name: '山田' }, 0), ctx()));
    expect(r.outcome).toBe('applied');
    expect(r.record).toMatchObject({ status: 'draft', deleted: false, answers: { name: '山田' } });
    expect(r.record.fields.name).toMatchObject({ version: 10, deviceId: 'A' });
  });

  it('an op on a record the server does not have is E_RECORD_UNKNOWN', () => {
    const r = mergeOp(null, op('A', 2, 'name', 'x', 0), ctx());
    expect(r).toMatchObject({ ok: false, code: 'E_RECORD_UNKNOWN' });
  });

  it('applies an edit made after seeing the latest version', () => {
    const r = ok(mergeOp(record({ name: 'a' }, { name: [5, 'B', 1] }), op('A', 3, 'name', 'b', 5), ctx()));
    expect(r.outcome).toBe('applied');
    expect(r.record.answers.name).toBe('b');
    expect(r.record.fields.name).toMatchObject({ version: 10, deviceId: 'A', opId: 'A:3' });
  });

  it('applies a device\'s later edit over its own earlier one even with an old base', () => {
    const r = ok(mergeOp(record({ name: 'a' }, { name: [5, 'A', 1] }), op('A', 3, 'name', 'b', 0), ctx()));
    expect(r.outcome).toBe('applied');
    expect(r.record.answers.name).toBe('b');
  });

  it('different fields merge: a concurrent edit of another field is applied without conflict', () => {
    const r = ok(mergeOp(record({ name: 'a' }, { name: [5, 'B', 1] }), op('A', 3, 'city', 'x', 0), ctx()));
    expect(r.outcome).toBe('applied');
    expect(r.record.answers).toEqual({ name: 'a', city: 'x' });
    expect(r.conflicts).toEqual([]);
  });

  it('a concurrent edit to the same value is a no-op', () => {
    const r = ok(mergeOp(record({ name: 'a' }, { name: [5, 'B', 1] }), op('A', 3, 'name', 'a', 0), ctx()));
    expect(r.outcome).toBe('noop');
    expect(r.touched).toBe(false);
  });

  it('after another device\'s equal value, neither writer\'s unseen follow-up passes as its own: it conflicts', () => {
    const state = record({ city: 'x' }, { city: [5, 'B', 1] });
    const agreed = ok(mergeOp(state, op('A', 3, 'city', 'x', 0), ctx()));
    expect(agreed.outcome).toBe('noop');
    expect(agreed.record.fields.city).toMatchObject({ version: 5, deviceId: '@merge' });
    // B changes its mind without having seen A's value, and A does the same: both are concurrent edits.
    expect(ok(mergeOp(agreed.record, op('B', 6, 'city', 'y', 0), ctx())).outcome).toBe('conflict');
    expect(ok(mergeOp(agreed.record, op('A', 7, 'city', 'z', 0), ctx())).outcome).toBe('conflict');
    // After seeing version 5 it is an ordinary edit.
    expect(ok(mergeOp(agreed.record, op('A', 7, 'city', 'z', 5), ctx())).outcome).toBe('applied');
  });

  it('a combined value belongs to no device: the other writer\'s unseen follow-up unions again', () => {
    const merged = ok(mergeOp(record({ tags: ['b'] }, { tags: [5, 'B', 9] }), op('A', 3, 'tags', ['a'], 0), ctx('union', [], 6)));
    expect(merged.record.fields.tags!.deviceId).toBe('@merge');
    const followUp = ok(mergeOp(merged.record, op('B', 10, 'tags', ['c'], 5, 10), ctx('union', [], 7)));
    expect(followUp.record.answers.tags).toEqual(['a', 'b', 'c']);
  });

  it('a concurrent edit to a different value is a same-field conflict; provisional = highest HLC', () => {
    const state = record({ name: 'b-value' }, { name: [5, 'B', 9] });
    const r = ok(mergeOp(state, op('A', 3, 'name', 'a-value', 0, 2), ctx()));
    expect(r.outcome).toBe('conflict');
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0]).toMatchObject({ kind: 'same-field', path: 'name', provisional: 'b-value' });
    expect(r.conflicts[0]!.candidates.map((c) => c.value)).toEqual(['b-value', 'a-value']);
    expect(r.record.answers.name).toBe('b-value');
    // The other order of arrival gives the same provisional value (convergence).
    const reverse = ok(mergeOp(record({ name: 'a-value' }, { name: [5, 'A', 2] }), op('B', 9, 'name', 'b-value', 0, 9), ctx()));
    expect(reverse.record.answers.name).toBe('b-value');
  });

  it('a later concurrent op joins the open conflict as another candidate', () => {
    const open: ConflictDraft = { id: 'c1', kind: 'same-field', path: 'name', provisional: 'b', candidates: [
      { value: 'a', opId: 'A:1', deviceId: 'A', hlc: hlc(1) }, { value: 'b', opId: 'B:1', deviceId: 'B', hlc: hlc(2) }] };
    const r = ok(mergeOp(record({ name: 'b' }, { name: [6, 'B', 2] }), op('C', 5, 'name', 'c', 0, 5), ctx('replace', [open])));
    expect(r.outcome).toBe('conflict');
    expect(r.conflicts[0]).toMatchObject({ id: 'c1', provisional: 'c' });
    expect(r.conflicts[0]!.candidates.map((c) => c.opId)).toEqual(['A:1', 'B:1', 'C:5']);
    expect(r.record.answers.name).toBe('c');
  });

  it('select_multiple: concurrent choices are unioned', () => {
    const r = ok(mergeOp(record({ tags: ['a', 'b'] }, { tags: [5, 'B', 1] }), op('A', 3, 'tags', ['a', 'c'], 0), ctx('union')));
    expect(r.outcome).toBe('merged');
    expect(r.record.answers.tags).toEqual(['a', 'b', 'c']);
    expect(r.mergedFrom).toHaveLength(2);
  });

  it('append fields: concurrent notes are both kept, older first', () => {
    const r = ok(mergeOp(record({ notes: '玄関にひび' }, { notes: [5, 'B', 9] }), op('A', 3, 'notes', '屋根の破損', 0, 3), ctx('append')));
    expect(r.outcome).toBe('merged');
    expect(r.record.answers.notes).toBe('屋根の破損\n玄関にひび');
  });

  it('photos: concurrent photo lists union by hash', () => {
    const p = (h: string) => ({ hash: h.repeat(64), mime: 'image/jpeg' });
    const r = ok(mergeOp(record({ photos: [p('a'), p('b')] }, { photos: [5, 'B', 1] }), op('A', 3, 'photos', [p('b'), p('c')], 0), ctx('photos')));
    expect(r.outcome).toBe('merged');
    expect((r.record.answers.photos as { hash: string }[]).map((x) => x.hash[0])).toEqual(['a', 'b', 'c']);
  });

  it('lww fields: the higher admitted HLC wins, the lower one changes nothing', () => {
    const state = record({ fix: { lat: 1, lng: 1 } }, { fix: [5, 'B', 5] });
    const newer = ok(mergeOp(state, op('A', 3, 'fix', { lat: 2, lng: 2 }, 0, 9), ctx('lww')));
    expect(newer.record.answers.fix).toEqual({ lat: 2, lng: 2 });
    const older = ok(mergeOp(state, op('A', 3, 'fix', { lat: 2, lng: 2 }, 0, 1), ctx('lww')));
    expect(older.outcome).toBe('merged');
    expect(older.record.answers.fix).toEqual({ lat: 1, lng: 1 });
    expect(older.conflicts).toEqual([]);
  });

  it('@status is last-writer-wins by HLC', () => {
    const state = record({}, { '@status': [5, 'B', 5] });
    expect(ok(mergeOp(state, op('A', 9, '@status', 'ready', 0, 9), ctx())).record.status).toBe('submitted');
    expect(ok(mergeOp(state, op('A', 2, '@status', 'ready', 0, 2), ctx())).record.status).toBe('draft');
  });

  it('@delete after another device\'s unseen edit is an edit-delete conflict; the record stays', () => {
    const r = ok(mergeOp(record({ name: 'a' }, { name: [5, 'B', 1] }), op('A', 3, '@delete', true, 4), ctx()));
    expect(r.outcome).toBe('conflict');
    expect(r.record.deleted).toBe(false);
    expect(r.conflicts[0]).toMatchObject({ kind: 'edit-delete', path: '@delete', provisional: false });
  });

  it('@delete after seeing every edit deletes', () => {
    const r = ok(mergeOp(record({ name: 'a' }, { name: [5, 'B', 1] }), op('A', 3, '@delete', true, 5), ctx()));
    expect(r.record.deleted).toBe(true);
  });

  it('an edit to a deleted record undeletes it and opens an edit-delete conflict holding the edit', () => {
    const state = record({ name: 'a' }, { name: [5, 'B', 1], '@delete': [6, 'B', 2] }, { deleted: true });
    const r = ok(mergeOp(state, op('A', 3, 'city', 'x', 0), ctx()));
    expect(r.outcome).toBe('conflict');
    expect(r.record.deleted).toBe(false);
    expect(r.record.answers.city).toBe('x');
    expect(r.conflicts[0]!.candidates.map((c) => c.opId)).toEqual(['B:6', 'A:3']);
  });

  it('an edit to a submitted record is a locked-record conflict and is not applied', () => {
    const state = record({ name: 'a' }, { name: [5, 'B', 1], '@status': [6, 'B', 2] }, { status: 'submitted' });
    const r = ok(mergeOp(state, op('A', 3, 'name', 'changed', 0), ctx()));
    expect(r.outcome).toBe('conflict');
    expect(r.record.answers.name).toBe('a');
    expect(r.conflicts[0]).toMatchObject({ kind: 'locked-record', provisional: 'a' });
  });

  it('overlapping paths count as the same field: a stale whole-repeat write conflicts with an entry edit', () => {
    const state = record({ rooms: [{ room_name: 'x' }] }, { 'rooms[0].room_name': [7, 'B', 1] });
    const r = ok(mergeOp(state, op('A', 3, 'rooms', [{ room_name: 'y' }], 2), ctx()));
    expect(r.outcome).toBe('conflict');
  });

  it('provisionalOf breaks HLC ties by opId', () => {
    const c = (opId: string) => ({ value: opId, opId, deviceId: 'd', hlc: hlc(1) });
    expect(provisionalOf([c('A:1'), c('B:1')])?.opId).toBe('B:1');
    expect(provisionalOf([c('B:1'), c('A:1')])?.opId).toBe('B:1');
  });
});

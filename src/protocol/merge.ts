// The merge rules, as a pure function: what one admitted op does to one record's state (see docs/PROTOCOL.md "Merge").
//
// The server calls mergeOp once per op, in batch order, inside one store transaction; it does all
// the I/O (loading the record and its open conflicts, allocating change sequences, storing results).
// Every rule is deterministic in (state, op), so all replicas converge on the server's answer.
import { getAnswerAt, setAnswerAt } from './answer-paths.ts';
import type { ConflictKind } from './conflict-summary.ts';
import { jsonEqual } from './json-equal.ts';
import { appendTexts, type MergeKind, unionChoices, unionPhotos } from './merge-values.ts';
import { isMetaPath } from './op.ts';
import { ReviewRepliesSchema } from './review-request.ts';
import type { RecordStatus } from './snapshot.ts';

/** Where a field's current value came from; `version` is the change sequence devices send back as baseVersion. */
export interface FieldStamp {
  version: number;
  hlc: string;
  deviceId: string;
  opId: string;
}

/** The protocol's view of a server record (the server maps its ServerRecord to and from it). */
export interface MergeRecord {
  id: string;
  formId: string;
  formVersion: number;
  status: RecordStatus;
  deleted: boolean;
  answers: Record<string, unknown>;
  fields: Record<string, FieldStamp>;
}

/** An op after the server admitted its clock (`hlc` is the admitted one) and checked it against the form. */
export interface AdmittedOp {
  opId: string;
  deviceId: string;
  recordId: string;
  formId: string;
  formVersion: number;
  path: string;
  value: unknown;
  hlc: string;
  baseVersion: number;
}

export interface Candidate {
  value: unknown;
  opId: string;
  deviceId: string;
  hlc: string;
}

/** A conflict's state as the merge sees it; `id` null means "new, the server names it". */
export interface ConflictDraft {
  id: string | null;
  kind: ConflictKind;
  path: string;
  candidates: Candidate[];
  provisional: unknown;
}

export interface MergeContext {
  /** The version to stamp on what this op changes (the server may use a placeholder and renumber). */
  version: number;
  /** How the op's field combines concurrent values (from the form definition; 'replace' for meta paths). */
  mergeKind: MergeKind;
  /** Open conflicts of this record by path. */
  openConflicts: ReadonlyMap<string, ConflictDraft>;
}

export type MergeOutcome = 'applied' | 'noop' | 'merged' | 'conflict';

export type MergeResult =
  | {
      ok: true;
      outcome: MergeOutcome;
      record: MergeRecord;
      /** True when the record must be re-sent to devices (anything but a no-op). */
      touched: boolean;
      /** Conflicts created or updated by this op (keyed by path on the server). */
      conflicts: ConflictDraft[];
      /** For 'merged': the two values that were combined (the server checks the form's rules on them). */
      mergedFrom?: Candidate[];
    }
  | { ok: false; code: 'E_RECORD_UNKNOWN' | 'E_PATH_CONFLICT' | 'E_PATH_INVALID' | 'E_VALUE_INVALID'; message: string };

/** Status values a device may send in '@status' ('ready' is the device's word for "submitted"). */
export const DEVICE_STATUS_VALUES = ['draft', 'ready', 'submitted'] as const;

/** The deviceId in the stamp of a value the server combined from several devices' edits. */
export const MERGED_DEVICE = '@merge';

const LOCKED_STATUSES: ReadonlySet<RecordStatus> = new Set(['submitted', 'approved']);

/** The candidate every replica shows until a person resolves: highest admitted HLC, ties by opId. */
export function provisionalOf(candidates: readonly Candidate[]): Candidate | undefined {
  let best: Candidate | undefined;
  for (const c of candidates) {
    if (!best || c.hlc > best.hlc || (c.hlc === best.hlc && c.opId > best.opId)) best = c;
  }
  return best;
}

/** True when `other` is `path`, inside it, or contains it ("rep" ~ "rep[1].a" ~ "rep[1]"). */
export function pathsOverlap(path: string, other: string): boolean {
  if (path === other) return true;
  const [short, long] = path.length < other.length ? [path, other] : [other, path];
  return long.startsWith(short) && (long[short.length] === '.' || long[short.length] === '[');
}

/**
 * The newest stamp among the answer paths overlapping `path`: what a writer of `path` must have seen. Of stamps with
 * the same version, a co-signed one wins: a value two devices stand behind is nobody's own to overwrite (rule 5).
 */
export function latestOverlappingStamp(fields: Readonly<Record<string, FieldStamp>>, path: string): FieldStamp | undefined {
  let latest: FieldStamp | undefined;
  for (const [key, stamp] of Object.entries(fields)) {
    if (key.startsWith('@') || !pathsOverlap(path, key)) continue;
    if (!latest || stamp.version > latest.version || (stamp.version === latest.version && stamp.deviceId === MERGED_DEVICE)) latest = stamp;
  }
  return latest;
}

function stampOf(op: AdmittedOp, version: number): FieldStamp {
  return { version, hlc: op.hlc, deviceId: op.deviceId, opId: op.opId };
}

function candidateOf(op: AdmittedOp, value: unknown = op.value): Candidate {
  return { value, opId: op.opId, deviceId: op.deviceId, hlc: op.hlc };
}

function withCandidate(conflict: ConflictDraft, candidate: Candidate): Candidate[] {
  return conflict.candidates.some((c) => c.opId === candidate.opId) ? conflict.candidates : [...conflict.candidates, candidate];
}

/** Decides what `op` does to `record` (null when the record does not exist on the server yet). */
export function mergeOp(record: MergeRecord | null, op: AdmittedOp, context: MergeContext): MergeResult {
  if (op.path === '@create') return mergeCreate(record, op, context);
  if (!record) return { ok: false, code: 'E_RECORD_UNKNOWN', message: `record ${op.recordId} does not exist on the server (its @create was not pushed)` };
  switch (op.path) {
    case '@delete':
      return mergeDelete(record, op, context);
    case '@status':
      return mergeStatus(record, op, context);
    case '@ack':
      return mergeAck(record, op, context);
    case '@reply':
      return mergeReply(record, op, context);
    case '@migrate':
      return mergeMigrate(record, op, context);
    default:
      if (isMetaPath(op.path)) return { ok: false, code: 'E_PATH_INVALID', message: `unknown record operation ${op.path}` };
      return mergeAnswer(record, op, context);
  }
}

function mergeCreate(record: MergeRecord | null, op: AdmittedOp, context: MergeContext): MergeResult {
  if (typeof op.value !== 'object' || op.value === null || Array.isArray(op.value)) {
    return { ok: false, code: 'E_VALUE_INVALID', message: '@create needs the initial answers as an object' };
  }
  const initial = op.value as Record<string, unknown>;
  if (!record) {
    // Every field set by the create carries the same stamp (one object: stamps are replaced, never changed in place).
    const stamp = stampOf(op, context.version);
    const fields: Record<string, FieldStamp> = { '@create': stamp };
    for (const key of Object.keys(initial)) fields[key] = stamp;
    const created: MergeRecord = {
      id: op.recordId, formId: op.formId, formVersion: op.formVersion, status: 'draft', deleted: false,
      answers: structuredClone(initial), fields,
    };
    return { ok: true, outcome: 'applied', record: created, touched: true, conflicts: [] };
  }
  // The record exists (created by another op): the initial answers merge as field ops.
  let current = record;
  const conflicts: ConflictDraft[] = [];
  let outcome: MergeOutcome = 'noop';
  const rank: Record<MergeOutcome, number> = { noop: 0, applied: 1, merged: 2, conflict: 3 };
  for (const [key, value] of Object.entries(initial)) {
    const result = mergeAnswer(current, { ...op, path: key, value }, { ...context, mergeKind: 'replace' });
    if (!result.ok) return result;
    current = result.record;
    conflicts.push(...result.conflicts);
    if (rank[result.outcome] > rank[outcome]) outcome = result.outcome;
  }
  return { ok: true, outcome, record: current, touched: outcome !== 'noop', conflicts };
}

function mergeDelete(record: MergeRecord, op: AdmittedOp, context: MergeContext): MergeResult {
  if (record.deleted) return { ok: true, outcome: 'noop', record, touched: false, conflicts: [] };
  const open = context.openConflicts.get('@delete');
  // Edits by other devices that the deleting device had not seen: keep the record, ask a person.
  const unseen = Object.entries(record.fields).filter(([key, s]) => !key.startsWith('@') && s.version > op.baseVersion && s.deviceId !== op.deviceId);
  if (unseen.length === 0 && !open) {
    const fields = { ...record.fields, '@delete': stampOf(op, context.version) };
    return { ok: true, outcome: 'applied', record: { ...record, deleted: true, fields }, touched: true, conflicts: [] };
  }
  const candidates: Candidate[] = open ? withCandidate(open, candidateOf(op, true)) : [
    ...unseen.map(([path, s]) => ({ value: { path, value: getAnswerAt(record.answers, path) ?? null }, opId: s.opId, deviceId: s.deviceId, hlc: s.hlc })),
    candidateOf(op, true),
  ];
  const conflict: ConflictDraft = { id: open?.id ?? null, kind: 'edit-delete', path: '@delete', candidates, provisional: false };
  return { ok: true, outcome: 'conflict', record, touched: true, conflicts: [conflict] };
}

function lastWriterWins(record: MergeRecord, op: AdmittedOp, context: MergeContext, apply: (r: MergeRecord) => MergeRecord): MergeResult {
  const stamp = record.fields[op.path];
  if (stamp && stamp.hlc >= op.hlc) return { ok: true, outcome: 'merged', record, touched: true, conflicts: [] };
  const next = apply(record);
  return { ok: true, outcome: 'applied', record: { ...next, fields: { ...next.fields, [op.path]: stampOf(op, context.version) } }, touched: true, conflicts: [] };
}

function mergeStatus(record: MergeRecord, op: AdmittedOp, context: MergeContext): MergeResult {
  const wanted: RecordStatus | null = op.value === 'draft' ? 'draft' : op.value === 'ready' || op.value === 'submitted' ? 'submitted' : null;
  if (!wanted) return { ok: false, code: 'E_VALUE_INVALID', message: '@status is "draft" or "ready"' };
  if (record.status === wanted) return { ok: true, outcome: 'noop', record, touched: false, conflicts: [] };
  if (record.status === 'approved') return lockedConflict(record, op, context, record.status);
  return lastWriterWins(record, op, context, (r) => ({ ...r, status: wanted }));
}

function mergeAck(record: MergeRecord, op: AdmittedOp, context: MergeContext): MergeResult {
  const ack = op.value as { code?: unknown; reason?: unknown } | null;
  if (typeof ack !== 'object' || ack === null || typeof ack.code !== 'string' || !(typeof ack.reason === 'string' || ack.reason === null)) {
    return { ok: false, code: 'E_VALUE_INVALID', message: '@ack is {code, reason}' };
  }
  const code = ack.code;
  // One stamp per warning code, so acknowledging two warnings concurrently never collides.
  const keyed = { ...op, path: `@ack:${code}` };
  const current = (record.answers['@ack'] ?? {}) as Record<string, unknown>;
  if (jsonEqual(current[code], ack.reason)) return { ok: true, outcome: 'noop', record, touched: false, conflicts: [] };
  return lastWriterWins(record, keyed, context, (r) => {
    const acks: Record<string, unknown> = { ...current };
    if (ack.reason === null) delete acks[code];
    else acks[code] = ack.reason;
    return { ...r, answers: { ...r.answers, '@ack': acks } };
  });
}

function mergeReply(record: MergeRecord, op: AdmittedOp, context: MergeContext): MergeResult {
  const parsed = ReviewRepliesSchema.safeParse(op.value);
  if (!parsed.success) return { ok: false, code: 'E_VALUE_INVALID', message: '@reply is {reviewAt, replies: [{index, addressed, reply}]}' };
  const { reviewAt, replies } = parsed.data;
  // One stamp per return answered: replies to an earlier return are never overwritten by later ones.
  const keyed = { ...op, path: `@reply:${reviewAt}` };
  const current = (record.answers['@replies'] ?? {}) as Record<string, unknown>;
  if (jsonEqual(current[reviewAt], replies)) return { ok: true, outcome: 'noop', record, touched: false, conflicts: [] };
  return lastWriterWins(record, keyed, context, (r) => ({ ...r, answers: { ...r.answers, '@replies': { ...current, [reviewAt]: replies } } }));
}

function mergeMigrate(record: MergeRecord, op: AdmittedOp, context: MergeContext): MergeResult {
  const to = (op.value as { toVersion?: unknown } | null)?.toVersion;
  if (!Number.isSafeInteger(to) || (to as number) < 1) return { ok: false, code: 'E_VALUE_INVALID', message: '@migrate is {fromVersion, toVersion}' };
  if ((to as number) <= record.formVersion) return { ok: true, outcome: 'noop', record, touched: false, conflicts: [] };
  const fields = { ...record.fields, '@migrate': stampOf(op, context.version) };
  return { ok: true, outcome: 'applied', record: { ...record, formVersion: to as number, fields }, touched: true, conflicts: [] };
}

function lockedConflict(record: MergeRecord, op: AdmittedOp, context: MergeContext, status: RecordStatus): MergeResult {
  const open = context.openConflicts.get(op.path);
  const current = op.path.startsWith('@') ? status : getAnswerAt(record.answers, op.path) ?? null;
  const stamp = op.path.startsWith('@') ? record.fields[op.path] : latestOverlappingStamp(record.fields, op.path);
  const base: Candidate[] = open ? open.candidates : [{ value: current, opId: stamp?.opId ?? '', deviceId: stamp?.deviceId ?? '', hlc: stamp?.hlc ?? '' }];
  const candidates = withCandidate({ id: null, kind: 'locked-record', path: op.path, candidates: base, provisional: current }, candidateOf(op));
  const conflict: ConflictDraft = { id: open?.id ?? null, kind: open?.kind ?? 'locked-record', path: op.path, candidates, provisional: open ? open.provisional : current };
  return { ok: true, outcome: 'conflict', record, touched: true, conflicts: [conflict] };
}

/**
 * An equal value from another device changes no answer, but now two devices stand behind it: the value's stamp
 * becomes a merged one, so a later edit by either that had not seen the other's is concurrent and conflicts,
 * instead of passing as "the last writer's own follow-up". Devices replicate {path: version} and a no-op gets no
 * change sequence, so:
 * - where the path holds the stamp itself, only the server-side signer changes (same version): `noop`;
 * - where the stamp is held by an enclosing path (a repeat written whole, a '@create'), the path needs an entry of
 *   its own, which devices must receive: a change with a new version, outcome `merged` (signing the whole repeat
 *   instead would make edits of its other parts look concurrent).
 */
function cosign(record: MergeRecord, op: AdmittedOp, stamp: FieldStamp, version: number): { record: MergeRecord; outcome: 'noop' | 'merged' } {
  if (stamp.deviceId === op.deviceId || stamp.deviceId === MERGED_DEVICE) return { record, outcome: 'noop' };
  const hlc = stamp.hlc > op.hlc ? stamp.hlc : op.hlc;
  const own = record.fields[op.path];
  const inPlace = own !== undefined && own.version === stamp.version;
  const signed: FieldStamp = { version: inPlace ? stamp.version : version, hlc, deviceId: MERGED_DEVICE, opId: op.opId };
  return { record: { ...record, fields: { ...record.fields, [op.path]: signed } }, outcome: inPlace ? 'noop' : 'merged' };
}

function setValue(record: MergeRecord, op: AdmittedOp, value: unknown, stamp: FieldStamp): MergeResult | MergeRecord {
  const set = setAnswerAt(record.answers, op.path, value);
  if (!set.ok) return { ok: false, code: set.code, message: set.message };
  return { ...record, answers: set.answers, fields: { ...record.fields, [op.path]: stamp } };
}

function mergeAnswer(record: MergeRecord, op: AdmittedOp, context: MergeContext): MergeResult {
  const conflicts: ConflictDraft[] = [];
  let state = record;
  if (state.deleted) {
    // An edit to a deleted record: keep both by undeleting (nothing is lost) and ask a person.
    const open = context.openConflicts.get('@delete');
    const deleteStamp = state.fields['@delete'];
    const base: Candidate[] = open ? open.candidates : deleteStamp ? [{ value: true, opId: deleteStamp.opId, deviceId: deleteStamp.deviceId, hlc: deleteStamp.hlc }] : [];
    const candidates = [...base.filter((c) => c.opId !== op.opId), candidateOf(op, { path: op.path, value: op.value })];
    conflicts.push({ id: open?.id ?? null, kind: 'edit-delete', path: '@delete', candidates, provisional: false });
    state = { ...state, deleted: false };
  }
  if (LOCKED_STATUSES.has(state.status)) return lockedConflict(state, op, context, state.status);

  const current = getAnswerAt(state.answers, op.path);
  const stamp = latestOverlappingStamp(state.fields, op.path);
  const open = context.openConflicts.get(op.path);
  const seen = !stamp || op.baseVersion >= stamp.version;
  const finish = (outcome: MergeOutcome, next: MergeRecord, extra: Partial<{ mergedFrom: Candidate[] }> = {}): MergeResult => ({
    ok: true, outcome: conflicts.length > 0 && outcome !== 'conflict' ? 'conflict' : outcome, record: next,
    touched: outcome !== 'noop' || conflicts.length > 0, conflicts, ...extra,
  });
  const apply = (outcome: MergeOutcome, value: unknown, s: FieldStamp, extra: Partial<{ mergedFrom: Candidate[] }> = {}): MergeResult => {
    const next = setValue(state, op, value, s);
    return 'ok' in next ? next : finish(outcome, next, extra);
  };

  if (open) {
    // A field already in conflict: a device that saw the provisional value supersedes it (the conflict stays
    // open for the record); one that did not adds its value as another candidate. A value written since at an
    // overlapping path (the whole repeat around this field) is a candidate too, or choosing among the older
    // candidates would drop it unseen.
    const currentValue = current ?? null;
    const writtenSince = stamp && !jsonEqual(currentValue, open.provisional) && !open.candidates.some((c) => jsonEqual(c.value, currentValue))
      ? { ...open, candidates: [...open.candidates, { value: currentValue, opId: stamp.opId, deviceId: stamp.deviceId, hlc: stamp.hlc }] }
      : open;
    const candidates = withCandidate(writtenSince, candidateOf(op));
    const winner = seen ? candidateOf(op) : provisionalOf(candidates)!;
    conflicts.push({ ...open, candidates, provisional: winner.value });
    const winnerStamp: FieldStamp = { version: context.version, hlc: winner.hlc, deviceId: winner.deviceId, opId: winner.opId };
    return apply(seen ? 'applied' : 'conflict', winner.value, winnerStamp);
  }
  if (stamp && jsonEqual(current, op.value)) {
    const signed = cosign(state, op, stamp, context.version);
    return finish(signed.outcome, signed.record);
  }
  if (seen || stamp.deviceId === op.deviceId) return apply('applied', op.value, stampOf(op, context.version));
  // Concurrent: another device changed this field after the version this device last saw.
  const currentCandidate: Candidate = { value: current ?? null, opId: stamp.opId, deviceId: stamp.deviceId, hlc: stamp.hlc };
  const [older, newer] = currentCandidate.hlc <= op.hlc ? [current, op.value] : [op.value, current];
  const mergedFrom = [currentCandidate, candidateOf(op)];
  const winnerByClock = provisionalOf(mergedFrom)!;
  // A combined value belongs to no single device: no writer may overwrite it through the same-device rule.
  const mergedStamp: FieldStamp = { version: context.version, hlc: winnerByClock.hlc, deviceId: MERGED_DEVICE, opId: op.opId };
  switch (context.mergeKind) {
    case 'union':
      return apply('merged', unionChoices(older, newer), mergedStamp, { mergedFrom });
    case 'photos':
      return apply('merged', unionPhotos(older, newer), mergedStamp, { mergedFrom });
    case 'append':
      return apply('merged', appendTexts(older, newer), mergedStamp, { mergedFrom });
    case 'lww':
      if (op.hlc > stamp.hlc) return apply('applied', op.value, stampOf(op, context.version));
      return finish('merged', state);
    case 'replace': {
      const conflict: ConflictDraft = { id: null, kind: 'same-field', path: op.path, candidates: mergedFrom, provisional: winnerByClock.value };
      conflicts.push(conflict);
      return apply('conflict', winnerByClock.value, mergedStamp);
    }
  }
}

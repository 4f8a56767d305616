// Applies one pushed batch in ONE store transaction: validate every op first (all-or-nothing), then merge in order, then write.
import { randomUUID } from 'node:crypto';
import { evaluate, fieldRulesAt, pickChoices, writeFeedsCalculation, type Evaluation, type FieldRules, type FormDefinition } from '../../../src/engine/index.ts';
import { functionsFor } from '../../../forms/registry.ts';
import { admit, format, type Hlc, parse } from '../../../src/protocol/hlc.ts';
import { parseOpId } from '../../../src/protocol/ids.ts';
import { getAnswerAt } from '../../../src/protocol/answer-paths.ts';
import { jsonEqual } from '../../../src/protocol/json-equal.ts';
import { type Candidate, type ConflictDraft, type FieldStamp, type MergeRecord, mergeOp } from '../../../src/protocol/merge.ts';
import type { MergeKind } from '../../../src/protocol/merge-values.ts';
import type { Op } from '../../../src/protocol/op.ts';
import { PushRequestSchema, type PushRequest, type PushResult } from '../../../src/protocol/push.ts';
import { PROTOCOL_VERSION } from '../../../src/protocol/version.ts';
import { checkOp, type DynamicChecks } from '../forms/validate-op.ts';
import type { ConflictCandidate, ConflictItem, ServerRecord, StoredOp, SyncTx } from '../storage/sync-store.ts';
import { toConflictDraft, toMergeRecord, toServerRecord } from './record-mapping.ts';
import { formInScope, isOfficeRole, recordInScope } from '../auth/scope.ts';
import { officeOwnedProblem } from '../forms/office-owned.ts';
import { withOfficeColumns } from '../office/record-write.ts';
import { loadServerClock, saveServerClock } from './server-clock.ts';
import type { Actor, PushOutcome, RejectedOp, SyncDeps } from './types.ts';
import { changeAuditEntries } from './change-audit.ts';
import { deriveCalculations } from './derive-calculations.ts';
import { JST_OFFSET_MINUTES } from '../care/case-kpis.ts';
import { answersWithoutMeta } from '../office/answers-without-meta.ts';
import type { AuditContext } from '../office/audit-context.ts';
import { firstTakenCaseNumber } from '../care/case-number.ts';
import { CARE_CASE_FORM_ID, readCase } from '../../../forms/care-case/case-fields.ts';
import { everSubmittedIds, submittedDeleteRefusal } from './submitted-delete.ts';

/** Thrown inside the store transaction to roll it back and answer `outcome` (a refusal found after writes began). */
class PushRefusal extends Error {
  constructor(readonly outcome: PushOutcome) {
    super('push refused');
  }
}

/** Stamped on fields during the merge, renumbered to the record's real change sequence before writing. */
const PENDING_VERSION = Number.MAX_SAFE_INTEGER;

interface Working {
  previous: ServerRecord | null;
  state: MergeRecord | null;
  touched: boolean;
  /** Changed in storage only (a re-signed stamp), without a new change sequence. */
  dirty: boolean;
  form: FormDefinition;
  /** Paths whose value came from combining concurrent edits in this batch, with the values combined. */
  merged: Map<string, Candidate[]>;
  conflicts: Map<string, ConflictDraft & { dirty: boolean; createdAt?: string }>;
  /** The rule check's evaluation of the merged answers, reused for the record's summary. */
  evaluation?: Evaluation;
  /** The last op of the batch on this record that may change a calculated answer: what it changes is stamped as its doing. */
  calculationCause?: FieldStamp;
}

/** What the engine says of `path` given the record's current state; null when the engine cannot say. */
function rulesAt(w: Working, path: string, now: Date): FieldRules | null {
  if (!w.state) return null;
  try {
    return fieldRulesAt(w.form, answersWithoutMeta(w.state.answers), path, { now, utcOffsetMinutes: JST_OFFSET_MINUTES });
  } catch {
    return null; // an engine failure leaves the check to the type rules already applied
  }
}

/** The fields with PENDING_VERSION stamps renumbered to `seq`; fields that shared a stamp share the renumbered one. */
function renumberPending(fields: Record<string, FieldStamp>, seq: number): Record<string, FieldStamp> {
  const renumbered = new Map<FieldStamp, FieldStamp>();
  const out: Record<string, FieldStamp> = {};
  for (const path in fields) {
    const stamp = fields[path]!;
    if (stamp.version !== PENDING_VERSION) {
      out[path] = stamp;
      continue;
    }
    let next = renumbered.get(stamp);
    if (!next) renumbered.set(stamp, next = { ...stamp, version: seq });
    out[path] = next;
  }
  return out;
}

function reject(rejected: RejectedOp[]): PushOutcome {
  return {
    ok: false, status: 422,
    error: { code: 'E_PUSH_REJECTED', message: `${rejected.length} operation(s) rejected; nothing in the batch was applied`, rejected },
  };
}

/** Applies a push for `actor`; the request is re-checked with the protocol schema (callers may be internal). */
export async function applyPush(deps: SyncDeps, actor: Actor, request: PushRequest): Promise<PushOutcome> {
  if (request?.protocolVersion !== PROTOCOL_VERSION) {
    return { ok: false, status: 400, error: { code: 'E_PROTOCOL_VERSION', message: `protocol version ${String(request?.protocolVersion)} is not ${PROTOCOL_VERSION}` } };
  }
  const parsed = PushRequestSchema.safeParse(request);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, status: 400, error: { code: 'E_BAD_REQUEST', message: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid push'}` } };
  }
  return applyParsedPush(deps, actor, parsed.data);
}

/**
 * For a boundary that has ALREADY parsed the request with PushRequestSchema and checked its protocol version (the
 * HTTP route): skips the second schema pass over every op value. Anything else must call applyPush.
 */
export async function applyParsedPush(deps: SyncDeps, actor: Actor, request: PushRequest, audit?: AuditContext): Promise<PushOutcome> {
  if (request.protocolVersion !== PROTOCOL_VERSION) {
    return { ok: false, status: 400, error: { code: 'E_PROTOCOL_VERSION', message: `protocol version ${String(request.protocolVersion)} is not ${PROTOCOL_VERSION}` } };
  }
  if (request.deviceId !== actor.deviceId) {
    return { ok: false, status: 403, error: { code: 'E_DEVICE_MISMATCH', message: 'the push names a different device than the one this login is for' } };
  }
  const now = (deps.now ?? (() => new Date()))();
  try {
    return await deps.store.transaction((tx) => pushInTransaction(tx, deps, actor, request.ops, now, audit));
  } catch (error) {
    if (error instanceof PushRefusal) return error.outcome;
    throw error;
  }
}

async function pushInTransaction(tx: SyncTx, deps: SyncDeps, actor: Actor, ops: Op[], now: Date, audit?: AuditContext): Promise<PushOutcome> {
  const at = now.toISOString();
  // 0. Every op must be this device's before anything is looked up: a replayed op of another device is refused
  // without saying whether it is known (its outcome, version or conflict would leak records outside the scope).
  const foreign = ops.filter((op) => parseOpId(op.opId)?.deviceId !== actor.deviceId);
  if (foreign.length > 0) {
    return reject(dedupe(foreign.map((op) => ({ opId: op.opId, code: 'E_OPID_DEVICE', message: `op id ${op.opId.slice(0, 200)} does not belong to device ${actor.deviceId}` }))));
  }
  const stored = new Map((await tx.getOps([...new Set(ops.map((o) => o.opId))])).map((s) => [s.opId, s]));
  const firstInBatch = new Map<string, Op>();
  const rejected: RejectedOp[] = [];
  const fresh = ops.filter((op) => {
    // A retry resends an op exactly (the outbox freezes it when claimed); the same id with other content is a
    // client fault that would otherwise be acknowledged as 'duplicate' and silently dropped.
    const earlier = stored.get(op.opId) ?? firstInBatch.get(op.opId);
    if (earlier) {
      if (!sameOpContent(earlier, op)) rejected.push({ opId: op.opId, code: 'E_OPID_REUSED', message: `op id ${op.opId} was already used for another operation` });
      return false;
    }
    firstInBatch.set(op.opId, op);
    return true;
  });

  // 1. Validate everything before any write.
  const kinds = new Map<string, MergeKind>();
  const dynamicChecks = new Map<string, DynamicChecks>();
  for (const op of fresh) {
    const problem = checkOne(deps, actor, op);
    if ('code' in problem) rejected.push({ opId: op.opId, ...problem });
    else {
      kinds.set(op.opId, problem.mergeKind);
      if (problem.dynamic) dynamicChecks.set(op.opId, problem.dynamic);
    }
  }
  const recordIds = [...new Set(fresh.map((o) => o.recordId))];
  const existing = new Map((await tx.getRecords(recordIds)).map((r) => [r.id, r]));
  const creates = new Set(fresh.filter((o) => o.path === '@create').map((o) => o.recordId));
  // The form of a new record is the one its first op in the batch names.
  const firstFormOf = new Map<string, string>();
  for (const op of fresh) if (!firstFormOf.has(op.recordId)) firstFormOf.set(op.recordId, op.formId);
  for (const op of fresh) {
    const record = existing.get(op.recordId);
    if (record && !recordInScope(record, actor.scope)) rejected.push({ opId: op.opId, code: 'E_SCOPE', message: `record ${op.recordId} is outside your scope` });
    else if (record && record.formId !== op.formId) rejected.push({ opId: op.opId, code: 'E_RECORD_FORM', message: `record ${op.recordId} belongs to form ${record.formId}, not ${op.formId}` });
    else if (!record && !creates.has(op.recordId)) rejected.push({ opId: op.opId, code: 'E_RECORD_UNKNOWN', message: `record ${op.recordId} does not exist on the server (push its @create first)` });
  }
  if (rejected.length > 0) return reject(dedupe(rejected));

  // 2. Merge in batch order, in memory.
  const working = new Map<string, Working>();
  const openConflicts = recordIds.length > 0 ? await tx.listConflicts({ recordIds, status: 'open' }) : [];
  for (const id of recordIds) {
    const previous = existing.get(id) ?? null;
    const formId = previous?.formId ?? firstFormOf.get(id)!;
    working.set(id, {
      previous, state: previous ? toMergeRecord(previous) : null, touched: false, dirty: false, form: deps.forms.get(formId)!,
      merged: new Map(), conflicts: new Map(),
    });
  }
  for (const item of openConflicts) {
    working.get(item.recordId)?.conflicts.set(item.path, { ...toConflictDraft(item), dirty: false, createdAt: item.createdAt });
  }

  // Field roles never delete what was handed in (the office keeps it; a supervisor may still delete it).
  const fieldDeletes = isOfficeRole(actor.role) ? [] : fresh.filter((o) => o.path === '@delete');
  const submittedBefore = await everSubmittedIds(tx, [...new Set(fieldDeletes.map((o) => o.recordId))].flatMap((id) => existing.get(id) ?? []));

  let clock: Hlc = await loadServerClock(tx);
  const results: PushResult[] = [];
  const newOps: { op: StoredOp; recordId: string }[] = [];
  const mergeFailures: RejectedOp[] = [];
  const inBatch = new Map<string, PushResult>();
  for (const op of ops) {
    const previous = stored.get(op.opId);
    if (previous) {
      results.push(duplicateResult(op.opId, previous.conflictId, previous.changeSeq));
      continue;
    }
    const earlier = inBatch.get(op.opId);
    if (earlier) {
      results.push({ ...earlier, outcome: 'duplicate' });
      continue;
    }
    const w = working.get(op.recordId)!;
    const remote = parse(op.hlc);
    if (!remote.ok) { mergeFailures.push({ opId: op.opId, code: remote.code, message: remote.message }); continue; }
    const admitted = admit(clock, remote.value, now.getTime());
    clock = admitted.clock;
    // parse() accepts only canonical text, so an op admitted as sent keeps its own (format() would rebuild the same
    // string, except that it clamps a time before 1970).
    const admittedHlc = !admitted.clamped && remote.value.millis >= 0 ? op.hlc : format(admitted.effective);
    const deviceId = parseOpId(op.opId)!.deviceId;
    const dynamic = dynamicChecks.get(op.opId);
    if (op.path === '@delete' && !isOfficeRole(actor.role) && (submittedBefore.has(op.recordId) || (w.state !== null && w.state.status !== 'draft'))) {
      mergeFailures.push(submittedDeleteRefusal(op.opId, op.recordId));
      continue;
    }
    // The tablet offers no input for a field whose readonly expression holds on the answers as they stand.
    if (dynamic?.readonlyExpression && rulesAt(w, op.path, now)?.readonly) {
      mergeFailures.push({ opId: op.opId, code: 'E_READONLY', message: `"${op.path.slice(0, 200)}" is read-only for this record`, path: op.path });
      continue;
    }
    const merged = mergeOp(w.state, { ...op, deviceId, hlc: admittedHlc }, { version: PENDING_VERSION, mergeKind: kinds.get(op.opId)!, openConflicts: w.conflicts });
    if (!merged.ok) { mergeFailures.push({ opId: op.opId, code: merged.code, message: merged.message }); continue; }
    if (merged.touched && writeFeedsCalculation(w.form, op.path)) w.calculationCause = { version: PENDING_VERSION, hlc: admittedHlc, deviceId, opId: op.opId };
    // A no-op may still re-sign a field's stamp in place (merge.ts cosign): stored, but nothing devices replicate changed.
    if (merged.record !== w.state) w.dirty = true;
    w.state = merged.record;
    w.touched ||= merged.touched;
    if (merged.mergedFrom) w.merged.set(op.path, merged.mergedFrom);
    let conflictId: string | null = null;
    for (const draft of merged.conflicts) {
      const id = draft.id ?? randomUUID();
      const before = w.conflicts.get(draft.path);
      w.conflicts.set(draft.path, { ...draft, id, dirty: true, createdAt: before?.createdAt });
      conflictId ??= id;
    }
    const result: PushResult = { opId: op.opId, outcome: merged.outcome };
    if (conflictId) result.conflictId = conflictId;
    results.push(result);
    inBatch.set(op.opId, result);
    // A choice filter reads other answers: an applied choice must be one the form offers given the record's answers
    // after it (a value combined from concurrent edits, or held in a conflict, is left to the rule check and to a person).
    if (dynamic && merged.outcome === 'applied') {
      for (const path of dynamic.filteredPaths) {
        const state = rulesAt(w, path, now);
        const value = getAnswerAt(w.state!.answers, path);
        if (state?.choices && value !== null && value !== undefined && !pickChoices(state.choices, value).ok) {
          mergeFailures.push({ opId: op.opId, code: 'E_VALUE_INVALID', message: `"${path.slice(0, 200)}": the choice is not offered for the record's other answers (choice filter)`, path });
          break;
        }
      }
    }
    newOps.push({
      recordId: op.recordId,
      op: {
        opId: op.opId, deviceId, userId: actor.userId, recordId: op.recordId, path: op.path, value: op.value,
        hlc: op.hlc, admittedHlc, baseVersion: op.baseVersion, outcome: merged.outcome, code: null, conflictId,
        changeSeq: null, receivedAt: at,
      },
    });
  }
  if (mergeFailures.length > 0) return reject(mergeFailures);

  // 3. Calculated answers follow the merged answers; then the rule check: a value made by combining concurrent edits
  // that breaks the form's rules needs a person.
  for (const w of working.values()) {
    if (w.touched && w.state && w.calculationCause) w.state = deriveCalculations(w.form, w.state, w.calculationCause, now);
    addRuleConflicts(w, now);
  }

  // 4. Write: one change sequence per touched record, in the order the batch touched them.
  const seqOf = new Map<string, number>();
  for (const [id, w] of working) {
    if (!w.touched && w.dirty && w.state && w.previous) await tx.putRecord(toServerRecord(w.state, w.previous, actor.userId, w.previous.changeSeq, w.previous.updatedAt));
    if (!w.touched || !w.state) continue;
    const seq = await tx.nextChangeSeq();
    seqOf.set(id, seq);
    const fields = renumberPending(w.state.fields, seq);
    const record = toServerRecord({ ...w.state, fields }, w.previous, actor.userId, seq, at);
    // Review-queue summary, and a new revision when this batch submitted the record.
    await tx.putRecord(await withOfficeColumns(tx, { record, previous: w.previous, form: w.form, userId: actor.userId, at, now, evaluation: w.evaluation }));
    for (const draft of w.conflicts.values()) {
      if (!draft.dirty) continue;
      const item = await toConflictItem(tx, draft, id, seq, actor.userId, draft.createdAt ?? at, at);
      if (draft.createdAt) await tx.updateConflict(item);
      else await tx.insertConflict(item);
    }
  }
  // A care case's 申請番号 is unique among live cases. Checked after this transaction took its first change sequence
  // (the lock that orders writers), so a concurrent office create cannot pass the same check (care/case-number.ts).
  const taken = await firstTakenCaseNumber(tx, caseNumberChanges(working));
  if (taken) {
    const culprit = [...newOps].reverse().find((n) => n.recordId === taken.recordId && (n.op.path === '@create' || n.op.path === 'case_number'));
    throw new PushRefusal(reject([{
      opId: culprit?.op.opId ?? '', code: 'E_CARE_CASE_NUMBER_TAKEN', message: `case number ${taken.caseNumber.slice(0, 100)} is taken by another case`, path: 'case_number',
    }]));
  }
  for (const { op, recordId } of newOps) {
    const seq = seqOf.get(recordId);
    if (seq !== undefined && op.outcome !== 'noop') op.changeSeq = seq;
  }
  // A repeated op id answers for its first occurrence, as the duplicate handling above does.
  const recordOfOp = new Map<string, string>();
  for (const op of ops) if (!recordOfOp.has(op.opId)) recordOfOp.set(op.opId, op.recordId);
  for (const result of results) {
    const recordId = recordOfOp.get(result.opId);
    const seq = recordId ? seqOf.get(recordId) : undefined;
    if (seq !== undefined && result.outcome !== 'noop' && result.outcome !== 'duplicate') result.version = seq;
  }
  if (newOps.length > 0) await tx.insertOps(newOps.map((n) => n.op));
  if (audit && seqOf.size > 0) await tx.appendAudit(changeAuditEntries(audit, actor.deviceId, newOps, seqOf, at));
  await saveServerClock(tx, clock);
  return { ok: true, response: { results, serverHlc: format(clock) } };
}

/** The care cases whose number this batch set or changed (new, or different from the stored one). */
function caseNumberChanges(working: Map<string, Working>): { recordId: string; caseNumber: string }[] {
  const changes: { recordId: string; caseNumber: string }[] = [];
  for (const [recordId, w] of working) {
    if (!w.touched || !w.state || w.state.deleted || w.form.id !== CARE_CASE_FORM_ID) continue;
    const caseNumber = readCase(w.state.answers).caseNumber;
    if (caseNumber !== null && (!w.previous || w.previous.deleted || readCase(w.previous.answers).caseNumber !== caseNumber)) changes.push({ recordId, caseNumber });
  }
  return changes;
}

function checkOne(deps: SyncDeps, actor: Actor, op: Op): { code: string; message: string; path?: string } | { mergeKind: MergeKind; dynamic?: DynamicChecks } {
  const form = deps.forms.get(op.formId);
  if (!form) return { code: 'E_UNKNOWN_FORM', message: `the server has no form "${op.formId}"` };
  if (!formInScope(actor.scope, op.formId)) return { code: 'E_SCOPE', message: `form ${op.formId} is not allowed for your role` };
  const check = checkOp(form, op);
  // Field roles may not touch what the form reserves to the office (supervisors and admins are the office).
  const owned = check.ok && !isOfficeRole(actor.role) ? officeOwnedProblem(form, op) : null;
  if (owned) return owned;
  if (check.ok) return check.dynamic ? { mergeKind: check.mergeKind, dynamic: check.dynamic } : { mergeKind: check.mergeKind };
  return check.path === undefined ? { code: check.code, message: check.message } : { code: check.code, message: check.message, path: check.path };
}

/** The parts of an op its id stands for (formId and formVersion are checked against the record separately). */
function sameOpContent(earlier: Pick<Op, 'recordId' | 'path' | 'value' | 'hlc' | 'baseVersion'>, op: Op): boolean {
  return earlier.recordId === op.recordId && earlier.path === op.path && earlier.hlc === op.hlc && earlier.baseVersion === op.baseVersion && jsonEqual(earlier.value, op.value);
}

function duplicateResult(opId: string, conflictId: string | null, changeSeq: number | null): PushResult {
  const result: PushResult = { opId, outcome: 'duplicate' };
  if (conflictId) result.conflictId = conflictId;
  if (changeSeq !== null) result.version = changeSeq;
  return result;
}

function dedupe(rejected: RejectedOp[]): RejectedOp[] {
  const seen = new Set<string>();
  return rejected.filter((r) => (seen.has(r.opId) ? false : (seen.add(r.opId), true)));
}

function addRuleConflicts(w: Working, now: Date): void {
  if (!w.state || w.merged.size === 0) return;
  const answers = answersWithoutMeta(w.state.answers);
  let errors;
  try {
    w.evaluation = evaluate(w.form, answers, { now, functions: functionsFor(w.form.id), applyDefaults: false });
    errors = w.evaluation.errors;
  } catch {
    return; // an engine failure must not block sync; the record still converges
  }
  for (const error of errors) {
    if (error.code === 'E_REQUIRED') continue;
    const from = w.merged.get(error.path);
    if (!from || w.conflicts.has(error.path)) continue;
    w.conflicts.set(error.path, {
      id: randomUUID(), kind: 'rule', path: error.path, candidates: from,
      provisional: getAnswerAt(w.state.answers, error.path) ?? null, dirty: true,
    });
    w.touched = true;
  }
}

async function toConflictItem(
  tx: SyncTx, draft: ConflictDraft & { id: string | null }, recordId: string, seq: number, actorUserId: string, createdAt: string, at: string,
): Promise<ConflictItem> {
  const ops = new Map((await tx.getOps(draft.candidates.map((c) => c.opId).filter((id) => id !== ''))).map((o) => [o.opId, o]));
  const candidates: ConflictCandidate[] = draft.candidates.map((c) => ({
    ...c, userId: ops.get(c.opId)?.userId ?? actorUserId, at: ops.get(c.opId)?.receivedAt ?? at,
  }));
  return {
    id: draft.id ?? randomUUID(), recordId, path: draft.path, kind: draft.kind, candidates, provisional: draft.provisional,
    status: 'open', resolution: null, createdAt, changeSeq: seq,
  };
}

// Lists conflicts in the actor's scope and lets a supervisor resolve one: the chosen value becomes a new change every device pulls.
import { setAnswerAt } from '../../../src/protocol/answer-paths.ts';
import { ResolveConflictRequestSchema, type ResolveConflictRequest } from '../../../src/protocol/conflict.ts';
import { format, send } from '../../../src/protocol/hlc.ts';
import { checkOp } from '../forms/validate-op.ts';
import type { ConflictItem } from '../storage/sync-store.ts';
import { recordInScope } from '../auth/scope.ts';
import { auditEntry, type AuditContext } from '../office/audit-context.ts';
import { reopenIfEditedAfterApproval } from '../office/edit-after-approval.ts';
import { withOfficeColumns } from '../office/record-write.ts';
import { deriveCalculations } from './derive-calculations.ts';
import { loadServerClock, saveServerClock, SERVER_NODE } from './server-clock.ts';
import type { Actor, SyncDeps } from './types.ts';

export type ResolveOutcome =
  | { ok: true; conflict: ConflictItem }
  | { ok: false; status: 400 | 403 | 404 | 409 | 422; error: { code: string; message: string } };

const RESOLVER_ROLES = new Set(['supervisor', 'admin']);
const LIST_LIMIT = 1000;

export async function listConflicts(deps: SyncDeps, actor: Actor, filter: { status?: 'open' | 'resolved'; recordId?: string }): Promise<ConflictItem[]> {
  return deps.store.transaction(async (tx) => {
    const items = await tx.listConflicts({
      status: filter.status, limit: LIST_LIMIT, ...(filter.recordId ? { recordIds: [filter.recordId] } : {}),
    });
    const records = new Map((await tx.getRecords([...new Set(items.map((i) => i.recordId))])).map((r) => [r.id, r]));
    return items.filter((i) => { const r = records.get(i.recordId); return r !== undefined && recordInScope(r, actor.scope); });
  });
}

/** `audit` (the HTTP route passes it) appends the resolution, with its reason, to the audit log in the same transaction. */
export async function resolveConflict(deps: SyncDeps, actor: Actor, conflictId: string, body: ResolveConflictRequest, audit?: AuditContext): Promise<ResolveOutcome> {
  if (!RESOLVER_ROLES.has(actor.role)) return { ok: false, status: 403, error: { code: 'E_FORBIDDEN', message: 'only a supervisor or an administrator resolves conflicts' } };
  const parsed = ResolveConflictRequestSchema.safeParse(body);
  if (!parsed.success) return { ok: false, status: 400, error: { code: 'E_BAD_REQUEST', message: parsed.error.issues[0]?.message ?? 'invalid resolution' } };
  const { value, reason } = parsed.data;
  const now = (deps.now ?? (() => new Date()))();
  const at = now.toISOString();
  return deps.store.transaction(async (tx): Promise<ResolveOutcome> => {
    const conflict = await tx.getConflict(conflictId);
    const record = conflict ? (await tx.getRecords([conflict.recordId]))[0] : undefined;
    if (!conflict || !record || !recordInScope(record, actor.scope)) return { ok: false, status: 404, error: { code: 'E_NOT_FOUND', message: `no conflict ${conflictId}` } };
    if (conflict.status !== 'open') return { ok: false, status: 409, error: { code: 'E_CONFLICT_STATE', message: 'the conflict was already resolved' } };
    const form = deps.forms.get(record.formId);
    let next = record;
    if (conflict.path === '@delete') {
      if (typeof value !== 'boolean') return { ok: false, status: 422, error: { code: 'E_VALUE_INVALID', message: 'an edit/delete conflict resolves to true (delete) or false (keep)' } };
      next = { ...record, deleted: value };
    } else if (conflict.path === '@status') {
      if (!['draft', 'submitted', 'returned', 'approved'].includes(value as string)) return { ok: false, status: 422, error: { code: 'E_VALUE_INVALID', message: 'a status conflict resolves to a record status' } };
      next = { ...record, status: value as typeof record.status };
    } else {
      if (form) {
        const check = checkOp(form, { opId: 'server:1', recordId: record.id, formId: record.formId, formVersion: record.formVersion, path: conflict.path, value, hlc: '', baseVersion: 0 });
        if (!check.ok) return { ok: false, status: 422, error: { code: check.code, message: check.message } };
      }
      const set = setAnswerAt(record.answers, conflict.path, value);
      if (!set.ok) return { ok: false, status: 422, error: { code: set.code, message: set.message } };
      next = { ...record, answers: set.answers };
    }
    let clock = await loadServerClock(tx);
    clock = send(clock, now.getTime());
    const hlc = format(clock);
    const seq = await tx.nextChangeSeq();
    const stamp = { version: seq, hlc, deviceId: SERVER_NODE, opId: `resolve:${conflict.id}` };
    const resolvedRecord = { ...next, fields: { ...next.fields, [conflict.path]: stamp }, changeSeq: seq, updatedAt: at };
    // The chosen value may change what the form calculates from it.
    const written = form ? deriveCalculations(form, resolvedRecord, stamp, now) : resolvedRecord;
    // An edit after approval reopens the record; a resolved '@status' may submit it (a new revision): docs/PROTOCOL.md "Back office".
    const reopened = reopenIfEditedAfterApproval({ before: record, after: written, conflict, value, reason, userId: actor.userId, at, stamp });
    await tx.putRecord(await withOfficeColumns(tx, { record: reopened, previous: record, form, userId: actor.userId, at, now }));
    const resolved: ConflictItem = { ...conflict, status: 'resolved', provisional: value, resolution: { value, by: actor.userId, reason, at }, changeSeq: seq };
    await tx.updateConflict(resolved);
    if (audit) {
      const detail = { conflictId: conflict.id, path: conflict.path, kind: conflict.kind, reason, value: JSON.stringify(value).slice(0, 1000), reopened: reopened.status !== written.status };
      await tx.appendAudit([auditEntry(audit, 'conflict_resolve', record.id, detail, at)]);
    }
    await saveServerClock(tx, clock);
    return { ok: true, conflict: resolved };
  });
}

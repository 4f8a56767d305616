// The audit entries of one push: one 'record_change' per record the batch changed, naming the device, the op count and the paths.
import type { AuditEntry, StoredOp } from '../storage/sync-store.ts';
import { auditEntry, type AuditContext } from '../office/audit-context.ts';

/** Enough paths to see what changed without copying a whole 調査票 into the audit log (the ops log keeps the values). */
const PATHS_PER_ENTRY = 30;

export function changeAuditEntries(
  audit: AuditContext, deviceId: string, newOps: readonly { op: StoredOp; recordId: string }[], seqOf: ReadonlyMap<string, number>, at: string,
): Omit<AuditEntry, 'seq'>[] {
  const byRecord = new Map<string, StoredOp[]>();
  for (const { op, recordId } of newOps) {
    if (!seqOf.has(recordId) || op.outcome === 'noop') continue;
    const list = byRecord.get(recordId) ?? [];
    list.push(op);
    byRecord.set(recordId, list);
  }
  return [...byRecord].map(([recordId, ops]) => {
    const paths = [...new Set(ops.map((o) => o.path))];
    const outcomes: Record<string, number> = {};
    for (const o of ops) outcomes[o.outcome] = (outcomes[o.outcome] ?? 0) + 1;
    return auditEntry(audit, 'record_change', recordId, {
      deviceId, changeSeq: seqOf.get(recordId), ops: ops.length, outcomes,
      paths: paths.slice(0, PATHS_PER_ENTRY), ...(paths.length > PATHS_PER_ENTRY ? { morePaths: paths.length - PATHS_PER_ENTRY } : {}),
    }, at);
  });
}

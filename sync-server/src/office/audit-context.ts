// Who an audit entry names (a user or an API token, and the client address), and the one builder of entries.
import type { AuditAction, AuditEntry } from '../storage/sync-store.ts';

export interface AuditContext {
  /** null when an API token acts. */
  userId: string | null;
  /** The username, or "token:<name>". */
  actor: string;
  ip: string | null;
}

export function auditEntry(context: AuditContext, action: AuditAction, recordId: string | null, detail: Record<string, unknown>, at: string): Omit<AuditEntry, 'seq'> {
  return { at, userId: context.userId, actor: context.actor, action, recordId, detail, ip: context.ip };
}

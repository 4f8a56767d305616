// One line of the append-only audit log: who did what to which record, when and from where.
import { z } from 'zod';

export const AUDIT_ACTIONS = [
  'sign_in', 'sign_in_failed', 'sign_out', 'record_view', 'record_change', 'review', 'conflict_resolve',
  'export', 'download', 'handoff_read', 'token_create', 'token_revoke', 'webhook_change', 'webhook_replay', 'device_revoke',
  'user_create', 'user_update', 'user_disable', 'user_enable', 'password_reset', 'password_change',
] as const;
export type AuditActionName = (typeof AUDIT_ACTIONS)[number];

export const AuditEntrySchema = z.strictObject({
  seq: z.number().int().min(1),
  at: z.string(),
  /** null when an API token acted. */
  userId: z.string().nullable(),
  /** The username, or "token:<name>". */
  actor: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  recordId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
});

export type AuditEntryMessage = z.infer<typeof AuditEntrySchema>;

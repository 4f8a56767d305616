// The query of GET /api/office/audit: search the audit log by user, record, action and time, newest first.
import { z } from 'zod';
import { AUDIT_ACTIONS } from './audit-entry.ts';
import { FromParam, IdParam, limitParam, SeqParam, ToParam } from './query-values.ts';

export const AUDIT_DEFAULT_LIMIT = 100;
export const AUDIT_MAX_LIMIT = 500;

export const AuditQuerySchema = z.strictObject({
  userId: IdParam.optional(),
  recordId: IdParam.optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  from: FromParam.optional(),
  to: ToParam.optional(),
  /** The `next` of the previous page: entries older than this sequence number. */
  before: SeqParam.optional(),
  limit: limitParam(AUDIT_DEFAULT_LIMIT, AUDIT_MAX_LIMIT),
});

export type AuditQuery = z.infer<typeof AuditQuerySchema>;

// The answer of GET /api/office/audit: one page of entries, newest first.
import { z } from 'zod';
import { AuditEntrySchema } from './audit-entry.ts';

export const AuditResponseSchema = z.strictObject({
  entries: z.array(AuditEntrySchema),
  /** Pass as `before` for the next (older) page; null on the last page. */
  next: z.string().nullable(),
});

export type AuditResponse = z.infer<typeof AuditResponseSchema>;

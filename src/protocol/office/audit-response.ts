// The answer of GET /api/office/audit: one page of entries, newest first, with the names of what they mention.
import { z } from 'zod';
import { AuditEntrySchema } from './audit-entry.ts';
import { AuditNamesSchema } from './audit-names.ts';

export const AuditResponseSchema = z.strictObject({
  entries: z.array(AuditEntrySchema),
  /** Pass as `before` for the next (older) page; null on the last page. */
  next: z.string().nullable(),
  /** Display names, device labels and record titles of the ids the entries mention. */
  names: AuditNamesSchema,
});

export type AuditResponse = z.infer<typeof AuditResponseSchema>;

// The names an audit page mentions by id, so the office can say who, which record and which device in words instead of ids.
import { z } from 'zod';

export const AuditNamesSchema = z.strictObject({
  /** User id → display name (actors, targets of account changes, owners of revoked devices, care assignees). */
  users: z.record(z.string(), z.string()),
  /** Device id → its label as registered at login. */
  devices: z.record(z.string(), z.string()),
  /** Record id → its title (the review queue's) and form; a record the server no longer has is absent. */
  records: z.record(z.string(), z.strictObject({ title: z.string().nullable(), formId: z.string() })),
});

export type AuditNames = z.infer<typeof AuditNamesSchema>;

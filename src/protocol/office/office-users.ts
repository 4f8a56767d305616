// The answer of GET /api/office/users: who records can be owned by or assigned to (for the list's filters and names).
import { z } from 'zod';
import { ROLES } from '../auth.ts';

export const OfficeUsersResponseSchema = z.strictObject({
  users: z.array(z.strictObject({ id: z.string(), username: z.string(), displayName: z.string(), role: z.enum(ROLES) })),
});

export type OfficeUsersResponse = z.infer<typeof OfficeUsersResponseSchema>;

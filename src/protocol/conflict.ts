// Resolving a conflict: the value a supervisor chose and why.
import { z } from 'zod';
import { JsonValueSchema } from './common.ts';

export const ResolveConflictRequestSchema = z.strictObject({
  value: JsonValueSchema,
  reason: z.string().min(1).max(2000),
});

export type ResolveConflictRequest = z.infer<typeof ResolveConflictRequestSchema>;

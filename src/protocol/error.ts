// The body of every 4xx answer: a coded error with a plain message.
import { z } from 'zod';

export const ErrorBodySchema = z.strictObject({
  error: z.object({
    code: z.string().regex(/^E_[A-Z0-9_]+$/),
    message: z.string(),
    details: z.unknown().optional(),
  }).loose(),
});

export type ErrorBody = z.infer<typeof ErrorBodySchema>;

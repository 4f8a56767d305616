// Push: a batch of ops from one device, and the server's per-op answer. A batch is all-or-nothing.
import { z } from 'zod';
import { DeviceIdSchema, HlcSchema, SeqSchema } from './common.ts';
import { OpSchema } from './op.ts';

export const MAX_PUSH_OPS = 500;
/** The server refuses a JSON request body over this many bytes (413 E_TOO_LARGE); the device keeps each push below it. */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;

export const PushRequestSchema = z.strictObject({
  protocolVersion: z.number().int(),
  deviceId: DeviceIdSchema,
  ops: z.array(OpSchema).min(1).max(MAX_PUSH_OPS),
});

export const PUSH_OUTCOMES = ['applied', 'noop', 'merged', 'conflict', 'duplicate'] as const;
export type PushOpOutcome = (typeof PUSH_OUTCOMES)[number];

export const PushResultSchema = z.strictObject({
  opId: z.string(),
  outcome: z.enum(PUSH_OUTCOMES),
  conflictId: z.string().optional(),
  /** The record's change sequence after this op (when it changed something). */
  version: SeqSchema.optional(),
});

export const PushResponseSchema = z.strictObject({
  results: z.array(PushResultSchema),
  serverHlc: HlcSchema,
});

export type PushRequest = z.infer<typeof PushRequestSchema>;
export type PushResult = z.infer<typeof PushResultSchema>;
export type PushResponse = z.infer<typeof PushResponseSchema>;

// One field-level operation, as the device outbox sends it (see docs/PROTOCOL.md "Operations").
import { z } from 'zod';
import { parseAnswerPath } from './answer-paths.ts';
import { DeviceIdSchema, FormIdSchema, HlcSchema, JsonValueSchema, RecordIdSchema, SeqSchema } from './common.ts';
import { parseOpId } from './ids.ts';

export const META_PATHS = ['@create', '@status', '@delete', '@ack', '@migrate', '@reply'] as const;
export type MetaPath = (typeof META_PATHS)[number];

export function isMetaPath(path: string): path is MetaPath {
  return (META_PATHS as readonly string[]).includes(path);
}

export const OpIdSchema = z
  .string()
  .max(120)
  .refine((s) => {
    const parts = parseOpId(s);
    return parts !== null && parts.counter > 0 && DeviceIdSchema.safeParse(parts.deviceId).success;
  }, 'op ids are "<deviceId>:<positive integer>"');

export const OpPathSchema = z
  .string()
  .min(1)
  .max(500)
  .refine((p) => isMetaPath(p) || parseAnswerPath(p) !== null, 'an answer path ("a", "grp.b", "rep[1].c") or @create/@status/@delete/@ack/@migrate/@reply');

export const OpSchema = z.strictObject({
  opId: OpIdSchema,
  recordId: RecordIdSchema,
  formId: FormIdSchema,
  formVersion: z.number().int().min(1).max(1_000_000),
  path: OpPathSchema,
  value: JsonValueSchema,
  hlc: HlcSchema,
  baseVersion: SeqSchema,
});

export type Op = z.infer<typeof OpSchema>;

// Converts between RecordRow (what the app uses) and the stored row: zod-parses rows read from IndexedDB, applies the answers codec.
//
// A stored row is a boundary: it may come from an older schema or be damaged. Missing fields that
// later versions added get defaults; a row that cannot be understood is reported (E_RECORD_CORRUPT)
// and left in the database untouched, never dropped. Unknown extra fields are kept (looseObject) so
// writing a row back never strips what a newer app version stored.
import { z } from 'zod';
import type { RecordRow } from './records.ts';
import { decodeAnswers, encodeAnswers, type StoredAnswers } from './answersCodec.ts';
import { ReviewNoteSchema } from './sync/metaAnswers.ts';
import { ConflictNoteSchema } from './sync/conflictNotes.ts';
import { ReviewRepliesSchema } from '../protocol/review-request.ts';

export interface StoredRecord extends Omit<RecordRow, 'answers' | 'previousVersions'> {
  answers: StoredAnswers;
  previousVersions?: { formVersion: number; answers: StoredAnswers; migratedAt: string }[];
}

const answersSchema = z.record(z.string(), z.unknown());

const storedRecordSchema = z.looseObject({
  id: z.string().min(1),
  formId: z.string().min(1),
  formVersion: z.number().int().nonnegative(),
  answers: answersSchema,
  fieldClocks: z.record(z.string(), z.string()).default({}),
  status: z.enum(['draft', 'ready', 'submitted']),
  errorCount: z.number().int().nonnegative().default(0),
  acknowledgedWarnings: z.record(z.string(), z.string()).default({}),
  title: z.string().optional(),
  deviceId: z.string().default(''),
  createdAt: z.string(),
  updatedAt: z.string(),
  previousVersions: z
    .array(z.looseObject({ formVersion: z.number().int().nonnegative(), answers: answersSchema, migratedAt: z.string() }))
    .optional(),
  // Sync fields (schema v2); absent on rows written before sync existed.
  fieldVersions: z.record(z.string(), z.number().int().nonnegative()).optional(),
  serverVersion: z.number().int().nonnegative().optional(),
  openConflicts: z.array(z.string()).optional(),
  // Conflict details and what the user has seen: display aids, dropped rather than making the record unreadable.
  conflictNotes: z.array(ConflictNoteSchema).optional().catch(undefined),
  seenConflicts: z.array(z.string()).optional().catch(undefined),
  // Review fields (差し戻し); a damaged note is dropped rather than making the whole record unreadable.
  review: ReviewNoteSchema.optional().catch(undefined),
  returned: z.boolean().optional().catch(undefined),
  everSubmitted: z.boolean().optional().catch(undefined),
  reviewReplies: ReviewRepliesSchema.optional().catch(undefined),
  approved: z.boolean().optional().catch(undefined),
});

export type DecodeResult =
  | { ok: true; row: RecordRow }
  | { ok: false; code: 'E_RECORD_CORRUPT'; id: string | undefined; message: string };

export function encodeRecord(row: RecordRow): StoredRecord {
  const stored: StoredRecord = { ...row, answers: encodeAnswers(row.answers) };
  if (row.previousVersions) {
    stored.previousVersions = row.previousVersions.map((p) => ({ ...p, answers: encodeAnswers(p.answers) }));
  }
  return stored;
}

export function decodeRecord(raw: unknown): DecodeResult {
  const parsed = storedRecordSchema.safeParse(raw);
  if (!parsed.success) {
    const id = typeof (raw as { id?: unknown } | null)?.id === 'string' ? (raw as { id: string }).id : undefined;
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(row)'}: ${i.message}`).join('; ');
    return { ok: false, code: 'E_RECORD_CORRUPT', id, message: `record ${id ?? '(no id)'} cannot be read: ${issues}` };
  }
  const stored = parsed.data;
  const row = { ...stored, answers: decodeAnswers(stored.answers) } as RecordRow;
  if (stored.previousVersions) {
    row.previousVersions = stored.previousVersions.map((p) => ({ ...p, answers: decodeAnswers(p.answers) }));
  }
  return { ok: true, row };
}

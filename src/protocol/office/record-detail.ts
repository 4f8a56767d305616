// The answer of GET /api/office/records/:id: the record, every revision and the diffs between them, the engine's findings, conflicts, audit trail, photos and place.
import { z } from 'zod';
import { FormIdSchema, LocalizedSchema, SeqSchema } from '../common.ts';
import { RECORD_STATUSES } from '../snapshot.ts';
import { AuditEntrySchema } from './audit-entry.ts';
import { AuditNamesSchema } from './audit-names.ts';
import { OfficeConflictSchema } from './conflict-item.ts';
import { RecordSummarySchema } from './record-summary.ts';
import { RevisionDiffSchema } from './revision-diff.ts';
import { RevisionSchema } from './revision.ts';
import { ReviewHistoryEntrySchema } from '../review-history.ts';

export const OfficeRecordSchema = z.strictObject({
  id: z.string(),
  formId: FormIdSchema,
  formVersion: z.number().int(),
  status: z.enum(RECORD_STATUSES),
  deleted: z.boolean(),
  answers: z.record(z.string(), z.unknown()),
  fieldVersions: z.record(z.string(), SeqSchema),
  changeSeq: SeqSchema,
  ownerId: z.string(),
  assigneeId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  summary: RecordSummarySchema.nullable(),
});

export const RecordEvaluationSchema = z.strictObject({
  errors: z.array(z.strictObject({ path: z.string(), code: z.string(), message: LocalizedSchema })),
  warnings: z.array(z.strictObject({ code: z.string(), message: LocalizedSchema, paths: z.array(z.string()), acknowledgedReason: z.string().optional() })),
  /** The form's scoring outputs. */
  result: z.record(z.string(), z.unknown()),
});

export const RecordPhotoSchema = z.strictObject({
  /** Answer path of the photo or signature ("photos[1]", "buildings[0].building_photos[0]"). */
  path: z.string(),
  hash: z.string(),
  mime: z.string(),
});

/** Answers written through push by a supervisor or admin who does not own the record (one per user). */
export const OfficeEditSchema = z.strictObject({
  userId: z.string(),
  /** Answer paths (and '@' operations) the user wrote, in the order first written. */
  paths: z.array(z.string()),
  firstAt: z.string(),
  lastAt: z.string(),
});

export const RecordDetailResponseSchema = z.strictObject({
  record: OfficeRecordSchema,
  /** Ascending revision. */
  revisions: z.array(RevisionSchema),
  /** One per consecutive pair of revisions (from n to n+1). */
  diffs: z.array(RevisionDiffSchema),
  /** null when the server has no definition of the record's form. */
  evaluation: RecordEvaluationSchema.nullable(),
  /** Open and resolved conflicts of the record. */
  conflicts: z.array(OfficeConflictSchema),
  /** The record's audit trail, newest first (at most 200 entries). */
  audit: z.array(AuditEntrySchema),
  /** Names of what the audit trail mentions (users, devices, records). */
  auditNames: AuditNamesSchema,
  photos: z.array(RecordPhotoSchema),
  location: z.strictObject({ lat: z.number(), lon: z.number() }).nullable(),
  /** Display names of the users the answer mentions (owner, assignee, submitters, deciders, candidates, office editors). */
  users: z.record(z.string(), z.string()),
  /** Office edits to this record through the sync API, oldest first: shown in the review so they are not unnoticed. */
  officeEdits: z.array(OfficeEditSchema),
  /** Every review (return, approval, reopening), oldest first, with its comments and the assessor's replies. */
  reviews: z.array(ReviewHistoryEntrySchema),
});

export type OfficeRecord = z.infer<typeof OfficeRecordSchema>;
export type RecordEvaluation = z.infer<typeof RecordEvaluationSchema>;
export type OfficeEdit = z.infer<typeof OfficeEditSchema>;
export type RecordDetailResponse = z.infer<typeof RecordDetailResponseSchema>;

// The answers the office screens parse: the back-office messages of src/protocol/office, plus the few existing routes it also calls.
import { z } from 'zod';
import { RECORD_STATUSES } from '../../../protocol/snapshot.ts';
import {
  OfficeConflictSchema, type AuditEntryMessage, type DashboardResponse, type OfficeConflict, type OfficeUsersResponse,
  type RecordDetailResponse, type RecordListItemMessage, type RevisionDiff, type RevisionMessage,
} from '../../../protocol/office/index.ts';

export {
  AuditResponseSchema, DashboardResponseSchema, OfficeUsersResponseSchema, RecordDetailResponseSchema, RecordListResponseSchema,
} from '../../../protocol/office/index.ts';

/** GET /api/conflicts: the store's conflict items (the office shape); for office roles also device labels and user display names of the candidates. */
export const ConflictListResponseSchema = z.object({
  conflicts: z.array(OfficeConflictSchema),
  devices: z.record(z.string(), z.string()).optional(),
  users: z.record(z.string(), z.string()).optional(),
});

/** POST /api/records/:id/review answers the record's new snapshot; the office only reads its status. */
export const ReviewAnswerSchema = z.object({ record: z.object({ id: z.string(), status: z.enum(RECORD_STATUSES) }).loose() });

/** POST /api/conflicts/:id/resolve answers the resolved conflict. */
export const ResolveAnswerSchema = z.object({ conflict: OfficeConflictSchema });

/** GET /api/records/:id: the conflict queue reads only which form (and version) the record uses. */
export const RecordSnapshotAnswerSchema = z.object({
  record: z.object({ id: z.string(), formId: z.string(), formVersion: z.number(), status: z.enum(RECORD_STATUSES) }).loose(),
});

export type RecordListItem = RecordListItemMessage;
export type OfficeUser = OfficeUsersResponse['users'][number];
export type Revision = RevisionMessage;
export type { RevisionDiff };
export type ConflictItem = OfficeConflict;
export type ConflictCandidate = OfficeConflict['candidates'][number];
export type AuditEntry = AuditEntryMessage;
export type RecordDetail = RecordDetailResponse;
export type Dashboard = DashboardResponse;

// The query of GET /api/office/records (and the exports, without paging): filters of the review queue.
import { z } from 'zod';
import { BboxParam, FlagParam, FormIdParam, FromParam, IdParam, limitParam, StatusListParam, ToParam } from './query-values.ts';

export const RECORD_LIST_DEFAULT_LIMIT = 50;
export const RECORD_LIST_MAX_LIMIT = 200;

/** The filters shared by the list and the exports. `from`/`to` bound the record's last change (updatedAt). */
export const RecordFilterQueryShape = {
  formId: FormIdParam.optional(),
  status: StatusListParam.optional(),
  assigneeId: IdParam.optional(),
  ownerId: IdParam.optional(),
  bbox: BboxParam.optional(),
  from: FromParam.optional(),
  to: ToParam.optional(),
  warnings: FlagParam.optional(),
  errors: FlagParam.optional(),
  conflicts: FlagParam.optional(),
  /** Part of the record's title or id. */
  q: z.string().trim().min(1).max(200).optional(),
};

export const RecordListQuerySchema = z.strictObject({
  ...RecordFilterQueryShape,
  /** The opaque `next` of the previous page. */
  after: z.string().min(1).max(500).optional(),
  limit: limitParam(RECORD_LIST_DEFAULT_LIMIT, RECORD_LIST_MAX_LIMIT),
});

export type RecordListQuery = z.infer<typeof RecordListQuerySchema>;

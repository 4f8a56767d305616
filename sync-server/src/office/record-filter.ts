// Turns the parsed list/export query into the store's RecordListFilter.
import type { RecordListQuery } from '../../../src/protocol/office/record-list-query.ts';
import type { RecordListFilter } from '../storage/sync-store.ts';
import { decodeListCursor } from './list-cursor.ts';

export type RecordFilterQuery = Omit<RecordListQuery, 'after' | 'limit'> & { after?: string };

export function toRecordFilter(query: RecordFilterQuery, limit: number): RecordListFilter {
  const filter: RecordListFilter = { limit };
  if (query.formId) filter.formId = query.formId;
  if (query.status) filter.statuses = query.status;
  if (query.assigneeId) filter.assigneeId = query.assigneeId;
  if (query.ownerId) filter.ownerId = query.ownerId;
  if (query.bbox) filter.bbox = query.bbox;
  if (query.from) filter.updatedFrom = query.from;
  if (query.to) filter.updatedTo = query.to;
  if (query.warnings !== undefined) filter.hasWarnings = query.warnings;
  if (query.errors !== undefined) filter.hasErrors = query.errors;
  if (query.conflicts !== undefined) filter.hasOpenConflicts = query.conflicts;
  if (query.q) filter.text = query.q;
  if (query.after) filter.after = decodeListCursor(query.after);
  return filter;
}

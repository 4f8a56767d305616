// One page of the review queue: the store's filtered keyset page, plus the opaque cursor of the next page.
import type { RecordListQuery } from '../../../src/protocol/office/record-list-query.ts';
import type { RecordListResponse } from '../../../src/protocol/office/record-list.ts';
import type { RecordListItem, Scope, SyncStore } from '../storage/sync-store.ts';
import { encodeListCursor } from './list-cursor.ts';
import { toRecordFilter } from './record-filter.ts';

export function toListItemMessage(item: RecordListItem): RecordListResponse['items'][number] {
  return {
    id: item.id, formId: item.formId, formVersion: item.formVersion, status: item.status, ownerId: item.ownerId,
    assigneeId: item.assigneeId, deleted: item.deleted, changeSeq: item.changeSeq, createdAt: item.createdAt,
    updatedAt: item.updatedAt, summary: item.summary, openConflicts: item.openConflicts,
  };
}

export async function listRecords(store: SyncStore, scope: Scope, query: RecordListQuery): Promise<RecordListResponse> {
  // One more than asked tells whether a next page exists without a second query.
  const filter = toRecordFilter(query, query.limit + 1);
  const { items, total } = await store.transaction((tx) => tx.listRecordSummaries(filter, scope));
  const page = items.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toListItemMessage),
    total,
    next: items.length > query.limit && last ? encodeListCursor({ updatedAt: last.updatedAt, id: last.id }) : null,
  };
}

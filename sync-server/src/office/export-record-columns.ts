// The record's own export columns (id, title, form, status, people, times, place, counts): internal names, Japanese headers, and each record's cells as labels and as codes.
import type { FormDefinition } from '../../../src/engine/index.ts';
import type { ServerRecord, UserRow } from '../storage/sync-store.ts';
import type { Cell } from './answer-columns.ts';
import { isoWithOffset, localDateTime } from './local-time.ts';

export type ColumnKind = 'date' | 'datetime';

export interface RecordColumn {
  key: string;
  header: string;
  kind?: ColumnKind;
}

export const RECORD_COLUMNS: readonly RecordColumn[] = [
  { key: 'id', header: '記録ID' },
  { key: 'title', header: '記録名' },
  { key: 'formId', header: '調査票' },
  { key: 'formVersion', header: '調査票の版' },
  { key: 'status', header: '状態' },
  { key: 'owner', header: '作成者' },
  { key: 'assignee', header: '担当者' },
  { key: 'createdAt', header: '作成日時', kind: 'datetime' },
  { key: 'updatedAt', header: '最終更新日時', kind: 'datetime' },
  { key: 'submittedAt', header: '提出日時', kind: 'datetime' },
  { key: 'revision', header: '提出回数' },
  { key: 'lat', header: '緯度' },
  { key: 'lon', header: '経度' },
  { key: 'errorCount', header: 'エラー数' },
  { key: 'warningCount', header: '警告数' },
];

/** The office queue's words for the four statuses (src/app/office/i18n/ja.json "status"). */
export const STATUS_LABELS: Record<ServerRecord['status'], string> = { draft: '下書き', submitted: '審査待ち', returned: '差し戻し', approved: '承認済み' };

export interface RecordCellContext {
  form: FormDefinition | undefined;
  users: ReadonlyMap<string, UserRow>;
  timeZone: string;
  /** The record's title (the server's record-title function over its answers). */
  title: string | null;
}

/** The record's cells for people: display names, the form's title, the status in words, local times "2026-12-05 08:00". */
export function recordLabelCells(record: ServerRecord, ctx: RecordCellContext): Cell[] {
  const s = record.summary;
  const name = (id: string | null) => (id ? ctx.users.get(id)?.displayName || ctx.users.get(id)?.username || id : null);
  const time = (iso: string | null | undefined) => (iso ? localDateTime(iso, ctx.timeZone) ?? iso : null);
  return [
    record.id, ctx.title, ctx.form?.title.ja ?? record.formId, record.formVersion, STATUS_LABELS[record.status] ?? record.status,
    name(record.ownerId), name(record.assigneeId), time(record.createdAt), time(record.updatedAt), time(s?.submittedAt),
    s?.revision ?? 0, s?.lat ?? null, s?.lon ?? null, s?.errorCount ?? null, s?.warningCount ?? null,
  ];
}

/** The same cells for machines: ids, login names, status codes, times with their offset "2026-12-05T08:00:00+09:00". */
export function recordCodeCells(record: ServerRecord, ctx: RecordCellContext): Cell[] {
  const s = record.summary;
  const login = (id: string | null) => (id ? ctx.users.get(id)?.username ?? id : null);
  const time = (iso: string | null | undefined) => (iso ? isoWithOffset(iso, ctx.timeZone) ?? iso : null);
  return [
    record.id, ctx.title, record.formId, record.formVersion, record.status, login(record.ownerId), login(record.assigneeId),
    time(record.createdAt), time(record.updatedAt), time(s?.submittedAt), s?.revision ?? 0, s?.lat ?? null, s?.lon ?? null,
    s?.errorCount ?? null, s?.warningCount ?? null,
  ];
}

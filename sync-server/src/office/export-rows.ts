// Reads the records an export covers (the list's filters, page by page, bounded) with their answers, into header + rows; audits the export in the last read's transaction.
import type { ExportFormat, ExportQuery } from '../../../src/protocol/office/export-query.ts';
import type { FormCatalog } from '../forms/catalog.ts';
import { HttpError } from '../http/errors.ts';
import type { RecordListFilter, Scope, ServerRecord, SyncStore, UserRow } from '../storage/sync-store.ts';
import { answersWithoutMeta } from './answers-without-meta.ts';
import { answerColumns, cellOf, type Cell } from './answer-columns.ts';
import { auditEntry, type AuditContext } from './audit-context.ts';
import { toRecordFilter } from './record-filter.ts';

/** Beyond this an export must be narrowed by filters (the XLSX is built in memory). */
export const EXPORT_MAX_ROWS = 50_000;
const PAGE = 500;

export const RECORD_COLUMNS = [
  'id', 'formId', 'formVersion', 'status', 'owner', 'assignee', 'createdAt', 'updatedAt', 'submittedAt', 'revision',
  'title', 'lat', 'lon', 'errorCount', 'warningCount',
] as const;

export interface ExportTable {
  header: string[];
  rows: Cell[][];
  /** Index of the lat and lon columns (for GeoJSON). */
  latIndex: number;
  lonIndex: number;
}

export interface ExportDeps {
  store: SyncStore;
  forms: FormCatalog;
  now: () => Date;
}

function recordCells(record: ServerRecord, users: Map<string, UserRow>): Cell[] {
  const s = record.summary;
  const name = (id: string | null) => (id ? users.get(id)?.username ?? id : null);
  return [
    record.id, record.formId, record.formVersion, record.status, name(record.ownerId), name(record.assigneeId), record.createdAt,
    record.updatedAt, s?.submittedAt ?? null, s?.revision ?? 0, s?.title ?? null, s?.lat ?? null, s?.lon ?? null,
    s?.errorCount ?? null, s?.warningCount ?? null,
  ];
}

export async function exportTable(deps: ExportDeps, scope: Scope, query: ExportQuery, format: ExportFormat, audit: AuditContext): Promise<ExportTable> {
  const records: ServerRecord[] = [];
  let after: RecordListFilter['after'];
  let users = new Map<string, UserRow>();
  for (let pages = 0; pages <= EXPORT_MAX_ROWS / PAGE; pages++) {
    const last = pages === EXPORT_MAX_ROWS / PAGE;
    const filter = { ...toRecordFilter(query, PAGE), ...(after ? { after } : {}) };
    const page = await deps.store.transaction(async (tx) => {
      const { items, total } = await tx.listRecordSummaries(filter, scope);
      if (total > EXPORT_MAX_ROWS) throw new HttpError('E_EXPORT_TOO_LARGE', `${total} records match; one export holds at most ${EXPORT_MAX_ROWS}.`);
      const full = await tx.getRecords(items.map((i) => i.id));
      const done = items.length < PAGE || last;
      if (done) {
        users = new Map((await tx.listUsers()).map((u) => [u.id, u]));
        const detail = { format, filter: query, rows: records.length + full.length };
        await tx.appendAudit([auditEntry(audit, 'export', null, detail, deps.now().toISOString())]);
      }
      const byId = new Map(full.map((r) => [r.id, r]));
      return { records: items.flatMap((i) => (byId.has(i.id) ? [byId.get(i.id)!] : [])), done, lastItem: items.at(-1) };
    });
    records.push(...page.records);
    if (page.done || !page.lastItem) break;
    after = { updatedAt: page.lastItem.updatedAt, id: page.lastItem.id };
  }
  const answers = records.map((r) => answersWithoutMeta(r.answers));
  const formIds = query.formId ? [query.formId] : [...new Set(records.map((r) => r.formId))].sort();
  const columns = answerColumns(formIds.flatMap((id) => deps.forms.get(id) ?? []), answers);
  return {
    header: [...RECORD_COLUMNS, ...columns.map((c) => c.path)],
    rows: records.map((record, i) => [...recordCells(record, users), ...columns.map((c) => cellOf(c, answers[i]!))]),
    latIndex: RECORD_COLUMNS.indexOf('lat'),
    lonIndex: RECORD_COLUMNS.indexOf('lon'),
  };
}

// Reads the records an export covers (the list's filters, page by page, bounded) with their answers, into columns and rows (labels for people, codes for machines) and geometries; audits the export in the last read's transaction.
import type { ExportFormat, ExportQuery } from '../../../src/protocol/office/export-query.ts';
import { choicesOf } from '../../../src/engine/values/choice-value.ts';
import type { FieldType } from '../../../src/engine/index.ts';
import type { FormCatalog } from '../forms/catalog.ts';
import { HttpError } from '../http/errors.ts';
import type { RecordListFilter, Scope, ServerRecord, SyncStore, UserRow } from '../storage/sync-store.ts';
import { answersWithoutMeta } from './answers-without-meta.ts';
import { answerColumns, codeCell, valueAt, type AnswerColumn, type Cell } from './answer-columns.ts';
import { auditEntry, type AuditContext } from './audit-context.ts';
import { RECORD_COLUMNS, recordCodeCells, recordLabelCells, type ColumnKind } from './export-record-columns.ts';
import { labelCell } from './label-cell.ts';
import { recordGeometry, type Geometry } from './record-geometry.ts';
import { summaryTitle } from './summary-title.ts';
import { toRecordFilter } from './record-filter.ts';

/** Beyond this an export must be narrowed by filters (the XLSX is built in memory). */
export const EXPORT_MAX_ROWS = 50_000;
const PAGE = 500;

export interface ExportColumn {
  /** Internal name: a record column ("updatedAt") or an answer path ("tokki[0].tokki_text"). */
  key: string;
  /** Japanese header for people, unique within the export. */
  header: string;
  kind?: ColumnKind;
  /** Answer columns: the field type and, for selects, "code = label" pairs (the XLSX legend). */
  type?: FieldType;
  choices?: string;
}

export interface ExportTable {
  columns: ExportColumn[];
  /** One row per record for people: choice labels, はい/いいえ, local times "2026-12-05 08:00". */
  labelRows: Cell[][];
  /** The same rows as stored: codes, true/false, times with their offset. */
  codeRows: Cell[][];
  /** Each record's first geopoint (Point) or geoshape (Polygon), null without one. */
  geometries: (Geometry | null)[];
}

export interface ExportDeps {
  store: SyncStore;
  forms: FormCatalog;
  now: () => Date;
  /** IANA zone of the times people read (GENBA_TIMEZONE, default Asia/Tokyo). */
  timeZone: string;
}

async function readRecords(deps: ExportDeps, scope: Scope, query: ExportQuery, format: ExportFormat, audit: AuditContext) {
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
  return { records, users };
}

function kindOf(type: FieldType): ColumnKind | undefined {
  if (type === 'date') return 'date';
  return type === 'datetime' || type === 'timestamp' ? 'datetime' : undefined;
}

function legendOf(column: AnswerColumn): string | undefined {
  const [first] = column.fieldByForm.values();
  if (!first) return undefined;
  const choices = choicesOf(first.form, first.field);
  return choices && choices.length > 0 ? choices.map((c) => `${String(c.value)} = ${c.label.ja}`).join('; ') : undefined;
}

/** Headers people can tell apart: a repeated one gets its section in front, and if that is not enough its internal name behind. */
function uniqueHeaders(columns: { header: string; section?: string; key: string }[]): string[] {
  const count = (names: string[]) => names.reduce((m, h) => m.set(h, (m.get(h) ?? 0) + 1), new Map<string, number>());
  const first = columns.map((c) => c.header);
  const firstCount = count(first);
  const second = columns.map((c, i) => (firstCount.get(first[i]!)! > 1 && c.section ? `${c.section} / ${c.header}` : c.header));
  const secondCount = count(second);
  return columns.map((c, i) => (secondCount.get(second[i]!)! > 1 ? `${second[i]}（${c.key}）` : second[i]!));
}

export async function exportTable(deps: ExportDeps, scope: Scope, query: ExportQuery, format: ExportFormat, audit: AuditContext): Promise<ExportTable> {
  const { records, users } = await readRecords(deps, scope, query, format, audit);
  const answers = records.map((r) => answersWithoutMeta(r.answers));
  const formIds = query.formId ? [query.formId] : [...new Set(records.map((r) => r.formId))].sort();
  const answerCols = answerColumns(formIds.flatMap((id) => deps.forms.get(id) ?? []), answers);
  const headers = uniqueHeaders([
    ...RECORD_COLUMNS.map((c) => ({ header: c.header, key: c.key })),
    ...answerCols.map((c) => ({ header: c.header, section: c.section, key: c.path })),
  ]);
  const columns: ExportColumn[] = [
    ...RECORD_COLUMNS.map((c, i) => ({ key: c.key, header: headers[i]!, ...(c.kind ? { kind: c.kind } : {}) })),
    ...answerCols.map((c, i) => {
      const kind = kindOf(c.type);
      const choices = legendOf(c);
      return { key: c.path, header: headers[RECORD_COLUMNS.length + i]!, type: c.type, ...(kind ? { kind } : {}), ...(choices ? { choices } : {}) };
    }),
  ];
  const labelRows: Cell[][] = [];
  const codeRows: Cell[][] = [];
  const geometries: (Geometry | null)[] = [];
  records.forEach((record, i) => {
    const form = deps.forms.get(record.formId);
    const plain = answers[i]!;
    const ctx = { form, users, timeZone: deps.timeZone, title: summaryTitle(form, record.answers, new Date()).title ?? record.summary?.title ?? null };
    const values = answerCols.map((c) => valueAt(plain, c.path));
    labelRows.push([
      ...recordLabelCells(record, ctx),
      ...answerCols.map((c, j) => {
        const own = c.fieldByForm.get(record.formId) ?? [...c.fieldByForm.values()][0]!;
        return labelCell(own.form, own.field, values[j], deps.timeZone);
      }),
    ]);
    codeRows.push([...recordCodeCells(record, ctx), ...answerCols.map((c, j) => codeCell(c, values[j]))]);
    geometries.push(recordGeometry(form, plain));
  });
  return { columns, labelRows, codeRows, geometries };
}

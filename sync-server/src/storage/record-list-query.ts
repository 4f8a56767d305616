// Builds the review-list SQL (page + total) for both dialects from a RecordListFilter and a Scope; one place for the filter semantics.
import type { RecordListFilter, Scope } from './sync-store.ts';
import { foldSearchText } from './search-text.ts';

/** How one dialect spells placeholders and string lists. */
export interface ListDialect {
  /** The placeholder of the n-th (1-based) parameter: "?" or "$n". */
  placeholder(n: number): string;
  /** "column IN …" over ONE bound parameter holding the whole list (the statement text does not depend on its length). */
  inList(column: string, placeholder: string): string;
  /** The bound value for a list of strings (SQLite: JSON text for json_each; PostgreSQL: a text[] array). */
  listValue(values: readonly string[]): unknown;
  /** Text after "FROM records r" choosing the index (SQLite INDEXED BY), or '' to leave it to the planner. */
  indexHint(query: 'page' | 'total', filter: RecordListFilter): string;
}

/**
 * Which index answers the count: records_scope (form_id, status, warning_count, error_count, assignee_id, owner_id,
 * lat, lon) is a third of records_review's width, so counting through it is ~3× faster, but it lacks updated_at,
 * search_text and id; filters on those count through records_review. null: an open-conflicts filter, where the
 * primary key (the few ids of the open-conflict set) is best.
 */
export function countIndexFor(filter: RecordListFilter): 'records_scope' | 'records_review' | null {
  if (filter.hasOpenConflicts === true) return null;
  const needsReview = filter.text || filter.updatedFrom !== undefined || filter.updatedTo !== undefined || filter.hasOpenConflicts === false;
  return needsReview ? 'records_review' : 'records_scope';
}

export interface RecordListSql {
  /** Page query: record head + summary columns + open_conflicts, newest first. */
  page: string;
  pageParams: unknown[];
  /** Count with the same filter, without the keyset bound and the limit. */
  total: string;
  totalParams: unknown[];
}

/** Columns the list reads: everything except answers and fields (the heavy JSON). */
const LIST_COLUMNS = [
  'id', 'form_id', 'form_version', 'status', 'owner_id', 'assignee_id', 'deleted', 'change_seq', 'created_at', 'updated_at',
  'has_summary', 'title', 'subtitle', 'lat', 'lon', 'error_count', 'warning_count', 'submitted_at', 'revision',
].map((c) => `rec.${c}`).join(', ');

/** Open conflicts are few: a set built once per query beats an EXISTS probe per row over 100,000 rows. */
const OPEN_CONFLICT_RECORDS = `SELECT record_id FROM conflicts WHERE status = 'open'`;

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Returns null when nothing can match (no forms in scope, an empty status list): callers answer without a query. */
export function buildRecordListSql(filter: RecordListFilter, scope: Scope, d: ListDialect): RecordListSql | null {
  if (scope.formIds.length === 0 || (filter.statuses && filter.statuses.length === 0)) return null;
  const params: unknown[] = [];
  const bind = (value: unknown): string => {
    params.push(value);
    return d.placeholder(params.length);
  };
  const where: string[] = [d.inList('r.form_id', bind(d.listValue(scope.formIds)))];
  if (scope.userId !== null) {
    where.push(`(r.owner_id = ${bind(scope.userId)} OR r.assignee_id = ${bind(scope.userId)})`);
  }
  if (filter.formId !== undefined) where.push(`r.form_id = ${bind(filter.formId)}`);
  if (filter.statuses) where.push(d.inList('r.status', bind(d.listValue(filter.statuses))));
  if (filter.assigneeId !== undefined) where.push(`r.assignee_id = ${bind(filter.assigneeId)}`);
  if (filter.ownerId !== undefined) where.push(`r.owner_id = ${bind(filter.ownerId)}`);
  if (filter.bbox) {
    const [minLon, minLat, maxLon, maxLat] = filter.bbox;
    where.push(`r.lon BETWEEN ${bind(minLon)} AND ${bind(maxLon)} AND r.lat BETWEEN ${bind(minLat)} AND ${bind(maxLat)}`);
  }
  if (filter.updatedFrom !== undefined) where.push(`r.updated_at >= ${bind(filter.updatedFrom)}`);
  if (filter.updatedTo !== undefined) where.push(`r.updated_at <= ${bind(filter.updatedTo)}`);
  if (filter.hasWarnings !== undefined) where.push(filter.hasWarnings ? 'r.warning_count > 0' : 'r.warning_count = 0');
  if (filter.hasErrors !== undefined) where.push(filter.hasErrors ? 'r.error_count > 0' : 'r.error_count = 0');
  if (filter.hasOpenConflicts !== undefined) where.push(`r.id ${filter.hasOpenConflicts ? 'IN' : 'NOT IN'} (${OPEN_CONFLICT_RECORDS})`);
  if (filter.text !== undefined && filter.text !== '') {
    where.push(`r.search_text LIKE ${bind(`%${escapeLike(foldSearchText(filter.text))}%`)} ESCAPE '\\'`);
  }
  const total = `SELECT count(*) AS n FROM records r ${d.indexHint('total', filter)} WHERE ${where.join(' AND ')}`;
  const totalParams = [...params];
  if (filter.after) where.push(`(r.updated_at, r.id) < (${bind(filter.after.updatedAt)}, ${bind(filter.after.id)})`);
  // Two steps: the page's ids from a subquery that reads only records_review columns (an index-only walk, newest
  // first, stopping after `limit` hits), then those rows. One step lets PostgreSQL prefer a heap scan + sort for a
  // filter it guesses to be selective (text), which reads every ~1 KB row.
  const page = `SELECT ${LIST_COLUMNS},
      (SELECT count(*) FROM conflicts c WHERE c.record_id = rec.id AND c.status = 'open') AS open_conflicts
    FROM records rec WHERE rec.id IN (
      SELECT r.id FROM records r ${d.indexHint('page', filter)} WHERE ${where.join(' AND ')}
      ORDER BY r.updated_at DESC, r.id DESC LIMIT ${bind(filter.limit)}
    ) ORDER BY rec.updated_at DESC, rec.id DESC`;
  return { page, pageParams: params, total, totalParams };
}

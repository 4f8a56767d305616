// Dashboard aggregates over the records changed in a window: counts by status and by result, a daily trend of submits and approvals, generic and per-survey KPIs and map points.
import type { DashboardQuery } from '../../../src/protocol/office/dashboard-query.ts';
import type { DashboardResponse } from '../../../src/protocol/office/dashboard.ts';
import { RECORD_STATUSES } from '../../../src/protocol/snapshot.ts';
import type { FormCatalog } from '../forms/catalog.ts';
import { HttpError } from '../http/errors.ts';
import type { RecordListFilter, RecordListItem, RevisionRow, Scope, SyncStore } from '../storage/sync-store.ts';
import { formKpis } from './form-kpis.ts';
import { median } from './median.ts';
import { resultOutput, revisionResult } from './result-cache.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_DAYS = 30;
const MAX_DAYS = 366;
/** Records read per window (newest first); beyond it the figures cover the newest ones and `truncated` says so. */
export const DASHBOARD_SCAN_MAX = 20_000;
/** Records whose revisions are read (the newest submitted ones). */
const REVISION_SCAN_MAX = 5_000;
const PAGE = 1_000;
/** Records per transaction while reading revisions, so a long read never holds SQLite's writer lock for long. */
const REVISION_BATCH = 200;

export interface DashboardDeps {
  store: SyncStore;
  forms: FormCatalog;
  now: () => Date;
}

const dayOf = (iso: string): string => iso.slice(0, 10);
const days = (fromIso: string, toIso: string): number => (Date.parse(toIso) - Date.parse(fromIso)) / DAY_MS;
const round1 = (value: number | null): number | null => (value === null ? null : Math.round(value * 10) / 10);

function windowOf(query: DashboardQuery, now: Date): { from: string; to: string } {
  const to = query.to ?? now.toISOString();
  const from = query.from ?? new Date(Date.parse(`${dayOf(to)}T00:00:00.000Z`) - (DEFAULT_DAYS - 1) * DAY_MS).toISOString();
  if (from > to) throw new HttpError('E_BAD_REQUEST', '`from` is after `to`.');
  if (days(from, to) > MAX_DAYS) throw new HttpError('E_BAD_REQUEST', `A dashboard window spans at most ${MAX_DAYS} days.`);
  return { from, to };
}

async function scanRecords(store: SyncStore, scope: Scope, base: Omit<RecordListFilter, 'limit'>): Promise<{ items: RecordListItem[]; truncated: boolean }> {
  const items: RecordListItem[] = [];
  let after: RecordListFilter['after'];
  for (let pages = 0; pages < DASHBOARD_SCAN_MAX / PAGE; pages++) {
    const { items: page } = await store.transaction((tx) => tx.listRecordSummaries({ ...base, limit: PAGE, ...(after ? { after } : {}) }, scope));
    items.push(...page);
    const last = page.at(-1);
    if (page.length < PAGE || !last) return { items, truncated: false };
    after = { updatedAt: last.updatedAt, id: last.id };
  }
  return { items, truncated: true };
}

async function revisionsOf(store: SyncStore, ids: string[]): Promise<Map<string, RevisionRow[]>> {
  const out = new Map<string, RevisionRow[]>();
  for (let i = 0; i < ids.length; i += REVISION_BATCH) {
    const batch = ids.slice(i, i + REVISION_BATCH);
    await store.transaction(async (tx) => {
      for (const id of batch) out.set(id, await tx.listRevisions(id));
    });
  }
  return out;
}

export async function buildDashboard(deps: DashboardDeps, scope: Scope, query: DashboardQuery): Promise<DashboardResponse> {
  const now = deps.now();
  const window = windowOf(query, now);
  const base: Omit<RecordListFilter, 'limit'> = { updatedFrom: window.from, updatedTo: window.to, ...(query.formId ? { formId: query.formId } : {}) };

  const byStatus = Object.fromEntries(RECORD_STATUSES.map((s) => [s, 0])) as DashboardResponse['counts']['byStatus'];
  const scan = await scanRecords(deps.store, scope, base);
  const records = scan.items.filter((item) => !item.deleted);
  const byForm: DashboardResponse['counts']['byForm'] = {};
  for (const item of records) {
    byStatus[item.status] += 1;
    const counts = (byForm[item.formId] ??= Object.fromEntries(RECORD_STATUSES.map((s) => [s, 0])) as DashboardResponse['counts']['byStatus']);
    counts[item.status] += 1;
  }

  const submittedIds = records.filter((r) => (r.summary?.revision ?? 0) > 0).map((r) => r.id);
  const revisions = await revisionsOf(deps.store, submittedIds.slice(0, REVISION_SCAN_MAX));

  const trend = new Map<string, { submitted: number; approved: number }>();
  for (let t = Date.parse(`${dayOf(window.from)}T00:00:00.000Z`); t <= Date.parse(window.to); t += DAY_MS) {
    trend.set(dayOf(new Date(t).toISOString()), { submitted: 0, approved: 0 });
  }
  const inWindow = (iso: string | null): iso is string => iso !== null && iso >= window.from && iso <= window.to;
  const toFirstSubmit: number[] = [];
  const toApproval: number[] = [];
  const form = query.formId ? deps.forms.get(query.formId) : undefined;
  const result = resultOutput(form);
  const byResult: Record<string, number> = {};
  const createdAt = new Map(records.map((r) => [r.id, r.createdAt]));
  for (const [recordId, rows] of revisions) {
    const first = rows[0];
    if (first) toFirstSubmit.push(days(createdAt.get(recordId) ?? first.submittedAt, first.submittedAt));
    let latestApproved: RevisionRow | undefined;
    for (const row of rows) {
      if (inWindow(row.submittedAt)) trend.get(dayOf(row.submittedAt))!.submitted += 1;
      if (row.approvedSeq === null || !row.decidedAt) continue;
      latestApproved = row;
      toApproval.push(days(row.submittedAt, row.decidedAt));
      if (inWindow(row.decidedAt)) trend.get(dayOf(row.decidedAt))!.approved += 1;
    }
    if (form && result && latestApproved) {
      const value = revisionResult(form, result.key, latestApproved, now);
      byResult[value] = (byResult[value] ?? 0) + 1;
    }
  }

  return {
    window,
    counts: { byStatus, byResult, byForm },
    result,
    trend: [...trend].map(([day, counts]) => ({ day, ...counts })),
    kpis: [
      { key: 'records', label: { ja: '記録数', en: 'Records' }, value: records.length, unit: 'count' },
      { key: 'submitted', label: { ja: '提出済み', en: 'Submitted' }, value: submittedIds.length, unit: 'count' },
      { key: 'approved', label: { ja: '承認済み', en: 'Approved' }, value: byStatus.approved, unit: 'count' },
      { key: 'days_to_first_submit', label: { ja: '作成から初回提出までの日数（中央値）', en: 'Days from creation to first submit (median)' }, value: round1(median(toFirstSubmit)), unit: 'days' },
      { key: 'days_to_approval', label: { ja: '提出から承認までの日数（中央値）', en: 'Days from submit to approval (median)' }, value: round1(median(toApproval)), unit: 'days' },
      ...(await formKpis(deps, query.formId, window)),
    ],
    points: records.flatMap((r) => (r.summary && r.summary.lat !== null && r.summary.lon !== null ? [{ id: r.id, lat: r.summary.lat, lon: r.summary.lon, status: r.status }] : [])),
    truncated: scan.truncated || submittedIds.length > REVISION_SCAN_MAX,
  };
}

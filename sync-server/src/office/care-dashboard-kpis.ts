// The care survey's dashboard KPIs (issue 5): days from application to visit and from visit to the finished 調査票, from the care service's case list.
import { summarizeDays } from '../care/case-kpis.ts';
import type { CaseRow } from '../../../src/protocol/care/case-list.ts';
import { listCases } from '../care/list-cases.ts';
import type { DashboardKpi, KpiDeps, KpiWindow } from './form-kpis.ts';

/**
 * Pure: `days to visit` over the cases visited in the window, `days to finish` over the cases finished in it,
 * each as median and mean; plus the cases still waiting for a visit (a current count, not windowed).
 * Visit and finish are calendar dates; the window's bounds are compared by their day, as the dashboard shows them.
 */
export function careKpisOf(rows: readonly CaseRow[], window: KpiWindow): DashboardKpi[] {
  const from = window.from.slice(0, 10);
  const to = window.to.slice(0, 10);
  const inWindow = (date: string | null) => date !== null && date >= from && date <= to;
  const toVisit = summarizeDays(rows.filter((r) => inWindow(r.visitDate)).map((r) => r.daysToVisit));
  const toFinish = summarizeDays(rows.filter((r) => inWindow(r.finishedDate)).map((r) => r.daysToFinish));
  return [
    { key: 'care_days_to_visit_median', label: { ja: '申請から訪問調査までの日数（中央値）', en: 'Days from application to visit (median)' }, value: toVisit.median, unit: 'days' },
    { key: 'care_days_to_visit_mean', label: { ja: '申請から訪問調査までの日数（平均）', en: 'Days from application to visit (mean)' }, value: toVisit.mean, unit: 'days' },
    { key: 'care_visited', label: { ja: '期間内に訪問した申請', en: 'Cases visited in the period' }, value: toVisit.count, unit: 'count' },
    { key: 'care_days_to_finish_median', label: { ja: '訪問から調査票確定までの日数（中央値）', en: 'Days from visit to finished 調査票 (median)' }, value: toFinish.median, unit: 'days' },
    { key: 'care_days_to_finish_mean', label: { ja: '訪問から調査票確定までの日数（平均）', en: 'Days from visit to finished 調査票 (mean)' }, value: toFinish.mean, unit: 'days' },
    { key: 'care_finished', label: { ja: '期間内に確定した調査票', en: '調査票 finished in the period' }, value: toFinish.count, unit: 'count' },
    { key: 'care_unsurveyed', label: { ja: '未調査の申請（現在）', en: 'Cases not yet surveyed (now)' }, value: rows.filter((r) => r.status === 'unsurveyed').length, unit: 'count' },
  ];
}

export async function careDashboardKpis(deps: KpiDeps, window: KpiWindow): Promise<DashboardKpi[]> {
  const { cases } = await listCases(deps, {});
  return careKpisOf(cases, window);
}

// The KPI summary above the case list: cases by status, days application → visit and visit → finished 調査票 (median and mean of the listed cases).
import { useTranslation } from 'react-i18next';
import type { CaseList, KpiSummary } from '../../../protocol/care/case-list.ts';
import { CASE_STATUSES } from '../../../protocol/care/case-requests.ts';
import { daysText } from './caseFormat.ts';

function Kpi({ label, summary, testId }: { label: string; summary: KpiSummary; testId: string }) {
  const { t } = useTranslation();
  return (
    <li className="office-kpi" data-testid={testId} data-median={summary.median ?? ''} data-count={summary.count}>
      <span className="office-kpi-label">{label}</span>
      <span className="office-kpi-value">{summary.median === null ? '—' : t('office.care.days', { value: daysText(summary.median) })}</span>
      {summary.count > 0 && <span className="muted">{t('office.care.kpiDetail', { mean: daysText(summary.mean), count: summary.count })}</span>}
    </li>
  );
}

export function CaseSummary({ summary }: { summary: CaseList['summary'] }) {
  const { t } = useTranslation();
  return (
    <section className="office-panel" aria-labelledby="care-summary-title">
      <h3 id="care-summary-title" className="office-panel-title">{t('office.care.summary', { count: summary.count })}</h3>
      <ul className="office-kpis">
        <Kpi label={t('office.care.kpiToVisit')} summary={summary.daysToVisit} testId="care-kpi-visit" />
        <Kpi label={t('office.care.kpiToFinish')} summary={summary.daysToFinish} testId="care-kpi-finish" />
      </ul>
      <ul className="office-care-counts" data-testid="care-counts">
        {CASE_STATUSES.map((status) => (
          <li key={status} data-status={status} data-count={summary.byStatus[status] ?? 0}>
            <span className={`badge badge-care-${status}`}>{t(`office.care.status.${status}`)}</span> {t('office.care.count', { count: summary.byStatus[status] ?? 0 })}
          </li>
        ))}
      </ul>
    </section>
  );
}

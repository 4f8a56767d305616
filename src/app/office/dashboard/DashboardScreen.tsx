// 集計: per survey and period — KPIs, counts by status and by result, the daily trend (chart.js), a map of points, CSV of every table and the server exports.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RECORD_STATUSES } from '../../../protocol/snapshot.ts';
import { localize } from '../../localize.ts';
import { useLanguage } from '../../state/appStore.ts';
import { navigate } from '../../state/routeStore.ts';
import { getDashboard } from '../api/officeApi.ts';
import { ChartView, type ChartSeries } from '../shared/ChartView.tsx';
import { CsvButton } from '../shared/CsvButton.tsx';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { ExportButtons } from '../shared/ExportButtons.tsx';
import { rememberQuery } from '../shared/lastQuery.ts';
import { PointMap, type MapPoint } from '../shared/PointMap.tsx';
import { useOfficeData } from '../shared/useOfficeData.ts';
import { SurveySelect } from '../shared/FilterSelects.tsx';
import { useFormList } from '../shared/useOfficeForms.ts';
import { useUrlQuery } from '../shared/useUrlQuery.ts';
import { CountTable } from './CountTable.tsx';
import { dashboardApiQuery, dashboardDays, dashboardExportQuery, dashboardFiltersFromQuery, dashboardFiltersToQuery, type DashboardFilters } from './dashboardFilters.ts';
import { FormStatusTable } from './FormStatusTable.tsx';
import { queueQueryFor } from './queueLink.ts';

const COLOURS = { submitted: '#1e7b34', approved: '#0b5394', returned: '#c25e00', draft: '#8a949e', result: '#6a3d9a' };

export function DashboardScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [query, setQuery] = useUrlQuery();
  const filters = useMemo(() => dashboardFiltersFromQuery(query), [query]);
  useEffect(() => rememberQuery('dashboard', query), [query]);
  // One "today" per visit, so the window (and the queue links) do not move while the screen is open.
  const [today] = useState(() => new Date());
  const days = dashboardDays(filters, today);
  const apiQuery = dashboardApiQuery(filters, today).toString();
  const forms = useFormList();
  const formTitle = (formId: string) => {
    const form = forms?.find((f) => f.id === formId);
    return form ? localize(form.title, language) : formId;
  };
  const openQueue = (status: string) => void navigate({ name: 'office', page: 'queue', query: queueQueryFor(days, filters.formId, RECORD_STATUSES.find((s) => s === status) ?? null) });
  const dashboard = useOfficeData(() => getDashboard(new URLSearchParams(apiQuery)), [apiQuery]);
  const data = dashboard.data;
  const set = (patch: Partial<DashboardFilters>) => setQuery(dashboardFiltersToQuery({ ...filters, ...patch }));

  const statusRows = useMemo(() => RECORD_STATUSES.map((s) => ({ key: s, label: t(`office.status.${s}`), count: data?.counts.byStatus[s] ?? 0 })), [data, t]);
  const resultRows = useMemo(() => Object.entries(data?.counts.byResult ?? {}).map(([key, count]) => ({ key, label: key, count })), [data]);
  const statusSeries = useMemo<ChartSeries[]>(() => [{ label: t('office.dashboard.count'), data: statusRows.map((r) => r.count), colour: statusRows.map((r) => COLOURS[r.key]) }], [statusRows, t]);
  const statusLabels = useMemo(() => statusRows.map((r) => r.label), [statusRows]);
  const resultSeries = useMemo<ChartSeries[]>(() => [{ label: t('office.dashboard.count'), data: resultRows.map((r) => r.count), colour: COLOURS.result }], [resultRows, t]);
  const resultLabels = useMemo(() => resultRows.map((r) => r.label), [resultRows]);
  const trendLabels = useMemo(() => (data?.trend ?? []).map((d) => d.day), [data]);
  const trendSeries = useMemo<ChartSeries[]>(
    () => [
      { label: t('office.dashboard.submitted'), data: (data?.trend ?? []).map((d) => d.submitted), colour: COLOURS.submitted },
      { label: t('office.dashboard.approved'), data: (data?.trend ?? []).map((d) => d.approved), colour: COLOURS.approved },
    ],
    [data, t],
  );
  const points = useMemo<MapPoint[]>(() => (data?.points ?? []).map((p) => ({ ...p, label: t(`office.status.${p.status}`) })), [data, t]);
  const resultTitle = data?.result ? localize(data.result.label, language) : t('office.dashboard.byResult');
  const kpiValue = (value: number | null, unit: string) => (value === null ? '—' : t(`office.dashboard.unit.${unit}`, { value: Number(value.toFixed(1)) }));

  return (
    <section className="screen office-screen" data-testid="office-dashboard">
      <h2 className="screen-title">{t('office.dashboard.title')}</h2>
      <div className="office-filters">
        <SurveySelect value={filters.formId} onChange={(formId) => set({ formId })} testId="dashboard-form" />
        <label className="office-field">
          <span>{t('office.queue.from')}</span>
          <input type="date" className="input input-date" value={filters.from} onChange={(e) => set({ from: e.target.value })} data-testid="dashboard-from" />
        </label>
        <label className="office-field">
          <span>{t('office.queue.to')}</span>
          <input type="date" className="input input-date" value={filters.to} onChange={(e) => set({ to: e.target.value })} data-testid="dashboard-to" />
        </label>
      </div>
      {dashboard.error && <ErrorNotice error={dashboard.error} onRetry={dashboard.reload} />}
      {dashboard.loading && !data && <p className="loading">{t('app.loading')}</p>}
      {data && (
        <>
          <p className="hint">{t('office.dashboard.window', { from: days.from.replaceAll('-', '/'), to: days.to.replaceAll('-', '/') })}</p>
          {data.truncated && <p className="notice">{t('office.dashboard.truncated')}</p>}
          <section className="office-panel" aria-labelledby="kpi-title">
            <h3 id="kpi-title" className="office-panel-title">{t('office.dashboard.kpis')}</h3>
            {data.kpis.length === 0 ? (
              <p className="muted">{t('office.dashboard.noKpis')}</p>
            ) : (
              <ul className="office-kpis" data-testid="dashboard-kpis">
                {data.kpis.map((kpi) => (
                  <li key={kpi.key} className="office-kpi" data-key={kpi.key}>
                    <span className="office-kpi-label">{localize(kpi.label, language)}</span>
                    <span className="office-kpi-value">{kpiValue(kpi.value, kpi.unit)}</span>
                  </li>
                ))}
              </ul>
            )}
            <CsvButton fileName="kpis" header={[t('office.dashboard.kpi'), t('office.dashboard.value'), t('office.dashboard.unitHeader')]} rows={data.kpis.map((k) => [localize(k.label, language), k.value, t(`office.dashboard.unitName.${k.unit}`)])} testId="kpis-csv" />
          </section>
          <section className="office-panel" aria-labelledby="by-form-title">
            <h3 id="by-form-title" className="office-panel-title">{t('office.dashboardForms.title')}</h3>
            <p className="hint">{t('office.dashboardForms.hint')}</p>
            <FormStatusTable byForm={data.counts.byForm} days={days} formTitle={formTitle} />
          </section>
          <div className="office-dashboard-grid">
            <section className="office-panel" aria-labelledby="status-title">
              <h3 id="status-title" className="office-panel-title">{t('office.dashboard.byStatus')}</h3>
              <ChartView type="bar" labels={statusLabels} series={statusSeries} title={t('office.dashboard.byStatus')} testId="chart-status" />
              <CountTable rows={statusRows} nameHeader={t('office.queue.columns.status')} fileName="counts-by-status" testId="counts-status" onOpen={openQueue} />
            </section>
            <section className="office-panel" aria-labelledby="result-title">
              <h3 id="result-title" className="office-panel-title">{resultTitle}</h3>
              {resultRows.length === 0 ? (
                <p className="muted" data-testid="no-results">{t(!filters.formId ? 'office.dashboardForms.pickForm' : data.result ? 'office.dashboard.noResults' : 'office.dashboardForms.noScoring')}</p>
              ) : (
                <>
                  <ChartView type="bar" labels={resultLabels} series={resultSeries} title={resultTitle} testId="chart-result" />
                  <CountTable rows={resultRows} nameHeader={resultTitle} fileName="counts-by-result" testId="counts-result" />
                </>
              )}
            </section>
          </div>
          <section className="office-panel" aria-labelledby="trend-title">
            <h3 id="trend-title" className="office-panel-title">{t('office.dashboard.trend')}</h3>
            <ChartView type="line" labels={trendLabels} series={trendSeries} title={t('office.dashboard.trend')} testId="chart-trend" />
            <details>
              <summary className="office-summary">{t('office.dashboard.trendTable')}</summary>
              <table className="office-table is-compact" data-testid="trend-table">
                <thead>
                  <tr>
                    <th scope="col">{t('office.dashboard.day')}</th>
                    <th scope="col" className="num">{t('office.dashboard.submitted')}</th>
                    <th scope="col" className="num">{t('office.dashboard.approved')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.trend.map((d) => (
                    <tr key={d.day}>
                      <th scope="row">{d.day}</th>
                      <td className="num">{d.submitted}</td>
                      <td className="num">{d.approved}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
            <CsvButton fileName="trend" header={[t('office.dashboard.day'), t('office.dashboard.submitted'), t('office.dashboard.approved')]} rows={data.trend.map((d) => [d.day, d.submitted, d.approved])} testId="trend-csv" />
          </section>
          <section className="office-panel" aria-labelledby="points-title">
            <h3 id="points-title" className="office-panel-title">{t('office.dashboard.map', { count: points.length })}</h3>
            <PointMap points={points} onPointClick={(id) => void navigate({ name: 'office-record', recordId: id })} testId="dashboard-map" />
          </section>
          <section className="office-panel" aria-labelledby="exports-title">
            <h3 id="exports-title" className="office-panel-title">{t('office.export.title')}</h3>
            <p className="hint">{t('office.export.hint')}</p>
            <ExportButtons query={dashboardExportQuery(filters)} />
          </section>
        </>
      )}
    </section>
  );
}

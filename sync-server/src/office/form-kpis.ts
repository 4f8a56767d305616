// Per-survey dashboard KPIs: a registry of providers by form id, so each survey issue adds the indicators it names (one line here, one provider file).
import type { DashboardResponse } from '../../../src/protocol/office/dashboard.ts';
import type { FormCatalog } from '../forms/catalog.ts';
import type { SyncStore } from '../storage/sync-store.ts';
import { careDashboardKpis } from './care-dashboard-kpis.ts';

export type DashboardKpi = DashboardResponse['kpis'][number];

export interface KpiDeps {
  store: SyncStore;
  forms: FormCatalog;
  now: () => Date;
}

/** The dashboard's window: ISO instants, inclusive (the UTC days the dashboard shows). */
export interface KpiWindow {
  from: string;
  to: string;
}

/** A survey's own indicators over the window; they follow the generic ones on the dashboard. */
export type FormKpiProvider = (deps: KpiDeps, window: KpiWindow) => Promise<DashboardKpi[]>;

const PROVIDERS: ReadonlyMap<string, FormKpiProvider> = new Map<string, FormKpiProvider>([
  // Issue 5: days from application to visit and from visit to the finished 調査票; shown for the 調査票 and for the cases.
  ['care-assessment', careDashboardKpis],
  ['care-case', careDashboardKpis],
]);

export function formKpiProvider(formId: string): FormKpiProvider | undefined {
  return PROVIDERS.get(formId);
}

/** The survey's KPIs, or none when no survey is chosen, none is registered, or the survey's form is not installed. */
export async function formKpis(deps: KpiDeps, formId: string | undefined, window: KpiWindow): Promise<DashboardKpi[]> {
  if (!formId || !deps.forms.get(formId)) return [];
  const provider = formKpiProvider(formId);
  return provider ? provider(deps, window) : [];
}

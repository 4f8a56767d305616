// The dashboard's filters (survey, day range) ⇄ the page URL query, and → the query of GET /api/office/dashboard and the exports.
import { dayEndIso, dayStartIso } from '../queue/queueFilters.ts';

export interface DashboardFilters {
  formId: string;
  /** YYYY-MM-DD (local), '' = the server's default window. */
  from: string;
  to: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function dashboardFiltersFromQuery(search: string): DashboardFilters {
  const params = new URLSearchParams(search);
  const day = (key: string) => (DAY.test(params.get(key) ?? '') ? (params.get(key) ?? '') : '');
  return { formId: params.get('form') ?? '', from: day('from'), to: day('to') };
}

export function dashboardFiltersToQuery(filters: DashboardFilters): string {
  const params = new URLSearchParams();
  if (filters.formId) params.set('form', filters.formId);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  return params.toString();
}

export function dashboardApiQuery(filters: DashboardFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.formId) params.set('formId', filters.formId);
  if (filters.from) params.set('from', dayStartIso(filters.from));
  if (filters.to) params.set('to', dayEndIso(filters.to));
  return params;
}

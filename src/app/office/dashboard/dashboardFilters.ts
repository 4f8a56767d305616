// The dashboard's filters (survey, day range) ⇄ the page URL query, and → the query of GET /api/office/dashboard and the exports.
import { dayEndIso, dayStartIso } from '../queue/queueFilters.ts';
import { tokyoToday } from '../shared/tokyoTime.ts';

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

/** The exports' query: only the chosen days (the export routes have their own default). */
export function dashboardExportQuery(filters: DashboardFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.formId) params.set('formId', filters.formId);
  if (filters.from) params.set('from', dayStartIso(filters.from));
  if (filters.to) params.set('to', dayEndIso(filters.to));
  return params;
}

/** Days counted when none are chosen: the last 30 Tokyo days, today included. */
export const DEFAULT_DAYS = 30;


/**
 * The days the dashboard counts, always explicit: the chosen ones, else the last 30 Tokyo days. Explicit days
 * (not the server's default UTC window) are what lets every count open the queue on exactly the records it counted.
 */
export function dashboardDays(filters: DashboardFilters, today: Date): { from: string; to: string } {
  const to = filters.to || tokyoToday(today);
  if (filters.from) return { from: filters.from, to };
  // Noon UTC of the day: whole days back never cross a date line.
  const start = new Date(Date.parse(`${to}T12:00:00Z`) - (DEFAULT_DAYS - 1) * 86_400_000);
  return { from: start.toISOString().slice(0, 10), to };
}

export function dashboardApiQuery(filters: DashboardFilters, today: Date): URLSearchParams {
  const params = new URLSearchParams();
  const days = dashboardDays(filters, today);
  if (filters.formId) params.set('formId', filters.formId);
  params.set('from', dayStartIso(days.from));
  params.set('to', dayEndIso(days.to));
  return params;
}

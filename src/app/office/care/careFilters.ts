// The care cases screen's filters (status, assessor) ⇄ the page URL query, → the query of GET /api/office/care/cases, and the export's date range → its query.
import { CASE_STATUSES, type CaseStatus } from '../../../protocol/care/case-requests.ts';

export interface CareFilters {
  /** '' = every status. */
  status: CaseStatus | '';
  /** '' = every assessor. */
  assigneeId: string;
}

export const EMPTY_CARE_FILTERS: CareFilters = { status: '', assigneeId: '' };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isStatus = (value: string | null): value is CaseStatus => (CASE_STATUSES as readonly (string | null)[]).includes(value);

/** A malformed value falls back to "every" instead of failing: the URL may be typed or old. */
export function careFiltersFromQuery(search: string): CareFilters {
  const params = new URLSearchParams(search);
  const status = params.get('status');
  return { status: isStatus(status) ? status : '', assigneeId: (params.get('assignee') ?? '').slice(0, 100) };
}

export function careFiltersToQuery(filters: CareFilters): string {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.assigneeId) params.set('assignee', filters.assigneeId);
  return params.toString();
}

export function careApiQuery(filters: CareFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.assigneeId) params.set('assigneeId', filters.assigneeId);
  return params;
}

/** from/to are JST calendar days (YYYY-MM-DD) on the server; an empty or malformed bound is left open. */
export function careExportQuery(from: string, to: string): URLSearchParams {
  const params = new URLSearchParams();
  if (DAY.test(from)) params.set('from', from);
  if (DAY.test(to)) params.set('to', to);
  return params;
}

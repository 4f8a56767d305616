// The audit screen's search (user, record, action, day range) ⇄ the page URL query, and → the query of GET /api/office/audit.
import { AUDIT_ACTIONS, type AuditActionName } from '../../../protocol/office/index.ts';
import { dayEndIso, dayStartIso } from '../queue/queueFilters.ts';

export interface AuditFilters {
  userId: string;
  recordId: string;
  action: AuditActionName | '';
  from: string;
  to: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function auditFiltersFromQuery(search: string): AuditFilters {
  const params = new URLSearchParams(search);
  const day = (key: string) => (DAY.test(params.get(key) ?? '') ? (params.get(key) ?? '') : '');
  const action = AUDIT_ACTIONS.find((a) => a === params.get('action')) ?? '';
  return { userId: params.get('user') ?? '', recordId: params.get('record') ?? '', action, from: day('from'), to: day('to') };
}

export function auditFiltersToQuery(filters: AuditFilters): string {
  const params = new URLSearchParams();
  if (filters.userId) params.set('user', filters.userId);
  if (filters.recordId.trim()) params.set('record', filters.recordId.trim());
  if (filters.action) params.set('action', filters.action);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  return params.toString();
}

export function auditApiQuery(filters: AuditFilters, page: { before?: string | null; limit?: number } = {}): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.userId) params.set('userId', filters.userId);
  if (filters.recordId.trim()) params.set('recordId', filters.recordId.trim());
  if (filters.action) params.set('action', filters.action);
  if (filters.from) params.set('from', dayStartIso(filters.from));
  if (filters.to) params.set('to', dayEndIso(filters.to));
  if (page.before) params.set('before', page.before);
  if (page.limit) params.set('limit', String(page.limit));
  return params;
}

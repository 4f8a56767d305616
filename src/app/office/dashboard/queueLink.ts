// The review-queue query that lists exactly the records a dashboard count counted: same form, status and days (pure).
import type { RecordStatus } from '../../../protocol/snapshot.ts';
import { EMPTY_FILTERS, filtersToQuery } from '../queue/queueFilters.ts';

export function queueQueryFor(window: { from: string; to: string }, formId: string, status: RecordStatus | null): string {
  return filtersToQuery({ ...EMPTY_FILTERS, formId, statuses: status ? [status] : [], from: window.from, to: window.to });
}

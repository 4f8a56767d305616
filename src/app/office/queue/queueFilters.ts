// The review queue's filters ⇄ the page URL query (so reload and back keep them) and → the query of GET /api/office/records.
import { RECORD_STATUSES, type RecordStatus } from '../../../protocol/snapshot.ts';
import { tokyoDayEndIso, tokyoDayStartIso } from '../shared/tokyoTime.ts';
import { presetById, type Bbox } from './areaPresets.ts';

export interface QueueFilters {
  formId: string;
  /** Empty = every status. */
  statuses: RecordStatus[];
  assigneeId: string;
  /** Calendar days (YYYY-MM-DD, Asia/Tokyo), inclusive; '' = open. */
  from: string;
  to: string;
  warnings: boolean;
  errors: boolean;
  conflicts: boolean;
  q: string;
  /** A preset id (areaPresets.ts), 'custom' for a box picked on the map, '' for anywhere. */
  area: string;
  bbox: Bbox | null;
}

/** The queue opens on what waits for review. */
export const DEFAULT_STATUSES: readonly RecordStatus[] = ['submitted'];

export const EMPTY_FILTERS: QueueFilters = {
  formId: '', statuses: [...DEFAULT_STATUSES], assigneeId: '', from: '', to: '', warnings: false, errors: false, conflicts: false, q: '', area: '', bbox: null,
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ALL_STATUSES = 'all';

export function parseBbox(text: string | null): Bbox | null {
  if (!text) return null;
  const numbers = text.split(',').map(Number);
  if (numbers.length !== 4 || numbers.some((n) => !Number.isFinite(n))) return null;
  const [minLon, minLat, maxLon, maxLat] = numbers as Bbox;
  if (minLon >= maxLon || minLat >= maxLat || minLat < -90 || maxLat > 90 || minLon < -180 || maxLon > 180) return null;
  return [minLon, minLat, maxLon, maxLat];
}

export function formatBbox(bbox: Bbox): string {
  return bbox.map((n) => Number(n.toFixed(5))).join(',');
}

function parseStatuses(text: string | null): RecordStatus[] {
  if (text === null) return [...DEFAULT_STATUSES];
  if (text === ALL_STATUSES) return [];
  const wanted = new Set(text.split(','));
  const statuses = RECORD_STATUSES.filter((s) => wanted.has(s));
  return statuses.length > 0 ? statuses : [...DEFAULT_STATUSES];
}

/** Anything malformed in the URL falls back to the default instead of failing the screen. */
export function filtersFromQuery(search: string): QueueFilters {
  const params = new URLSearchParams(search);
  const day = (key: string) => {
    const value = params.get(key) ?? '';
    return DAY.test(value) ? value : '';
  };
  const area = params.get('area') ?? '';
  const preset = presetById(area);
  const customBox = area === 'custom' ? parseBbox(params.get('bbox')) : null;
  return {
    formId: params.get('form') ?? '',
    statuses: parseStatuses(params.get('status')),
    assigneeId: params.get('assignee') ?? '',
    from: day('from'),
    to: day('to'),
    warnings: params.get('warnings') === '1',
    errors: params.get('errors') === '1',
    conflicts: params.get('conflicts') === '1',
    q: params.get('q') ?? '',
    area: preset ? preset.id : customBox ? 'custom' : '',
    bbox: preset ? preset.bbox : customBox,
  };
}

/** Only what differs from the defaults, in a fixed order, so equal filters give equal URLs. */
export function filtersToQuery(filters: QueueFilters): string {
  const params = new URLSearchParams();
  if (filters.formId) params.set('form', filters.formId);
  const statuses = RECORD_STATUSES.filter((s) => filters.statuses.includes(s));
  const isDefault = statuses.length === DEFAULT_STATUSES.length && DEFAULT_STATUSES.every((s) => statuses.includes(s));
  if (statuses.length === 0) params.set('status', ALL_STATUSES);
  else if (!isDefault) params.set('status', statuses.join(','));
  if (filters.assigneeId) params.set('assignee', filters.assigneeId);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.warnings) params.set('warnings', '1');
  if (filters.errors) params.set('errors', '1');
  if (filters.conflicts) params.set('conflicts', '1');
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.area && presetById(filters.area)) params.set('area', filters.area);
  else if (filters.bbox) {
    params.set('area', 'custom');
    params.set('bbox', formatBbox(filters.bbox));
  }
  return params.toString();
}

/** Start of a calendar day (Asia/Tokyo, the office's one clock) as an ISO instant. */
export const dayStartIso = tokyoDayStartIso;

/** The last millisecond of a calendar day (Asia/Tokyo) as an ISO instant (the API's bounds are inclusive). */
export const dayEndIso = tokyoDayEndIso;

/** The query of GET /api/office/records (and the export routes, which take the same filters). */
export function filtersToApiQuery(filters: QueueFilters, page: { after?: string | null; limit?: number } = {}): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.formId) params.set('formId', filters.formId);
  if (filters.statuses.length > 0) params.set('status', RECORD_STATUSES.filter((s) => filters.statuses.includes(s)).join(','));
  if (filters.assigneeId) params.set('assigneeId', filters.assigneeId);
  if (filters.bbox) params.set('bbox', formatBbox(filters.bbox));
  if (filters.from) params.set('from', dayStartIso(filters.from));
  if (filters.to) params.set('to', dayEndIso(filters.to));
  if (filters.warnings) params.set('warnings', '1');
  if (filters.errors) params.set('errors', '1');
  if (filters.conflicts) params.set('conflicts', '1');
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (page.after) params.set('after', page.after);
  if (page.limit) params.set('limit', String(page.limit));
  return params;
}

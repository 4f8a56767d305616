// Office filters ⇄ URL query (so reload and back keep them) → API query; office routes; conflict merge drafts.
import { describe, expect, it } from 'vitest';
import { parseRoute, routePath } from '../../src/app/routes.ts';
import { AREA_PRESETS } from '../../src/app/office/queue/areaPresets.ts';
import { EMPTY_FILTERS, dayEndIso, dayStartIso, filtersFromQuery, filtersToApiQuery, filtersToQuery, type QueueFilters } from '../../src/app/office/queue/queueFilters.ts';
import { auditApiQuery, auditFiltersFromQuery, auditFiltersToQuery } from '../../src/app/office/audit/auditFilters.ts';
import { initialMode, joinedTexts, mergedValue, unionOfSelections } from '../../src/app/office/conflicts/resolutionDraft.ts';
import { RecordListQuerySchema } from '../../src/protocol/office/record-list-query.ts';

describe('review queue filters ⇄ URL query', () => {
  it('opens on submitted records with an empty URL, and writes nothing for the defaults', () => {
    expect(filtersFromQuery('')).toEqual(EMPTY_FILTERS);
    expect(filtersFromQuery('').statuses).toEqual(['submitted']);
    expect(filtersToQuery(EMPTY_FILTERS)).toBe('');
  });

  it('round-trips every filter through the URL', () => {
    const filters: QueueFilters = {
      formId: 'field-check', statuses: ['submitted', 'returned'], assigneeId: 'u-1', from: '2024-04-01', to: '2024-04-30',
      warnings: true, errors: true, conflicts: true, q: '見本 太郎', area: 'custom', bbox: [139.5, 35.5, 139.9, 35.8],
    };
    const query = filtersToQuery(filters);
    expect(filtersFromQuery(query)).toEqual(filters);
    expect(filtersFromQuery(`?${query}`)).toEqual(filters);
  });

  it('keeps "every status" apart from the default, and a preset area by its id', () => {
    const all = { ...EMPTY_FILTERS, statuses: [] };
    expect(filtersToQuery(all)).toBe('status=all');
    expect(filtersFromQuery('status=all').statuses).toEqual([]);
    const preset = AREA_PRESETS[0]!;
    const query = filtersToQuery({ ...EMPTY_FILTERS, area: preset.id, bbox: preset.bbox });
    expect(query).toBe(`area=${preset.id}`);
    expect(filtersFromQuery(query).bbox).toEqual(preset.bbox);
  });

  it('falls back to defaults for malformed values instead of failing', () => {
    const parsed = filtersFromQuery('status=nonsense&from=yesterday&area=custom&bbox=1,2,x,4&warnings=yes');
    expect(parsed.statuses).toEqual(['submitted']);
    expect(parsed.from).toBe('');
    expect(parsed.area).toBe('');
    expect(parsed.bbox).toBeNull();
    expect(parsed.warnings).toBe(false);
    expect(filtersFromQuery('area=custom&bbox=10,5,9,6').bbox).toBeNull(); // min > max
  });

  it('gives the API the contract names, local days as ISO bounds, and passes the server schema', () => {
    const filters: QueueFilters = { ...EMPTY_FILTERS, formId: 'field-check', statuses: ['returned', 'submitted'], assigneeId: 'u-1', from: '2024-04-01', to: '2024-04-02', warnings: true, q: ' 本館 ', bbox: [139.5, 35.5, 139.9, 35.8] };
    const api = filtersToApiQuery(filters, { after: 'cursor-1', limit: 50 });
    expect(Object.fromEntries(api)).toEqual({
      formId: 'field-check', status: 'submitted,returned', assigneeId: 'u-1', bbox: '139.5,35.5,139.9,35.8',
      from: dayStartIso('2024-04-01'), to: dayEndIso('2024-04-02'), warnings: '1', q: '本館', after: 'cursor-1', limit: '50',
    });
    expect(new Date(dayEndIso('2024-04-02')).getTime() - new Date(dayStartIso('2024-04-02')).getTime()).toBe(86_399_999);
    const parsed = RecordListQuerySchema.safeParse(Object.fromEntries(api));
    expect(parsed.success).toBe(true);
  });
});

describe('audit filters', () => {
  it('round-trips through the URL, drops unknown actions, and maps to the API names', () => {
    const filters = { userId: 'u-2', recordId: 'rec-1', action: 'review' as const, from: '2024-05-01', to: '' };
    expect(auditFiltersFromQuery(auditFiltersToQuery(filters))).toEqual(filters);
    expect(auditFiltersFromQuery('action=drop_table').action).toBe('');
    expect(Object.fromEntries(auditApiQuery(filters, { before: '42', limit: 100 }))).toEqual({
      userId: 'u-2', recordId: 'rec-1', action: 'review', from: dayStartIso('2024-05-01'), before: '42', limit: '100',
    });
  });
});

describe('office routes', () => {
  it('round-trip through their URLs and send unknown office URLs to the queue', () => {
    for (const route of [
      { name: 'office', page: 'queue' }, { name: 'office', page: 'conflicts' }, { name: 'office', page: 'dashboard' }, { name: 'office', page: 'audit' },
      { name: 'office-record', recordId: '0190-ab/c' },
    ] as const) {
      expect(parseRoute(routePath(route))).toEqual(route);
    }
    expect(parseRoute('/office/nope')).toEqual({ name: 'office', page: 'queue' });
    expect(routePath({ name: 'office', page: 'queue', query: 'status=all' })).toBe('/office?status=all');
  });
});

describe('conflict resolution drafts', () => {
  const candidates = [
    { value: ['crack', 'rust'], at: '2024-04-02T10:00:00Z' },
    { value: ['leak', 'crack'], at: '2024-04-01T09:00:00Z' },
  ];
  it('merges multi-selects into the union, oldest candidate first, and opens on it', () => {
    expect(unionOfSelections(candidates)).toEqual(['leak', 'crack', 'rust']);
    expect(mergedValue('select_multiple', candidates)).toEqual(['leak', 'crack', 'rust']);
    expect(initialMode('select_multiple')).toBe('merge');
    expect(initialMode('text')).toBe('pick');
  });
  it('joins distinct texts oldest first, one per line; other types cannot merge', () => {
    const texts = [{ value: '屋根瓦に損傷', at: '2024-04-02' }, { value: '雨漏りあり', at: '2024-04-01' }, { value: '屋根瓦に損傷 ', at: '2024-04-03' }, { value: '', at: '2024-04-04' }];
    expect(joinedTexts(texts)).toBe('雨漏りあり\n屋根瓦に損傷');
    expect(mergedValue('integer', texts)).toBeNull();
  });
});

// The office care cases screen's pure helpers: filters ⇄ URL → API query (as the server parses it), the new-case draft → request body, the server's issues, and how values are written.
import { describe, expect, it } from 'vitest';
import { parseRoute, routePath } from '../../src/app/routes.ts';
import { careApiQuery, careExportQuery, careFiltersFromQuery, careFiltersToQuery, EMPTY_CARE_FILTERS } from '../../src/app/office/care/careFilters.ts';
import { caseIssuesOf, caseRequestOf, draftProblems, EMPTY_CASE_DRAFT, normalizeDigits, type CaseDraft } from '../../src/app/office/care/caseDraft.ts';
import { daysText, plannedVisitText } from '../../src/app/office/care/caseFormat.ts';
import { CreateCaseRequestSchema, ExportQuerySchema, ListCasesQuerySchema } from '../../src/protocol/care/case-requests.ts';

const query = (params: URLSearchParams) => Object.fromEntries(params);

describe('care filters', () => {
  it('round-trip through the URL and write nothing for the defaults', () => {
    expect(careFiltersToQuery(EMPTY_CARE_FILTERS)).toBe('');
    const filters = { status: 'returned', assigneeId: 'u-7' } as const;
    expect(careFiltersFromQuery(careFiltersToQuery(filters))).toEqual(filters);
    expect(careFiltersFromQuery(`?${careFiltersToQuery(filters)}`)).toEqual(filters);
  });

  it('fall back to every status for an unknown one', () => {
    expect(careFiltersFromQuery('status=done&assignee=u-1')).toEqual({ status: '', assigneeId: 'u-1' });
  });

  it('give the list query the server accepts, and the export range only when it is made of dates', () => {
    expect(ListCasesQuerySchema.parse(query(careApiQuery({ status: 'approved', assigneeId: 'u-1' })))).toEqual({ status: 'approved', assigneeId: 'u-1' });
    expect(query(careApiQuery(EMPTY_CARE_FILTERS))).toEqual({});
    expect(ExportQuerySchema.parse(query(careExportQuery('2025-04-01', '2025-04-30')))).toEqual({ from: '2025-04-01', to: '2025-04-30' });
    expect(query(careExportQuery('', 'yesterday'))).toEqual({});
  });
});

describe('the new-case draft', () => {
  const filled: CaseDraft = {
    ...EMPTY_CASE_DRAFT, assigneeId: 'assessor-1', caseNumber: ' K-2025-0042 ', applicationDate: '2025-03-20', applicationType: 'renewal',
    insuredNumber: '０１２３４ ５６７８９', name: ' 見本 花子 ', nameKana: 'みほん はなこ', sex: 'female', lat: '35.01', lng: '135.02',
    visitAt: '2025-04-03T10:00', preferredTimes: '', address: '',
  };

  it('names what blocks sending an empty form', () => {
    expect(draftProblems(EMPTY_CASE_DRAFT)).toEqual({ assigneeId: 'required', caseNumber: 'required', applicationDate: 'required', insuredNumber: 'required', name: 'required' });
    expect(draftProblems(filled)).toEqual({});
  });

  it('flags a short insured number, half a location and a bad coordinate', () => {
    expect(draftProblems({ ...filled, insuredNumber: '12345' }).insuredNumber).toBe('digits10');
    expect(draftProblems({ ...filled, lng: '' })).toEqual({ lng: 'location' });
    expect(draftProblems({ ...filled, lat: '95' })).toEqual({ lat: 'location' });
    expect(draftProblems({ ...filled, lat: '', lng: '' })).toEqual({});
  });

  it('becomes the body the server parses: trimmed, digits normalized, the visit in JST, empty inputs left out', () => {
    const body = caseRequestOf(filled);
    expect(body).toEqual({
      assigneeId: 'assessor-1', caseNumber: 'K-2025-0042', applicationDate: '2025-03-20', applicationType: 'renewal', insuredNumber: '0123456789',
      name: '見本 花子', nameKana: 'みほん はなこ', sex: 'female', location: { lat: 35.01, lng: 135.02 }, visitAt: '2025-04-03T10:00+09:00',
    });
    expect(CreateCaseRequestSchema.parse(body)).toEqual(body);
    const minimal = caseRequestOf({ ...filled, nameKana: '', sex: '', lat: '', lng: '', visitAt: '' });
    expect(Object.keys(minimal).sort()).toEqual(['applicationDate', 'applicationType', 'assigneeId', 'caseNumber', 'insuredNumber', 'name']);
    expect(CreateCaseRequestSchema.safeParse(minimal).success).toBe(true);
  });

  it('normalizes full-width digits, spaces and hyphens', () => {
    expect(normalizeDigits('０１２-３４ ５')).toBe('012345');
  });

  it('reads the server issues tolerantly (localized or plain messages; anything else is dropped)', () => {
    const details = { issues: [
      { path: 'application_date', code: 'E_FUTURE_DATE', message: { ja: '未来の日付です', en: 'In the future' } },
      { path: 'name', message: '必須です' },
      { path: 3, message: 'x' },
      null,
    ] };
    expect(caseIssuesOf(details)).toEqual([
      { path: 'application_date', message: { ja: '未来の日付です', en: 'In the future' } },
      { path: 'name', message: { ja: '必須です' } },
    ]);
    expect(caseIssuesOf(undefined)).toEqual([]);
    expect(caseIssuesOf({ issues: 'no' })).toEqual([]);
  });
});

describe('care values as shown', () => {
  it('writes the planned visit as the local time typed on the tablet, and days with one decimal at most', () => {
    expect(plannedVisitText('2025-04-03T10:00+09:00')).toBe('2025-04-03 10:00');
    expect(plannedVisitText(null)).toBe('—');
    expect(plannedVisitText('someday')).toBe('someday');
    expect(daysText(null)).toBe('—');
    expect(daysText(6)).toBe('6');
    expect(daysText(5.25)).toBe('5.3');
  });
});

describe('office route of the care cases', () => {
  it('is /office/care and round-trips', () => {
    expect(parseRoute('/office/care')).toEqual({ name: 'office', page: 'care' });
    expect(routePath({ name: 'office', page: 'care', query: 'status=surveyed' })).toBe('/office/care?status=surveyed');
  });
});

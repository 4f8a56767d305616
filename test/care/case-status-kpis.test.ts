// Case status and KPI computation as pure functions: the linked 調査票 decides 未調査/調査済/差し戻し/確定; days are JST calendar days; median and mean over a list.
import { describe, expect, it } from 'vitest';
import { calendarDaysBetween, caseTimeline, jstDateOf, localDateOf, summarizeDays } from '../../sync-server/src/care/case-kpis.ts';
import { approvedAtOf, caseRow, linkedAssessment } from '../../sync-server/src/care/case-row.ts';
import { caseStatusOf } from '../../sync-server/src/care/case-status.ts';
import { summarizeCases } from '../../sync-server/src/care/list-cases.ts';
import type { ServerRecord } from '../../sync-server/src/storage/sync-store.ts';

function record(overrides: Partial<ServerRecord>): ServerRecord {
  return {
    id: 'r', formId: 'care-assessment', formVersion: 1, status: 'draft', ownerId: 'u1', assigneeId: null, deleted: false,
    answers: {}, fields: {}, changeSeq: 1, createdAt: '2025-04-01T00:00:00Z', updatedAt: '2025-04-01T00:00:00Z', ...overrides,
  };
}

describe('caseStatusOf', () => {
  it.each([
    [null, 'unsurveyed'],
    [{ status: 'draft', deleted: false }, 'unsurveyed'],
    [{ status: 'submitted', deleted: true }, 'unsurveyed'],
    [{ status: 'submitted', deleted: false }, 'surveyed'],
    [{ status: 'returned', deleted: false }, 'returned'],
    [{ status: 'approved', deleted: false }, 'approved'],
  ] as const)('%j → %s', (assessment, status) => {
    expect(caseStatusOf(assessment)).toBe(status);
  });
});

describe('calendar days', () => {
  it('counts whole days, across months and leap days, negative when backwards', () => {
    expect(calendarDaysBetween('2025-03-20', '2025-03-28')).toBe(8);
    expect(calendarDaysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(calendarDaysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(calendarDaysBetween('2025-04-02', '2025-04-01')).toBe(-1);
  });

  it('gives null for a missing or impossible date', () => {
    expect(calendarDaysBetween(null, '2025-01-01')).toBeNull();
    expect(calendarDaysBetween('2025-02-30', '2025-03-01')).toBeNull();
    expect(calendarDaysBetween('20250301', '2025-03-02')).toBeNull();
  });

  it('takes the visit date as written and the approval date in JST', () => {
    expect(localDateOf('2025-03-28T10:00+09:00')).toBe('2025-03-28');
    expect(localDateOf('2025-03-28T23:30Z')).toBe('2025-03-28');
    expect(localDateOf('yesterday')).toBeNull();
    // 16:00 UTC is already the next day in Japan.
    expect(jstDateOf('2025-04-01T16:00:00.000Z')).toBe('2025-04-02');
    expect(jstDateOf('2025-04-01T14:59:59.000Z')).toBe('2025-04-01');
    expect(jstDateOf('not a time')).toBeNull();
  });
});

describe('caseTimeline', () => {
  it('measures application → visit and visit → approval', () => {
    expect(caseTimeline({ applicationDate: '2025-03-20', surveyedAt: '2025-03-28T10:00+09:00', approvedAt: '2025-04-02T01:00:00Z' }))
      .toEqual({ visitDate: '2025-03-28', finishedDate: '2025-04-02', daysToVisit: 8, daysToFinish: 5 });
  });

  it('leaves a KPI empty while its end is unknown', () => {
    expect(caseTimeline({ applicationDate: '2025-03-20', surveyedAt: '2025-03-28T10:00+09:00', approvedAt: null }))
      .toEqual({ visitDate: '2025-03-28', finishedDate: null, daysToVisit: 8, daysToFinish: null });
    expect(caseTimeline({ applicationDate: null, surveyedAt: null, approvedAt: null }))
      .toEqual({ visitDate: null, finishedDate: null, daysToVisit: null, daysToFinish: null });
  });
});

describe('summarizeDays', () => {
  it('gives count, median and mean (one decimal) of the known values only', () => {
    expect(summarizeDays([3, null, 1, 10])).toEqual({ count: 3, median: 3, mean: 4.7 });
    expect(summarizeDays([2, 4])).toEqual({ count: 2, median: 3, mean: 3 });
    expect(summarizeDays([null])).toEqual({ count: 0, median: null, mean: null });
  });
});

describe('caseRow', () => {
  const caseRecord = record({
    id: 'case-1', formId: 'care-case', assigneeId: 'a1',
    answers: { case_number: 'C-1', application_date: '2025-03-20', application_type: 'renewal', name: '見本 花子', visit_at: '2025-03-27T10:00+09:00', assessment_record_id: 'as-1' },
  });
  const names = new Map([['a1', '認定 花子']]);

  it('reads the approval time from the review note, falling back to updatedAt', () => {
    expect(approvedAtOf(record({ status: 'approved', answers: { '@review': { action: 'approve', at: '2025-04-02T01:00:00Z' } } }))).toBe('2025-04-02T01:00:00Z');
    expect(approvedAtOf(record({ status: 'approved', updatedAt: '2025-04-05T00:00:00Z' }))).toBe('2025-04-05T00:00:00Z');
    expect(approvedAtOf(record({ status: 'submitted', answers: { '@review': { action: 'approve', at: 'x' } } }))).toBeNull();
  });

  it('builds a 確定 line with both KPIs from an approved assessment', () => {
    const assessment = record({ id: 'as-1', status: 'approved', answers: { survey_datetime: '2025-03-28T10:00+09:00', '@review': { action: 'approve', at: '2025-04-02T01:00:00Z' } } });
    expect(caseRow(caseRecord, assessment, names)).toMatchObject({
      caseNumber: 'C-1', status: 'approved', statusLabel: { ja: '確定' }, assigneeName: '認定 花子', plannedVisit: '2025-03-27T10:00+09:00',
      assessmentId: 'as-1', visitDate: '2025-03-28', finishedDate: '2025-04-02', daysToVisit: 8, daysToFinish: 5,
    });
  });

  it('does not count a draft\'s 実施日時 as the visit', () => {
    const draft = record({ id: 'as-1', status: 'draft', answers: { survey_datetime: '2025-03-28T10:00+09:00' } });
    expect(caseRow(caseRecord, draft, names)).toMatchObject({ status: 'unsurveyed', assessmentId: 'as-1', visitDate: null, daysToVisit: null });
  });

  it('links only a care-assessment record', () => {
    const wrongForm = record({ id: 'as-1', formId: 'field-check', status: 'approved' });
    expect(linkedAssessment(caseRecord, new Map([['as-1', wrongForm]]))).toBeNull();
    const right = record({ id: 'as-1', status: 'submitted' });
    expect(linkedAssessment(caseRecord, new Map([['as-1', right]]))).toBe(right);
  });

  it('summarizes a list by status', () => {
    const rows = [
      caseRow(caseRecord, null, names),
      caseRow(caseRecord, record({ id: 'as-1', status: 'submitted', answers: { survey_datetime: '2025-03-24T10:00+09:00' } }), names),
      caseRow(caseRecord, record({ id: 'as-1', status: 'submitted', answers: { survey_datetime: '2025-03-30T10:00+09:00' } }), names),
    ];
    const summary = summarizeCases(rows);
    expect(summary.byStatus).toEqual({ unsurveyed: 1, surveyed: 2, returned: 0, approved: 0 });
    expect(summary.daysToVisit).toEqual({ count: 2, median: 7, mean: 7 });
  });
});

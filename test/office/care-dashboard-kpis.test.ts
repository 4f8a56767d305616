// Per-survey dashboard KPIs: the registry of providers by form, the care provider's figures (pure) and GET /api/office/dashboard?formId=care-assessment end to end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DashboardResponseSchema } from '../../src/protocol/office/dashboard.ts';
import type { CaseRow } from '../../src/protocol/care/case-list.ts';
import { careKpisOf } from '../../sync-server/src/office/care-dashboard-kpis.ts';
import { formKpiProvider, formKpis } from '../../sync-server/src/office/form-kpis.ts';
import { caseBody, deviceOf, startCareServer, surveyCase } from '../care/care-server.ts';
import type { LoggedIn, TestServer } from '../sync-server/test-server.ts';

function row(overrides: Partial<CaseRow>): CaseRow {
  return {
    id: 'c', caseNumber: 'K-1', applicationDate: '2025-03-01', applicationType: 'new', insuredNumber: '0000000001', name: '見本 太郎', address: null,
    assigneeId: 'a', assigneeName: '認定 花子（デモ）', plannedVisit: null, status: 'unsurveyed', statusLabel: { ja: '未調査', en: 'Not surveyed' },
    assessmentId: null, assessmentStatus: null, visitDate: null, finishedDate: null, daysToVisit: null, daysToFinish: null, updatedAt: '2025-03-01T00:00:00Z',
    ...overrides,
  };
}

const valueOf = (kpis: { key: string; value: number | null }[], key: string) => {
  const kpi = kpis.find((k) => k.key === key);
  if (!kpi) throw new Error(`no KPI ${key}`);
  return kpi.value;
};

describe('careKpisOf (pure)', () => {
  const rows = [
    row({ id: '1', status: 'approved', visitDate: '2025-03-10', daysToVisit: 9, finishedDate: '2025-03-20', daysToFinish: 10 }),
    row({ id: '2', status: 'surveyed', visitDate: '2025-03-12', daysToVisit: 3 }),
    row({ id: '3', status: 'approved', visitDate: '2025-02-27', daysToVisit: 20, finishedDate: '2025-03-01', daysToFinish: 2 }),
    row({ id: '4', status: 'unsurveyed' }),
    row({ id: '5', status: 'unsurveyed' }),
  ];

  it('counts days to visit over the cases visited in the window and days to finish over those finished in it', () => {
    const kpis = careKpisOf(rows, { from: '2025-03-01T00:00:00.000Z', to: '2025-03-31T23:59:59.999Z' });
    expect(valueOf(kpis, 'care_days_to_visit_median')).toBe(6); // 9 and 3; case 3 was visited in February
    expect(valueOf(kpis, 'care_days_to_visit_mean')).toBe(6);
    expect(valueOf(kpis, 'care_visited')).toBe(2);
    expect(valueOf(kpis, 'care_days_to_finish_median')).toBe(6); // 10 and 2: both finished in March (the 1st counts)
    expect(valueOf(kpis, 'care_finished')).toBe(2);
    expect(valueOf(kpis, 'care_unsurveyed')).toBe(2);
    expect(kpis.every((k) => k.label.ja && k.label.en && (k.unit === 'days' || k.unit === 'count'))).toBe(true);
  });

  it('has no durations (null, not 0) when nothing falls in the window', () => {
    const kpis = careKpisOf(rows, { from: '2025-04-01T00:00:00.000Z', to: '2025-04-30T00:00:00.000Z' });
    expect(valueOf(kpis, 'care_days_to_visit_median')).toBeNull();
    expect(valueOf(kpis, 'care_days_to_finish_mean')).toBeNull();
    expect(valueOf(kpis, 'care_visited')).toBe(0);
  });
});

describe('the KPI registry', () => {
  it('has the care provider for the 調査票 and the cases, and nothing for other surveys', async () => {
    expect(formKpiProvider('care-assessment')).toBeTypeOf('function');
    expect(formKpiProvider('care-case')).toBe(formKpiProvider('care-assessment'));
    expect(formKpiProvider('field-check')).toBeUndefined();
  });
});

describe('GET /api/office/dashboard with the care survey', () => {
  let server: TestServer;
  let supervisor: LoggedIn;

  beforeAll(async () => {
    server = await startCareServer(); // now = 2025-04-02 10:00 JST
    supervisor = await server.login('supervisor');
    const assessor = deviceOf(server, await server.login('assessor'));
    const create = async (overrides: Record<string, unknown>) => {
      const res = await server.app.inject({ method: 'POST', url: '/api/office/care/cases', headers: supervisor.headers, payload: caseBody(assessor.login.userId, overrides) });
      expect(res.statusCode, res.body).toBe(201);
      return (res.json() as { case: { id: string } }).case.id;
    };
    // Both 調査票 are the fixture's, surveyed on 2025-03-28: 8 and 4 days after the application.
    const finished = await create({ caseNumber: 'KPI-1', applicationDate: '2025-03-20' });
    const surveyed = await create({ caseNumber: 'KPI-2', applicationDate: '2025-03-24' });
    const finishedAssessment = await surveyCase(server, assessor, finished);
    await surveyCase(server, assessor, surveyed);
    const approved = await server.app.inject({ method: 'POST', url: `/api/records/${finishedAssessment}/review`, headers: supervisor.headers, payload: { action: 'approve' } });
    expect(approved.statusCode, approved.body).toBe(200); // 2025-04-02: 5 days after the visit
  });
  afterAll(async () => {
    await server.close();
  });

  async function dashboard(query: string) {
    const res = await server.app.inject({ method: 'GET', url: `/api/office/dashboard?${query}`, headers: supervisor.headers });
    expect(res.statusCode, res.body).toBe(200);
    return DashboardResponseSchema.parse(res.json());
  }

  it('adds the care KPIs after the generic ones', async () => {
    const { kpis } = await dashboard('formId=care-assessment');
    expect(kpis.slice(0, 5).map((k) => k.key)).toEqual(['records', 'submitted', 'approved', 'days_to_first_submit', 'days_to_approval']);
    expect(valueOf(kpis, 'care_days_to_visit_median')).toBe(6);
    expect(valueOf(kpis, 'care_days_to_visit_mean')).toBe(6);
    expect(valueOf(kpis, 'care_visited')).toBe(2);
    expect(valueOf(kpis, 'care_days_to_finish_median')).toBe(5);
    expect(valueOf(kpis, 'care_finished')).toBe(1);
    expect(valueOf(kpis, 'care_unsurveyed')).toBe(4); // the seed's demo cases
    expect(kpis.find((k) => k.key === 'care_days_to_visit_median')?.label.ja).toBe('申請から訪問調査までの日数（中央値）');
    // The case form shows the same indicators.
    expect((await dashboard('formId=care-case')).kpis.map((k) => k.key)).toEqual(kpis.map((k) => k.key));
  });

  it('follows the window: visits before it do not count', async () => {
    const { kpis } = await dashboard('formId=care-assessment&from=2025-03-29');
    expect(valueOf(kpis, 'care_visited')).toBe(0);
    expect(valueOf(kpis, 'care_days_to_visit_median')).toBeNull();
    expect(valueOf(kpis, 'care_finished')).toBe(1);
  });

  it('shows no care KPIs for another survey or for all surveys', async () => {
    for (const query of ['formId=field-check', '']) {
      const { kpis } = await dashboard(query);
      expect(kpis.some((k) => k.key.startsWith('care_'))).toBe(false);
    }
    expect(await formKpis({ store: server.store, forms: server.forms, now: () => new Date() }, 'no-such-form', { from: '2025-03-01T00:00:00.000Z', to: '2025-04-02T00:00:00.000Z' })).toEqual([]);
  });
});

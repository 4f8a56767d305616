// The care office API end to end: create and assign cases, the list's status and KPIs through a whole survey, the certification CSV, and coded refusals that change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeDigest } from '../sync-server/store-digest.ts';
import type { LoggedIn, TestServer } from '../sync-server/test-server.ts';
import { addAccount, caseBody, deviceOf, startCareServer, surveyCase, type Device } from './care-server.ts';

let server: TestServer;
let supervisor: LoggedIn;
let assessor: Device;
let secondAssessorId: string;

beforeAll(async () => {
  server = await startCareServer();
  supervisor = await server.login('supervisor');
  assessor = deviceOf(server, await server.login('assessor'));
  secondAssessorId = await addAccount(server, 'assessor-api-2', 'care_assessor');
});
afterAll(async () => {
  await server.close();
});

const post = (url: string, payload: unknown, headers = supervisor.headers) => server.app.inject({ method: 'POST', url, headers, payload: payload as object });
const get = (url: string, headers = supervisor.headers) => server.app.inject({ method: 'GET', url, headers });

async function createCase(overrides: Record<string, unknown> = {}) {
  const res = await post('/api/office/care/cases', caseBody(assessor.login.userId, overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().case as { id: string; caseNumber: string; status: string; assigneeId: string };
}

interface ListedCase {
  id: string; status: string; statusLabel: { ja: string }; visitDate: string | null; finishedDate: string | null;
  daysToVisit: number | null; daysToFinish: number | null; assessmentId: string | null; assigneeId: string;
}

async function listed(id: string): Promise<ListedCase> {
  const res = await get('/api/office/care/cases');
  expect(res.statusCode, res.body).toBe(200);
  const row = (res.json().cases as ListedCase[]).find((c) => c.id === id);
  if (!row) throw new Error(`case ${id} is not listed`);
  return row;
}

/** Parses the CSV the way a certification system would: BOM, CRLF rows, RFC 4180 quotes. */
function parseCsv(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.slice(1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\r' && body[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += ch;
  }
  return rows;
}

describe('creating a case', () => {
  it('writes a care-case record assigned to the assessor, which the assessor pulls with the office data', async () => {
    const created = await createCase({ caseNumber: 'API-0001', name: '試験 一子' });
    expect(created.status).toBe('unsurveyed');
    expect(created.assigneeId).toBe(assessor.login.userId);
    const { records } = await assessor.pullAll();
    const pulled = records.find((r) => r.id === created.id);
    expect(pulled?.formId).toBe('care-case');
    expect(pulled?.status).toBe('draft');
    expect(pulled?.answers).toMatchObject({ case_number: 'API-0001', name: '試験 一子', application_type: 'new', visit_at: '2025-04-03T10:00+09:00' });
    // Server stamps on every answer: a device edit carries a real baseVersion.
    expect(pulled?.fieldVersions.case_number).toBeGreaterThan(0);
  });

  it('refuses bad input with coded 4xx errors and stores nothing', async () => {
    const cases: [unknown, number, string][] = [
      [{ ...caseBody(assessor.login.userId), insuredNumber: '12' }, 400, 'E_BAD_REQUEST'],
      [{ ...caseBody(assessor.login.userId), extra: 1 }, 400, 'E_BAD_REQUEST'],
      [{ ...caseBody(assessor.login.userId), applicationType: 'transfer' }, 400, 'E_BAD_REQUEST'],
      [caseBody(assessor.login.userId, { applicationDate: '2025-04-30' }), 422, 'E_CARE_CASE_INVALID'],
      [caseBody(assessor.login.userId, { nameKana: 'カタカナ' }), 422, 'E_CARE_CASE_INVALID'],
      [caseBody(assessor.login.userId, { visitAt: '2025-02-30T10:00+09:00' }), 422, 'E_CARE_CASE_INVALID'],
      [caseBody(supervisor.userId), 422, 'E_CARE_ASSIGNEE'],
      [caseBody('no-such-user'), 422, 'E_CARE_ASSIGNEE'],
      [caseBody(assessor.login.userId, { caseNumber: 'API-0001' }), 409, 'E_CARE_CASE_NUMBER_TAKEN'],
    ];
    for (const [payload, status, code] of cases) {
      const before = storeDigest(server.dbFile);
      const res = await post('/api/office/care/cases', payload);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.code).toBe(code);
      expect(storeDigest(server.dbFile)).toBe(before);
    }
    const invalid = await post('/api/office/care/cases', caseBody(assessor.login.userId, { applicationDate: '2025-04-30' }));
    expect(invalid.json().error.details.issues).toContainEqual(expect.objectContaining({ path: 'application_date', code: 'E_FUTURE_DATE' }));
  });

  it('is for supervisors and administrators only', async () => {
    const res = await post('/api/office/care/cases', caseBody(assessor.login.userId), assessor.login.headers);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('E_FORBIDDEN');
    const admin = await server.login('admin');
    expect((await post('/api/office/care/cases', caseBody(assessor.login.userId), admin.headers)).statusCode).toBe(201);
  });
});

describe('a case through the whole survey', () => {
  it('goes 未調査 → 調査済 → 差し戻し → 確定 with the visit date, the finished date and both KPIs', async () => {
    const created = await createCase({ caseNumber: 'API-0100', applicationDate: '2025-03-20', insuredNumber: '0000000100' });
    expect((await listed(created.id)).statusLabel.ja).toBe('未調査');

    const draftId = await surveyCase(server, assessor, created.id, false);
    let row = await listed(created.id);
    // A started draft is still 未調査, and its 実施日時 does not count as a visit yet.
    expect(row).toMatchObject({ status: 'unsurveyed', assessmentId: draftId, visitDate: null, daysToVisit: null });

    await assessor.push([assessor.op(draftId, 'care-assessment', server.forms.get('care-assessment')!.version, '@status', 'ready')]);
    row = await listed(created.id);
    // The fixture's 実施日時 is 2025-03-28: 8 days after the 申請日.
    expect(row).toMatchObject({ status: 'surveyed', statusLabel: { ja: '調査済' }, visitDate: '2025-03-28', daysToVisit: 8, finishedDate: null, daysToFinish: null });

    expect((await post(`/api/records/${draftId}/review`, { action: 'return', reason: '特記事項を確認してください' })).statusCode).toBe(200);
    expect((await listed(created.id)).statusLabel.ja).toBe('差し戻し');

    await assessor.pullAll();
    await assessor.push([assessor.op(draftId, 'care-assessment', server.forms.get('care-assessment')!.version, '@status', 'ready')]);
    expect((await listed(created.id)).status).toBe('surveyed');
    expect((await post(`/api/records/${draftId}/review`, { action: 'approve' })).statusCode).toBe(200);
    row = await listed(created.id);
    // Approved at 2025-04-02 10:00 JST: 5 days after the visit.
    expect(row).toMatchObject({ status: 'approved', statusLabel: { ja: '確定' }, finishedDate: '2025-04-02', daysToFinish: 5, daysToVisit: 8 });
  });

  it('summarizes the KPIs over the listed cases and filters by status and assessor', async () => {
    const res = await get('/api/office/care/cases?status=approved');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { cases: ListedCase[]; summary: { count: number; byStatus: Record<string, number>; daysToVisit: { count: number; median: number; mean: number }; daysToFinish: { median: number } } };
    expect(body.cases.every((c) => c.status === 'approved')).toBe(true);
    expect(body.summary.count).toBe(body.cases.length);
    expect(body.summary.byStatus.approved).toBe(body.cases.length);
    expect(body.summary.daysToVisit).toEqual({ count: 1, median: 8, mean: 8 });
    expect(body.summary.daysToFinish.median).toBe(5);
    const all = (await get('/api/office/care/cases')).json();
    // The seed's four demo cases are there too, all 未調査.
    expect(all.summary.byStatus.unsurveyed).toBeGreaterThanOrEqual(4);
    const none = (await get(`/api/office/care/cases?assigneeId=${secondAssessorId}`)).json();
    expect(none.cases).toEqual([]);
    expect(none.summary.daysToVisit).toEqual({ count: 0, median: null, mean: null });
  });

  it('rejects an unknown list filter with E_BAD_REQUEST', async () => {
    const res = await get('/api/office/care/cases?status=done');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('E_BAD_REQUEST');
  });
});

describe('the certification CSV', () => {
  it('has one row per approved 調査票 with the case number, insured number, date and every item code, and parses back', async () => {
    const res = await get('/api/office/care/export.csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const [header, ...rows] = parseCsv(res.body);
    expect(header!.slice(0, 3)).toEqual(['申請番号', '被保険者番号', '調査実施日']);
    // Item columns follow CARE's form order.
    expect(header!.slice(3, 6)).toEqual(['1-1', '1-2', '1-3']);
    expect(header).toContain('5-6');
    expect(rows).toHaveLength(1);
    const row = Object.fromEntries(header!.map((h, i) => [h, rows[0]![i]]));
    expect(row).toMatchObject({ 申請番号: 'API-0100', 被保険者番号: '0000000100', 調査実施日: '2025-03-28', '1-1': '1', '1-2': '2', '1-3': '2', '2-4': '1', '5-5': '4' });
    expect(rows[0]).toHaveLength(header!.length);
  });

  it('filters by approval date and refuses a malformed one', async () => {
    const later = parseCsv((await get('/api/office/care/export.csv?from=2025-04-03')).body);
    expect(later).toHaveLength(1);
    const bad = await get('/api/office/care/export.csv?from=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('E_BAD_REQUEST');
  });
});

describe('reassigning a case', () => {
  it('moves the case and its started 調査票 to the new assessor, whose device then pulls both', async () => {
    const created = await createCase({ caseNumber: 'API-0200' });
    const assessmentId = await surveyCase(server, assessor, created.id, false);
    const second = deviceOf(server, await server.login('assessor-api-2'));
    expect((await second.pullAll()).records.map((r) => r.id)).not.toContain(created.id);

    const res = await post(`/api/office/care/cases/${created.id}/assign`, { assigneeId: secondAssessorId });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().case.assigneeId).toBe(secondAssessorId);
    const pulled = (await second.pullAll()).records.map((r) => r.id);
    expect(pulled).toContain(created.id);
    expect(pulled).toContain(assessmentId);
    expect((await listed(created.id)).assigneeId).toBe(secondAssessorId);
  });

  it('refuses unknown cases, non-cases and non-assessors with coded errors and changes nothing', async () => {
    const field = (await server.store.transaction((tx) => tx.listChanges(0, 1000, { formIds: ['field-check'], userId: null })))[0]!;
    const created = await createCase({ caseNumber: 'API-0300' });
    const attempts: [string, unknown, number, string][] = [
      ['no-such-case', { assigneeId: secondAssessorId }, 404, 'E_NOT_FOUND'],
      [field.id, { assigneeId: secondAssessorId }, 404, 'E_NOT_FOUND'],
      [created.id, { assigneeId: supervisor.userId }, 422, 'E_CARE_ASSIGNEE'],
      [created.id, {}, 400, 'E_BAD_REQUEST'],
    ];
    for (const [id, payload, status, code] of attempts) {
      const before = storeDigest(server.dbFile);
      const res = await post(`/api/office/care/cases/${id}/assign`, payload);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.code).toBe(code);
      expect(storeDigest(server.dbFile)).toBe(before);
    }
  });
});

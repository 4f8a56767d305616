// The office care screens against the real server: the body the new-case form builds is accepted, the list/answers parse with the screens' schemas, and the 調査票PDF download gets its file name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileNameOf } from '../../src/app/office/api/contentDisposition.ts';
import { CaseAnswerSchema, CaseListResponseSchema } from '../../src/protocol/care/case-list.ts';
import { caseRequestOf, EMPTY_CASE_DRAFT } from '../../src/app/office/care/caseDraft.ts';
import { careApiQuery } from '../../src/app/office/care/careFilters.ts';
import { carePdfFileName } from '../../src/documents/care-assessment-form.ts';
import { addAccount, assessmentAnswers, deviceOf, startCareServer, surveyCase, type Device } from '../care/care-server.ts';
import { newRecordId } from '../sync-server/ops.ts';
import type { LoggedIn, TestServer } from '../sync-server/test-server.ts';

let server: TestServer;
let supervisor: LoggedIn;
let assessor: Device;
let otherAssessorId: string;

beforeAll(async () => {
  server = await startCareServer();
  supervisor = await server.login('supervisor');
  assessor = deviceOf(server, await server.login('assessor'));
  otherAssessorId = await addAccount(server, 'assessor-office-ui', 'care_assessor');
});
afterAll(async () => {
  await server.close();
});

const post = (url: string, payload: object) => server.app.inject({ method: 'POST', url, headers: supervisor.headers, payload });
const get = (url: string) => server.app.inject({ method: 'GET', url, headers: supervisor.headers });

describe('the care cases screen against the server', () => {
  let caseId: string;

  it('creates a case from the form draft, and the answer parses as the screen reads it', async () => {
    const body = caseRequestOf({
      ...EMPTY_CASE_DRAFT, assigneeId: assessor.login.userId, caseNumber: 'UI-0001', applicationDate: '2025-03-25', insuredNumber: '００００００１２３４',
      name: '見本 春子', nameKana: 'みほん はるこ', sex: 'female', lat: '35.0', lng: '135.0', visitAt: '2025-04-04T13:30',
    });
    const res = await post('/api/office/care/cases', body);
    expect(res.statusCode, res.body).toBe(201);
    const created = CaseAnswerSchema.parse(res.json()).case;
    expect(created).toMatchObject({ caseNumber: 'UI-0001', status: 'unsurveyed', insuredNumber: '0000001234', plannedVisit: '2025-04-04T13:30+09:00', assigneeId: assessor.login.userId });
    caseId = created.id;
  });

  it('lists it with the filters the screen sends, and the whole answer parses', async () => {
    const params = careApiQuery({ status: 'unsurveyed', assigneeId: assessor.login.userId });
    const res = await get(`/api/office/care/cases?${params.toString()}`);
    expect(res.statusCode, res.body).toBe(200);
    const list = CaseListResponseSchema.parse(res.json());
    expect(list.cases.map((c) => c.id)).toContain(caseId);
    expect(list.summary.byStatus.unsurveyed).toBe(list.cases.length);
  });

  it('reassigns it, and the answer parses', async () => {
    const res = await post(`/api/office/care/cases/${caseId}/assign`, { assigneeId: otherAssessorId });
    expect(res.statusCode, res.body).toBe(200);
    expect(CaseAnswerSchema.parse(res.json()).case).toMatchObject({ id: caseId, assigneeId: otherAssessorId, assigneeName: 'assessor-office-ui（試験）' });
  });
});

describe('the 調査票PDF button', () => {
  it('downloads a care assessment as a PDF named after the applicant and the survey date', async () => {
    const created = await post('/api/office/care/cases', caseRequestOf({
      ...EMPTY_CASE_DRAFT, assigneeId: assessor.login.userId, caseNumber: 'UI-0002', applicationDate: '2025-03-25', insuredNumber: '0000001235', name: '見本 夏子',
    }));
    expect(created.statusCode, created.body).toBe(201);
    const assessmentId = await surveyCase(server, assessor, CaseAnswerSchema.parse(created.json()).case.id);
    const res = await get(`/api/office/records/${assessmentId}/pdf`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(fileNameOf(String(res.headers['content-disposition']))).toBe(carePdfFileName(assessmentId, assessmentAnswers()));
    expect(fileNameOf(String(res.headers['content-disposition']))).toBe('調査票_見本 花子_2025-03-28.pdf');
  });

  it('is refused for another survey with 404 E_NO_DOCUMENT (the button is not shown there)', async () => {
    const tablet = deviceOf(server, await server.login('surveyor'));
    const id = newRecordId();
    await tablet.pullAll();
    await tablet.push([tablet.op(id, 'field-check', server.forms.get('field-check')!.version, '@create', {})]);
    const res = await get(`/api/office/records/${id}/pdf`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('E_NO_DOCUMENT');
  });
});

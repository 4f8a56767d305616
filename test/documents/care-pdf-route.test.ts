// GET /api/office/records/:id/pdf end to end: an assessor's 調査票 reaches the office as a PDF that loads; field users, unknown records and other forms get coded refusals; each download is audited.
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initialAnswers, newRecordId, op, pushBody } from '../sync-server/ops.ts';
import { startTestServer, type LoggedIn, type TestServer } from '../sync-server/test-server.ts';
import { validAnswers } from './care-fixtures.ts';

let server: TestServer;
let assessor: LoggedIn;
let surveyor: LoggedIn;
let supervisor: LoggedIn;
let admin: LoggedIn;
const careRecordId = newRecordId();
const otherRecordId = newRecordId();
/** Surveyed with the care-assessment form before it gained 申請番号 (version 1). */
const olderRecordId = newRecordId();
let seq = 0;

async function create(who: LoggedIn, recordId: string, formId: string, formVersion: number, answers: Record<string, unknown>) {
  const res = await server.app.inject({
    method: 'POST', url: '/api/sync/push', headers: who.headers,
    payload: pushBody(who.deviceId, [op({ deviceId: who.deviceId, seq: ++seq, recordId, path: '@create', value: answers, formId, formVersion })]),
  });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().results[0].outcome, res.body).not.toBe('rejected');
}

const getPdf = (who: LoggedIn | null, id: string, query = '') =>
  server.app.inject({ method: 'GET', url: `/api/office/records/${id}/pdf${query}`, headers: who ? who.headers : {} });

beforeAll(async () => {
  server = await startTestServer();
  assessor = await server.login('assessor');
  surveyor = await server.login('surveyor');
  supervisor = await server.login('supervisor');
  admin = await server.login('admin');
  await create(assessor, careRecordId, 'care-assessment', server.forms.get('care-assessment')!.version, { ...validAnswers, case_number: 'R7-0042' });
  await create(assessor, olderRecordId, 'care-assessment', 1, validAnswers);
  await create(surveyor, otherRecordId, 'field-check', 2, initialAnswers());
}, 60_000);

afterAll(async () => {
  await server.close();
});

describe('GET /api/office/records/:id/pdf', () => {
  it('gives a supervisor the 調査票 as a PDF that loads, with a download name', async () => {
    const res = await getPdf(supervisor, careRecordId);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('no-store');
    // 調査票_<申請番号>_<氏名>_<調査日>.pdf: whose document it is, not a record id.
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('調査票_R7-0042_見本 花子_2025-03-28.pdf')}`);
    const doc = await PDFDocument.load(res.rawPayload);
    expect(doc.getPageCount()).toBeGreaterThan(1);
    expect(doc.getTitle()).toBe('要介護認定 認定調査票 見本 花子 ・ 申請番号 R7-0042 ・ 調査日 2025-03-28');
  });

  it('prints a 調査票 of an older form version through the form\'s migrations', async () => {
    const res = await getPdf(supervisor, olderRecordId);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('調査票_見本 花子_2025-03-28.pdf')}`);
  });

  it('gives an admin the English document when asked', async () => {
    const res = await getPdf(admin, careRecordId, '?lang=en');
    expect(res.statusCode).toBe(200);
    expect((await PDFDocument.load(res.rawPayload)).getPageCount()).toBeGreaterThan(1);
    expect((await getPdf(admin, careRecordId, '?lang=fr')).json().error.code).toBe('E_BAD_REQUEST');
  });

  it('audits every download under the supervisor\'s name', async () => {
    const before = await server.store.transaction((tx) => tx.listAudit({ recordId: careRecordId, action: 'download', limit: 50 }));
    await getPdf(supervisor, careRecordId);
    const after = await server.store.transaction((tx) => tx.listAudit({ recordId: careRecordId, action: 'download', limit: 50 }));
    expect(after.length).toBe(before.length + 1);
    expect(after[0]).toMatchObject({ actor: 'supervisor', action: 'download', recordId: careRecordId, detail: { document: 'care-assessment-pdf' } });
  });

  it('refuses field users with 403 E_FORBIDDEN — another role, and the assessor who wrote it (the office route is for supervisors)', async () => {
    for (const who of [surveyor, assessor]) {
      const res = await getPdf(who, careRecordId);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('E_FORBIDDEN');
    }
    expect((await getPdf(null, careRecordId)).statusCode).toBe(401);
  });

  it('answers 404 E_NOT_FOUND for an unknown record and 404 E_NO_DOCUMENT for a record of another form, auditing neither', async () => {
    const missing = await getPdf(supervisor, newRecordId());
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('E_NOT_FOUND');
    const other = await getPdf(supervisor, otherRecordId);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('E_NO_DOCUMENT');
    expect(await server.store.transaction((tx) => tx.listAudit({ recordId: otherRecordId, action: 'download', limit: 5 }))).toEqual([]);
  });
});

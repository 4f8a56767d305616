// Server-side ownership of care cases: a field role cannot rewrite the office's fields, create or delete a case through push; its own writes (schedule, calls, the 調査票 link) still apply.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeDigest } from '../sync-server/store-digest.ts';
import { newRecordId, pushBody } from '../sync-server/ops.ts';
import type { LoggedIn, TestServer } from '../sync-server/test-server.ts';
import { caseBody, deviceOf, startCareServer, type Device } from './care-server.ts';

let server: TestServer;
let supervisor: LoggedIn;
let assessor: Device;
/** The supervisor's device: one op counter for the whole file (op ids are never reused). */
let office: Device;

beforeAll(async () => {
  server = await startCareServer();
  supervisor = await server.login('supervisor');
  assessor = deviceOf(server, await server.login('assessor'));
  office = deviceOf(server, supervisor);
});
afterAll(async () => {
  await server.close();
});

async function createCase(overrides: Record<string, unknown> = {}): Promise<{ id: string; version: number }> {
  const res = await server.app.inject({ method: 'POST', url: '/api/office/care/cases', headers: supervisor.headers, payload: caseBody(assessor.login.userId, overrides) });
  expect(res.statusCode, res.body).toBe(201);
  const id = (res.json().case as { id: string }).id;
  const pulled = (await assessor.pullAll()).records.find((r) => r.id === id)!;
  return { id, version: pulled.fieldVersions['@create'] ?? 0 };
}

async function pushRaw(device: Device, ops: unknown[]) {
  return server.app.inject({ method: 'POST', url: '/api/sync/push', headers: device.login.headers, payload: pushBody(device.login.deviceId, ops) });
}

describe('a field role pushing to an office-owned care case', () => {
  it.each([
    ['insured_number', '9999999999'],
    ['case_number', 'HIJACK-1'],
    ['name', '別人 太郎'],
    ['address', 'どこか'],
    ['application_date', '2025-01-01'],
  ])('cannot change %s: E_OFFICE_OWNED, nothing applied', async (path, value) => {
    const { id, version } = await createCase();
    const before = storeDigest(server.dbFile);
    const res = await pushRaw(assessor, [assessor.op(id, 'care-case', 1, 'visit_at', '2025-04-05T10:00+09:00', version), assessor.op(id, 'care-case', 1, path, value, version)]);
    expect(res.statusCode, res.body).toBe(422);
    const rejected = res.json().error.rejected as { code: string; path?: string }[];
    expect(rejected).toEqual([expect.objectContaining({ code: 'E_OFFICE_OWNED', path })]);
    expect(storeDigest(server.dbFile)).toBe(before);
  });

  it('cannot @delete a case, nor undelete one', async () => {
    const { id, version } = await createCase();
    const before = storeDigest(server.dbFile);
    for (const value of [true, null]) {
      const res = await pushRaw(assessor, [assessor.op(id, 'care-case', 1, '@delete', value, version)]);
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error.rejected[0].code).toBe('E_OFFICE_OWNED');
    }
    expect(storeDigest(server.dbFile)).toBe(before);
  });

  it('cannot create a case (a taken number or not)', async () => {
    const { id } = await createCase({ caseNumber: 'OWN-TAKEN-1' });
    expect(id).toBeTruthy();
    const before = storeDigest(server.dbFile);
    const answers = { case_number: 'OWN-TAKEN-1', application_date: '2025-03-20', application_type: 'new', insured_number: '0000000901', name: '偽 花子' };
    const res = await pushRaw(assessor, [assessor.op(newRecordId(), 'care-case', 1, '@create', answers)]);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.rejected[0].code).toBe('E_OFFICE_OWNED');
    expect(storeDigest(server.dbFile)).toBe(before);
  });

  it('still reschedules, logs calls and links its 調査票', async () => {
    const { id, version } = await createCase();
    const assessmentId = newRecordId();
    const form = server.forms.get('care-assessment')!;
    await assessor.push([
      assessor.op(id, 'care-case', 1, 'visit_at', '2025-04-06T14:00+09:00', version),
      assessor.op(id, 'care-case', 1, 'calls', [{ call_at: '2025-04-02T09:00+09:00', call_result: 'reached' }], version),
      assessor.op(assessmentId, form.id, form.version, '@create', {}),
      assessor.op(id, 'care-case', 1, 'assessment_record_id', assessmentId, version),
    ]);
    const pulled = (await assessor.pullAll()).records.find((r) => r.id === id)!;
    expect(pulled.answers).toMatchObject({ visit_at: '2025-04-06T14:00+09:00', assessment_record_id: assessmentId });
    expect(pulled.answers.calls).toHaveLength(1);
  });

  it('a supervisor pushing the same office fields is the office: applied', async () => {
    const { id } = await createCase();
    const pulled = (await office.pullAll()).records.find((r) => r.id === id)!;
    await office.push([office.op(id, 'care-case', 1, 'address', 'ひがし県みほん町あたらし2-2', pulled.fieldVersions.address ?? 0)]);
    const after = (await office.pullAll()).records.find((r) => r.id === id)!;
    expect(after.answers.address).toBe('ひがし県みほん町あたらし2-2');
  });
});

describe('unique case numbers on every path', () => {
  it('a supervisor pushing a new case with a taken number is refused whole; renumbering is read-only for everyone', async () => {
    await createCase({ caseNumber: 'UNIQ-1' });
    const { id } = await createCase({ caseNumber: 'UNIQ-2' });
    const pulled = (await office.pullAll()).records.find((r) => r.id === id)!;
    const before = storeDigest(server.dbFile);
    const answers = { case_number: 'UNIQ-1', application_date: '2025-03-20', application_type: 'new', insured_number: '0000000901', name: '重複 花子' };
    const created = await pushRaw(office, [office.op(newRecordId(), 'care-case', 1, '@create', answers)]);
    expect(created.statusCode, created.body).toBe(422);
    expect(created.json().error.rejected).toEqual([expect.objectContaining({ code: 'E_CARE_CASE_NUMBER_TAKEN', path: 'case_number' })]);
    const renumbered = await pushRaw(office, [office.op(id, 'care-case', 1, 'case_number', 'UNIQ-1', pulled.fieldVersions.case_number ?? 0)]);
    expect(renumbered.json().error.rejected).toEqual([expect.objectContaining({ code: 'E_READONLY', path: 'case_number' })]);
    expect(storeDigest(server.dbFile)).toBe(before);
  });

  it('the office API refuses a number a pushed case took', async () => {
    await office.pullAll();
    const answers = { case_number: 'UNIQ-PUSHED', application_date: '2025-03-20', application_type: 'new', insured_number: '0000000901', name: '押 花子' };
    await office.push([office.op(newRecordId(), 'care-case', 1, '@create', answers)]);
    const res = await server.app.inject({ method: 'POST', url: '/api/office/care/cases', headers: supervisor.headers, payload: caseBody(assessor.login.userId, { caseNumber: 'UNIQ-PUSHED' }) });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error.code).toBe('E_CARE_CASE_NUMBER_TAKEN');
  });
});

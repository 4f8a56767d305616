// The office export of care records as a clerk opens it: the 調査票's Japanese headers and labels (特記事項 entries, サービス, 性別, 要介護度), no internal helper column, JST times; the 申請's place as GeoJSON.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../office/csv-parse.ts';
import type { LoggedIn, TestServer } from '../sync-server/test-server.ts';
import { caseBody, deviceOf, startCareServer, surveyCase, type Device } from './care-server.ts';

let server: TestServer;
let supervisor: LoggedIn;
let assessor: Device;
let caseId: string;
let assessmentId: string;

beforeAll(async () => {
  server = await startCareServer();
  supervisor = await server.login('supervisor');
  assessor = deviceOf(server, await server.login('assessor'));
  const created = await server.app.inject({ method: 'POST', url: '/api/office/care/cases', headers: supervisor.headers, payload: caseBody(assessor.login.userId) });
  expect(created.statusCode, created.body).toBe(201);
  caseId = (created.json() as { case: { id: string } }).case.id;
  assessmentId = await surveyCase(server, assessor, caseId);
});
afterAll(async () => {
  await server.close();
});

async function csv(query: string): Promise<{ header: string[]; rows: string[][] }> {
  const res = await server.app.inject({ method: 'GET', url: `/api/office/export.csv?${query}`, headers: supervisor.headers });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  const [header, ...rows] = parseCsv(res.rawPayload.toString('utf8').slice(1)) as [string[], ...string[][]];
  return { header, rows };
}

describe('care records in the office export', () => {
  it('the 調査票 with Japanese headers from its labels and choice labels, no internal column, times in JST', async () => {
    const { header, rows } = await csv('formId=care-assessment');
    const row = rows.find((r) => r[0] === assessmentId)!;
    expect(row).toBeDefined();
    const cell = (name: string) => row[header.indexOf(name)];
    expect(header).toContain('特記事項 1 / 項目番号');
    expect(header).toContain('特記事項 3');
    expect(header).toContain('訪問介護（ホームヘルプ）（月の利用回数）');
    expect(header).toContain('家族等連絡先 / 氏名');
    expect(header.some((h) => h.includes('あいまい'))).toBe(false);
    expect(header.some((h) => /tokki|svc_|subject_/.test(h))).toBe(false);
    expect(cell('性別')).toBe('女');
    expect(cell('前回認定結果')).toBe('要介護1');
    expect(cell('実施日時')).toBe('2025-03-28 10:00');
    expect(cell('特記事項 1 / 項目番号')).toBe('1-2 拘縮の有無');
    expect(cell('特記事項 1')).toContain('右肩関節に拘縮');
    expect(cell('状態')).toBe('審査待ち');

    const codes = await csv('formId=care-assessment&values=codes');
    expect(codes.header).toContain('tokki[0].tokki_item');
    expect(codes.header.some((h) => h.includes('tokki_vague'))).toBe(false);
    const codeRow = codes.rows.find((r) => r[0] === assessmentId)!;
    expect(codeRow[codes.header.indexOf('subject_sex')]).toBe('female');
    expect(codeRow[codes.header.indexOf('prior_certification_result')]).toBe('care_1');
  });

  it('GeoJSON: the 申請 at its place, the 調査票 (no place of its own) listed with null geometry', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/office/export.geojson', headers: supervisor.headers });
    expect(res.statusCode).toBe(200);
    const features = (res.json() as { features: { id: string; geometry: unknown; properties: Record<string, unknown> }[] }).features;
    const byId = new Map(features.map((f) => [f.id, f]));
    expect(byId.get(caseId)!.geometry).toEqual({ type: 'Point', coordinates: [135.002, 35.001] });
    expect(byId.get(caseId)!.properties['氏名']).toBe('試験 花子');
    expect(byId.get(assessmentId)!.geometry).toBeNull();
  });
});

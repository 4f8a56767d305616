// Exports read back: CSV (UTF-8 BOM, RFC 4180, flattened answers), GeoJSON (a valid FeatureCollection of Points) and XLSX (exceljs), with the list's filters; each one audited.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoggedIn, TestServer } from '../sync-server/test-server.ts';
import { initialAnswers } from '../sync-server/ops.ts';
import { getJson, startOfficeServer, TestDevice } from './office-fixture.ts';
import { parseCsv } from './csv-parse.ts';

let server: TestServer;
let supervisor: LoggedIn;
const submitted: string[] = [];
let draft: string;

const TRICKY = '見本 太郎, "主任"\n2行目';

beforeAll(async () => {
  server = await startOfficeServer();
  const device = await TestDevice.signIn(server);
  supervisor = await server.login('supervisor');
  const answers = [
    { ...initialAnswers('見本 花子'), location: { lat: 35.6812, lng: 139.7671, accuracy: 5 }, defects: ['leak', 'crack'], buildings: [{ building_name: '本館', floors: 2 }, { building_name: '倉庫' }] },
    { ...initialAnswers(TRICKY), location: { lat: 34.7025, lng: 135.4959 } },
    { ...initialAnswers('=1+2') },
  ];
  for (const a of answers) {
    const id = await device.create(a);
    await device.submit(id);
    submitted.push(id);
  }
  draft = await device.create({ ...initialAnswers('下書き 次郎') });
});
afterAll(async () => {
  await server.close();
});

async function download(path: string) {
  const res = await server.app.inject({ method: 'GET', url: path, headers: supervisor.headers });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res;
}

describe('exports', () => {
  it('CSV: BOM, header with record and flattened answer columns, one row per filtered record, values intact', async () => {
    const res = await download('/api/office/export.csv?status=submitted&formId=field-check');
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="genba-records-.*\.csv"$/);
    const raw = res.rawPayload;
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(raw.toString('utf8').slice(1));
    const [header, ...data] = rows as [string[], ...string[][]];
    expect(header.slice(0, 4)).toEqual(['id', 'formId', 'formVersion', 'status']);
    for (const column of ['title', 'lat', 'lon', 'inspector_name', 'location', 'defects', 'buildings[0].building_name', 'buildings[1].building_name', 'witness.witness_name']) {
      expect(header, column).toContain(column);
    }
    expect(header).not.toContain('intro');
    expect(data.map((r) => r[0]).sort()).toEqual([...submitted].sort());
    expect(data.every((r) => r.length === header.length)).toBe(true);
    const col = (name: string) => header.indexOf(name);
    const byId = new Map(data.map((r) => [r[0], r]));
    const first = byId.get(submitted[0]!)!;
    expect(first[col('inspector_name')]).toBe('見本 花子');
    expect(first[col('location')]).toBe('35.6812,139.7671');
    expect(first[col('lat')]).toBe('35.6812');
    expect(first[col('defects')]).toBe('leak;crack');
    expect(first[col('buildings[1].building_name')]).toBe('倉庫');
    expect(first[col('owner')]).toBe('surveyor');
    expect(byId.get(submitted[1]!)![col('inspector_name')]).toBe(TRICKY);
    // A formula-like text is shown, not run, by a spreadsheet.
    expect(byId.get(submitted[2]!)![col('inspector_name')]).toBe("'=1+2");
  });

  it('GeoJSON: a FeatureCollection, one Feature per record, Point [lon, lat] from the summary, null geometry without a place', async () => {
    const res = await download('/api/office/export.geojson?status=submitted');
    expect(res.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    const collection = res.json() as { type: string; features: { type: string; id: string; geometry: { type: string; coordinates: number[] } | null; properties: Record<string, unknown> }[] };
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features.map((f) => f.id).sort()).toEqual([...submitted].sort());
    for (const feature of collection.features) {
      expect(feature.type).toBe('Feature');
      expect(feature.properties.id).toBe(feature.id);
      if (feature.geometry) {
        expect(feature.geometry.type).toBe('Point');
        expect(feature.geometry.coordinates).toHaveLength(2);
        const [lon, lat] = feature.geometry.coordinates as [number, number];
        expect(Math.abs(lon)).toBeLessThanOrEqual(180);
        expect(Math.abs(lat)).toBeLessThanOrEqual(90);
      }
    }
    const tokyo = collection.features.find((f) => f.id === submitted[0])!;
    expect(tokyo.geometry).toEqual({ type: 'Point', coordinates: [139.7671, 35.6812] });
    expect(collection.features.find((f) => f.id === submitted[2])!.geometry).toBeNull();
  });

  it('XLSX: readable with exceljs, a header row and one row per record with the same columns as the CSV', async () => {
    const csv = parseCsv((await download('/api/office/export.csv')).rawPayload.toString('utf8').slice(1));
    const res = await download('/api/office/export.xlsx');
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('records')!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(csv[0]);
    expect(sheet.rowCount).toBe(csv.length);
    const ids = Array.from({ length: sheet.rowCount - 1 }, (_, i) => values(i + 2)[0]);
    expect(ids).toContain(draft);
    expect(ids).toEqual(csv.slice(1).map((r) => r[0]));
    const nameColumn = csv[0]!.indexOf('inspector_name');
    expect(ids.map((_, i) => values(i + 2)[nameColumn])).toContain(TRICKY);
  });

  it('every export is audited with its format, filters and row count', async () => {
    const res = await getJson(server, '/api/office/audit?action=export', supervisor.headers);
    const entries = res.body.entries as { actor: string; detail: { format: string; rows: number; filter: Record<string, unknown> } }[];
    expect(entries.map((e) => e.detail.format)).toEqual(['xlsx', 'csv', 'geojson', 'csv']);
    expect(entries[3]!.detail).toMatchObject({ rows: 3, filter: { status: ['submitted'], formId: 'field-check' } });
    expect(entries[0]!.actor).toBe('supervisor');
  });

  it('refuses malformed filters (400) and field roles (403)', async () => {
    for (const query of ['status=lost', 'bbox=1,2,3', 'bbox=10,10,0,0', 'from=yesterday', 'warnings=maybe', 'limit=10', 'formId=../x']) {
      const res = await getJson(server, `/api/office/export.csv?${query}`, supervisor.headers);
      expect(res.status, query).toBe(400);
      expect(res.body.error?.code).toBe('E_BAD_REQUEST');
    }
    const device = await server.login('surveyor');
    expect((await getJson(server, '/api/office/export.csv', device.headers)).status).toBe(403);
  });
});

// Exports read back: CSV (UTF-8 BOM, RFC 4180, Japanese headers, choice labels, JST times; codes on request), GeoJSON (Points and Polygons from the answers) and XLSX (exceljs: labels, codes and legend sheets), with the list's filters; each one audited.
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
/** 23:00 UTC is 08:00 the next morning in Tokyo: what a clerk must see. */
const APPOINTMENT_UTC = '2026-12-04T23:00:00Z';
const OUTLINE = [{ lat: 35.0, lng: 139.0 }, { lat: 35.0, lng: 139.001 }, { lat: 35.001, lng: 139.001 }];
const LOCAL = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;

/** What the export must show for an ISO instant: its wall clock in Tokyo (UTC+9, no daylight saving). */
function tokyo(iso: string): string {
  return new Date(Date.parse(iso) + 9 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

beforeAll(async () => {
  server = await startOfficeServer();
  const device = await TestDevice.signIn(server);
  supervisor = await server.login('supervisor');
  const answers = [
    {
      ...initialAnswers('見本 花子'), location: { lat: 35.6812, lng: 139.7671, accuracy: 5 }, defects: ['leak', 'crack'], equipment_ok: false,
      buildings: [{ building_name: '本館', floors: 2 }, { building_name: '倉庫' }], appointment: APPOINTMENT_UTC, arrived_at: '2026-12-04T22:30:15Z',
    },
    { ...initialAnswers(TRICKY), location: { lat: 34.7025, lng: 135.4959 } },
    { ...initialAnswers('=1+2'), site_outline: OUTLINE },
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
  it('CSV: BOM, Japanese headers from the form labels, choice labels, JST times, one row per filtered record, values intact', async () => {
    const res = await download('/api/office/export.csv?status=submitted&formId=field-check');
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="genba-records-\d{8}-\d{4}\.csv"$/);
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
    const raw = res.rawPayload;
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(raw.toString('utf8').slice(1));
    const [header, ...data] = rows as [string[], ...string[][]];
    expect(header.slice(0, 5)).toEqual(['記録ID', '記録名', '調査票', '調査票の版', '状態']);
    for (const column of ['作成日時', '最終更新日時', '提出日時', '緯度', '経度', '担当者名', '位置', '不具合', '次回訪問予定', '現地到着', '建物 1 / 建物名', '建物 2 / 建物名', '立会者 / 立会者名', '設備は正常に作動した']) {
      expect(header, column).toContain(column);
    }
    // No internal names and no note text as columns.
    expect(header.filter((h) => /^[a-z_]+(\[\d+\])?(\.[a-z_]+)?$/.test(h))).toEqual([]);
    expect(header.some((h) => h.includes('訪問先で確認した内容'))).toBe(false);
    expect(new Set(header).size).toBe(header.length);
    expect(data.map((r) => r[0]).sort()).toEqual([...submitted].sort());
    expect(data.every((r) => r.length === header.length)).toBe(true);
    const col = (name: string) => header.indexOf(name);
    const byId = new Map(data.map((r) => [r[0], r]));
    const first = byId.get(submitted[0]!)!;
    expect(first[col('担当者名')]).toBe('見本 花子');
    expect(first[col('記録名')]).toBe('見本 花子');
    expect(first[col('調査票')]).toBe('現地確認（設備点検）');
    expect(first[col('状態')]).toBe('審査待ち');
    expect(first[col('都道府県')]).toBe('ひがし県');
    expect(first[col('市区町村')]).toBe('みどり市');
    expect(first[col('不具合')]).toBe('漏れ、ひび割れ');
    expect(first[col('設備は正常に作動した')]).toBe('いいえ');
    expect(first[col('位置')]).toBe('35.6812,139.7671');
    expect(first[col('緯度')]).toBe('35.6812');
    expect(first[col('建物 2 / 建物名')]).toBe('倉庫');
    expect(first[col('作成者')]).toBe('調査 太郎（デモ）');
    expect(first[col('次回訪問予定')]).toBe('2026-12-05 08:00');
    expect(first[col('現地到着')]).toBe('2026-12-05 07:30');
    for (const time of ['作成日時', '最終更新日時', '提出日時']) expect(first[col(time)], time).toMatch(LOCAL);
    const detail = (await getJson(server, `/api/office/records/${submitted[0]}`, supervisor.headers)).body as { record: { createdAt: string } };
    expect(first[col('作成日時')]).toBe(tokyo(detail.record.createdAt));
    expect(byId.get(submitted[1]!)![col('担当者名')]).toBe(TRICKY);
    // A formula-like text is shown, not run, by a spreadsheet.
    expect(byId.get(submitted[2]!)![col('担当者名')]).toBe("'=1+2");
  });

  it('CSV with values=codes: internal column names and the stored codes, times with their +09:00 offset', async () => {
    const rows = parseCsv((await download('/api/office/export.csv?status=submitted&formId=field-check&values=codes')).rawPayload.toString('utf8').slice(1));
    const [header, ...data] = rows as [string[], ...string[][]];
    expect(header.slice(0, 5)).toEqual(['id', 'title', 'formId', 'formVersion', 'status']);
    for (const column of ['inspector_name', 'location', 'defects', 'buildings[0].building_name', 'buildings[1].building_name', 'witness.witness_name', 'createdAt']) {
      expect(header, column).toContain(column);
    }
    expect(header).not.toContain('intro');
    const col = (name: string) => header.indexOf(name);
    const first = data.find((r) => r[0] === submitted[0])!;
    expect(first[col('defects')]).toBe('leak;crack');
    expect(first[col('prefecture')]).toBe('higashi');
    expect(first[col('status')]).toBe('submitted');
    expect(first[col('owner')]).toBe('surveyor');
    expect(first[col('equipment_ok')]).toBe('false');
    expect(first[col('appointment')]).toBe(APPOINTMENT_UTC);
    expect(first[col('createdAt')]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
    expect((await getJson(server, '/api/office/export.csv?values=raw', supervisor.headers)).status).toBe(400);
  });

  it('GeoJSON: one Feature per record, Point [lon, lat] from a geopoint, Polygon from a geoshape, null geometry without a place', async () => {
    const res = await download('/api/office/export.geojson');
    expect(res.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    type Feature = { type: string; id: string; geometry: { type: string; coordinates: unknown } | null; properties: Record<string, unknown> };
    const collection = res.json() as { type: string; features: Feature[] };
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features.map((f) => f.id)).toEqual(expect.arrayContaining([...submitted, draft]));
    for (const feature of collection.features) {
      expect(feature.type).toBe('Feature');
      expect(feature.properties['記録ID']).toBe(feature.id);
    }
    const byId = new Map(collection.features.map((f) => [f.id, f]));
    expect(byId.get(submitted[0]!)!.geometry).toEqual({ type: 'Point', coordinates: [139.7671, 35.6812] });
    expect(byId.get(submitted[0]!)!.properties['不具合']).toBe('漏れ、ひび割れ');
    expect(byId.get(submitted[2]!)!.geometry).toEqual({
      type: 'Polygon', coordinates: [[[139.0, 35.0], [139.001, 35.0], [139.001, 35.001], [139.0, 35.0]]],
    });
    // A record without a place is still listed, with null geometry.
    expect(byId.get(draft)!.geometry).toBeNull();
    const codes = (await download('/api/office/export.geojson?values=codes')).json() as { features: Feature[] };
    expect(codes.features.find((f) => f.id === submitted[0])!.properties.defects).toBe('leak;crack');
  });

  it('XLSX: sheet 記録 as the CSV with real dates, sheet コード値 as values=codes, sheet 列の説明 mapping each header to its internal name and choices', async () => {
    const csv = parseCsv((await download('/api/office/export.csv')).rawPayload.toString('utf8').slice(1));
    const codesCsv = parseCsv((await download('/api/office/export.csv?values=codes')).rawPayload.toString('utf8').slice(1));
    const res = await download('/api/office/export.xlsx');
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['記録', 'コード値', '列の説明']);
    const rowsOf = (name: string) => {
      const sheet = workbook.getWorksheet(name)!;
      return Array.from({ length: sheet.rowCount }, (_, i) => (sheet.getRow(i + 1).values as unknown[]).slice(1));
    };
    const labels = rowsOf('記録');
    expect(labels[0]).toEqual(csv[0]);
    expect(labels).toHaveLength(csv.length);
    const ids = labels.slice(1).map((r) => r[0]);
    expect(ids).toContain(draft);
    expect(ids).toEqual(csv.slice(1).map((r) => r[0]));
    const header = csv[0]!;
    const first = labels.find((r) => r[0] === submitted[0])!;
    expect(first[header.indexOf('担当者名')]).toBe('見本 花子');
    expect(first[header.indexOf('不具合')]).toBe('漏れ、ひび割れ');
    // A real Excel date holding the Tokyo wall clock (Excel has no zones): 08:00, not 23:00.
    const appointment = first[header.indexOf('次回訪問予定')] as Date;
    expect(appointment).toBeInstanceOf(Date);
    expect(appointment.toISOString()).toBe('2026-12-05T08:00:00.000Z');
    const created = first[header.indexOf('作成日時')] as Date;
    expect(created.toISOString().slice(0, 16).replace('T', ' ')).toBe(csv.find((r) => r[0] === submitted[0])![header.indexOf('作成日時')]);
    expect(workbook.getWorksheet('記録')!.getColumn(header.indexOf('作成日時') + 1).numFmt).toBe('yyyy-mm-dd hh:mm');

    const codes = rowsOf('コード値');
    expect(codes[0]).toEqual(codesCsv[0]);
    const firstCodes = codes.find((r) => r[0] === submitted[0])!;
    expect(firstCodes[codesCsv[0]!.indexOf('defects')]).toBe('leak;crack');

    const legend = rowsOf('列の説明');
    expect(legend[0]).toEqual(['見出し（記録シート）', '内部名（コード値シート）', '種類', '選択肢（コード = 表示）']);
    expect(legend.slice(1).map((r) => [r[0], r[1]])).toEqual(header.map((h, i) => [h, codesCsv[0]![i]]));
    const defects = legend.find((r) => r[1] === 'defects')!;
    expect(defects[0]).toBe('不具合');
    expect(defects[2]).toBe('選択（複数）');
    expect(defects[3]).toBe('leak = 漏れ; crack = ひび割れ; rust = さび; other = その他; none = なし');
  });

  it('every export is audited with its format, filters and row count', async () => {
    const res = await getJson(server, '/api/office/audit?action=export', supervisor.headers);
    const entries = res.body.entries as { actor: string; detail: { format: string; rows: number; filter: Record<string, unknown> } }[];
    expect(entries.map((e) => e.detail.format)).toEqual(['xlsx', 'csv', 'csv', 'geojson', 'geojson', 'csv', 'csv']);
    expect(entries.at(-1)!.detail).toMatchObject({ rows: 3, filter: { status: ['submitted'], formId: 'field-check' } });
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

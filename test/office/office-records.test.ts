// The review queue, record view and dashboard through the API: filters, keyset paging, the view's parts (revisions, evaluation, photos, place, names), aggregates, and coded 4xx for bad queries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoggedIn, TestServer } from '../sync-server/test-server.ts';
import { initialAnswers } from '../sync-server/ops.ts';
import { approve, getJson, startOfficeServer, TestDevice } from './office-fixture.ts';

let server: TestServer;
let device: TestDevice;
let supervisor: LoggedIn;
const ids = { tokyo: '', osaka: '', draft: '' };

const PHOTO = { hash: 'a'.repeat(64), mime: 'image/jpeg' };
const SIGNATURE = { hash: 'b'.repeat(64), mime: 'image/png' };

interface Item { id: string; status: string; summary: { title: string | null; lat: number | null; lon: number | null; errorCount: number; warningCount: number; revision: number } | null; openConflicts: number }
interface ListBody { items: Item[]; total: number; next: string | null }

async function list(query: string): Promise<ListBody> {
  const res = await getJson(server, `/api/office/records${query}`, supervisor.headers);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as unknown as ListBody;
}

beforeAll(async () => {
  server = await startOfficeServer();
  device = await TestDevice.signIn(server);
  supervisor = await server.login('supervisor');
  // Tokyo, high risk (leak + crack + high severity = 7 points → C), with a photo and a signature.
  ids.tokyo = await device.create({
    ...initialAnswers('見本 東京'), location: { lat: 35.68, lng: 139.76 }, defects: ['leak', 'crack'], equipment_ok: false, severity: 'high',
    buildings: [{ building_name: '本館', inspected: true, building_photos: [PHOTO] }], confirmed: true, signature: SIGNATURE,
  });
  ids.osaka = await device.create({ ...initialAnswers('見本 大阪'), location: { lat: 34.69, lng: 135.5 } });
  ids.draft = await device.create({ ...initialAnswers('見本 下書き') });
  await device.submit(ids.tokyo);
  await device.submit(ids.osaka);
  await approve(server, supervisor, ids.osaka);
});
afterAll(async () => {
  await server.close();
});

describe('GET /api/office/records', () => {
  it('filters by status, text, place, warnings and errors; summaries carry title, place and engine counts', async () => {
    const submitted = await list('?status=submitted');
    expect(submitted.items.map((i) => i.id)).toEqual([ids.tokyo]);
    expect(submitted.total).toBe(1);
    const tokyo = submitted.items[0]!;
    expect(tokyo.summary).toMatchObject({ title: '見本 東京', lat: 35.68, lon: 139.76, revision: 1 });
    expect(tokyo.summary!.warningCount).toBeGreaterThan(0);
    expect((await list('?q=大阪')).items.map((i) => i.id)).toEqual([ids.osaka]);
    expect((await list(`?q=${ids.draft.slice(0, 13)}`)).items.map((i) => i.id)).toEqual([ids.draft]);
    expect((await list('?bbox=139,35,140,36')).items.map((i) => i.id)).toEqual([ids.tokyo]);
    const warned = (await list('?warnings=1&status=submitted,approved')).items;
    expect(warned.map((i) => i.id)).toContain(ids.tokyo);
    expect(warned.every((i) => i.summary!.warningCount > 0)).toBe(true);
    expect((await list('?warnings=0')).items.every((i) => (i.summary?.warningCount ?? 0) === 0)).toBe(true);
    expect((await list('?status=approved')).items.map((i) => i.id)).toEqual([ids.osaka]);
    expect((await list('?errors=1&status=submitted,approved,returned')).items.every((i) => i.summary!.errorCount > 0)).toBe(true);
  });

  it('pages newest first with the opaque `next`; every record once', async () => {
    const everything = await list('?limit=200');
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 100; i++) {
      const page = await list(`?limit=2${after ? `&after=${after}` : ''}`);
      expect(page.total).toBe(everything.total);
      seen.push(...page.items.map((item) => item.id));
      after = page.next;
      if (!after) break;
    }
    expect(seen).toEqual(everything.items.map((item) => item.id));
    expect(new Set(seen).size).toBe(everything.total);
  });

  it('refuses bad cursors (E_BAD_CURSOR) and malformed filters (E_BAD_REQUEST)', async () => {
    const badCursors = ['x', Buffer.from('[1,2]').toString('base64url'), Buffer.from('["not a date","id"]').toString('base64url'), Buffer.from('{}').toString('base64url')];
    for (const after of badCursors) {
      const res = await getJson(server, `/api/office/records?after=${after}`, supervisor.headers);
      expect(res.status, after).toBe(400);
      expect(res.body.error?.code).toBe('E_BAD_CURSOR');
    }
    const bad = ['status=lost', 'status=', 'bbox=1,2,3', 'bbox=a,b,c,d', 'bbox=0,0,200,10', 'from=yesterday', 'to=2025-13-40', 'warnings=yes',
      'limit=0', 'limit=201', 'limit=ten', 'q=', `q=${'x'.repeat(201)}`, 'sort=title', 'formId=a%20b', 'status=draft&status=submitted'];
    for (const query of bad) {
      const res = await getJson(server, `/api/office/records?${query}`, supervisor.headers);
      expect(res.status, query).toBe(400);
      expect(res.body.error?.code, query).toBe('E_BAD_REQUEST');
    }
    expect((await getJson(server, '/api/office/records', device.login.headers)).status).toBe(403);
    expect((await getJson(server, '/api/office/records', {})).status).toBe(401);
  });
});

describe('GET /api/office/records/:id', () => {
  it('shows the record, its revisions, the engine findings, photos, place and the names of the people involved', async () => {
    const { status, body } = await getJson(server, `/api/office/records/${ids.tokyo}`, supervisor.headers);
    expect(status).toBe(200);
    const view = body as unknown as {
      record: { status: string; ownerId: string; answers: Record<string, unknown> }; revisions: unknown[]; diffs: unknown[];
      evaluation: { errors: unknown[]; warnings: { code: string }[]; result: Record<string, unknown> }; photos: unknown[]; location: unknown; users: Record<string, string>; conflicts: unknown[];
    };
    expect(view.record).toMatchObject({ status: 'submitted', ownerId: device.login.userId });
    expect(view.revisions).toHaveLength(1);
    expect(view.diffs).toEqual([]);
    expect(view.evaluation.result.risk_level).toBe('C');
    expect(view.evaluation.warnings.map((w) => w.code)).toContain('HIGH_RISK');
    expect(view.photos).toEqual([
      { path: 'buildings[0].building_photos[0]', ...PHOTO },
      { path: 'signature', ...SIGNATURE },
    ]);
    expect(view.location).toEqual({ lat: 35.68, lon: 139.76 });
    expect(view.users[device.login.userId]).toBe('調査 太郎（デモ）');
    expect(view.conflicts).toEqual([]);
  });

  it('answers 404 for an unknown record and lists users for the filters', async () => {
    expect((await getJson(server, '/api/office/records/00000000-0000-4000-8000-000000000000', supervisor.headers)).status).toBe(404);
    const users = await getJson(server, '/api/office/users', supervisor.headers);
    expect(users.status).toBe(200);
    const names = (users.body.users as { username: string; displayName: string; role: string }[]).map((u) => u.username);
    expect(names).toEqual(expect.arrayContaining(['surveyor', 'supervisor', 'admin']));
    expect(JSON.stringify(users.body)).not.toContain('scrypt');
  });
});

describe('GET /api/office/dashboard', () => {
  it('counts by status and result, a trend per day, KPIs and map points', async () => {
    const { status, body } = await getJson(server, '/api/office/dashboard?formId=field-check', supervisor.headers);
    expect(status, JSON.stringify(body)).toBe(200);
    const dashboard = body as unknown as {
      counts: { byStatus: Record<string, number>; byResult: Record<string, number> }; result: { key: string } | null;
      trend: { day: string; submitted: number; approved: number }[]; kpis: { key: string; value: number | null; unit: string }[];
      points: { id: string; lat: number; lon: number; status: string }[]; truncated: boolean;
    };
    expect(dashboard.counts.byStatus.submitted).toBe(1);
    expect(dashboard.counts.byStatus.approved).toBe(1);
    expect(dashboard.counts.byStatus.draft).toBeGreaterThanOrEqual(1);
    expect(dashboard.result?.key).toBe('risk_level');
    expect(dashboard.counts.byResult).toEqual({ A: 1 });
    expect(dashboard.trend).toHaveLength(30);
    const today = new Date().toISOString().slice(0, 10);
    expect(dashboard.trend.at(-1)).toEqual({ day: today, submitted: 2, approved: 1 });
    const kpi = Object.fromEntries(dashboard.kpis.map((k) => [k.key, k]));
    expect(kpi.submitted!.value).toBe(2);
    expect(kpi.approved!.value).toBe(1);
    expect(kpi.days_to_approval!.unit).toBe('days');
    expect(kpi.days_to_approval!.value).toBeGreaterThanOrEqual(0);
    expect(dashboard.points).toEqual(expect.arrayContaining([
      { id: ids.tokyo, lat: 35.68, lon: 139.76, status: 'submitted' },
      { id: ids.osaka, lat: 34.69, lon: 135.5, status: 'approved' },
    ]));
    expect(dashboard.truncated).toBe(false);
  });

  it('refuses a reversed or too long window and malformed dates (400), and field roles (403)', async () => {
    for (const query of ['from=2025-02-01&to=2025-01-01', 'from=2020-01-01&to=2025-01-01', 'from=soon', 'formId=%2F', 'window=7']) {
      const res = await getJson(server, `/api/office/dashboard?${query}`, supervisor.headers);
      expect(res.status, query).toBe(400);
      expect(res.body.error?.code).toBe('E_BAD_REQUEST');
    }
    expect((await getJson(server, '/api/office/dashboard', device.login.headers)).status).toBe(403);
  });
});

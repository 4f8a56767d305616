// Script payloads in every text the tablet and the office render (titles, answers, review reasons and comments, conflict candidates, device labels, a display name, care applicants, a synced form's labels): none runs, the CSP reports nothing.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { format as formatHlc, nodeIdFrom, parse as parseHlc } from '../../src/protocol/hlc.ts';
import { spawnServer, type JsonBody, type SpawnedServer } from '../sync-server/spawn-server.ts';
import { newRecordId, op, pullBody, pushBody } from '../sync-server/ops.ts';
import { DEMO_PASSWORD, loginAs } from './helpers.ts';

// Its own server (with the hostile form in its catalog), several API rounds and two browsers.
test.setTimeout(240_000);

const ROOT = resolve(import.meta.dirname, '../..');
/** Each one runs script if any screen puts it into the page as HTML, a URL or a template. */
const PAYLOADS = [
  '<img src=x onerror=window.__pwned=1>',
  '"><svg onload=window.__pwned=1>',
  'javascript:window.__pwned=1',
  "{{constructor.constructor('window.__pwned=1')()}}",
  '<script>window.__pwned=1</script>',
  '<iframe srcdoc="<script>parent.__pwned=1</script>">',
];
const ALL = PAYLOADS.join(' ');
const hostile = (tag: string) => `${tag} ${ALL}`;
/** Device labels take at most 200 characters. */
const hostileLabel = (tag: string) => `${tag} ${PAYLOADS.slice(0, 4).join(' ')}`;
/** An id the surveyor's role may push (auth/scope.ts) that forms/ does not have yet (a duplicate would stop the server). */
const HOSTILE_FORM = 'quick-inspection';
/** Record titles (the first text answer, at most 100 characters): one payload each, so each is hovered on the map. */
const TITLES = { submitted: PAYLOADS[0]!, hostileForm: PAYLOADS[1]!, conflict: PAYLOADS[2]!, returned: PAYLOADS[3]! };
const TOKYO = { lat: 35.6812, lng: 139.7671, accuracy: 8 };
const TOKYO_CASE = { lat: 35.69, lng: 139.70 };
/** The surveyor's display name, set by the admin (at most 100 characters). */
const DISPLAY_NAME = `${PAYLOADS[2]} ${PAYLOADS[4]}`;
/** The care applicant's name (at most 100 characters). */
const CARE_NAME = `${PAYLOADS[0]} ${PAYLOADS[1]}`;

/** field-check with every label, title, hint and message (ja and en) replaced by payloads and no length limits. */
function hostileForm(): Record<string, unknown> {
  const form = JSON.parse(readFileSync(join(ROOT, 'forms', 'field-check', 'form.json'), 'utf8')) as Record<string, unknown>;
  let n = 0;
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      const localized = value !== null && typeof value === 'object' && 'ja' in value;
      if (localized && ['label', 'title', 'hint', 'description', 'message'].includes(key)) {
        n += 1;
        out[key] = { ja: hostile(`ラベル${n}`), en: hostile(`label${n}`) };
      } else if (key !== 'maxLength') out[key] = visit(value);
    }
    return out;
  };
  return { ...(visit(form) as Record<string, unknown>), id: HOSTILE_FORM };
}

let server: SpawnedServer;
let dir: string;
const form = hostileForm();

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'genba-hostile-'));
  mkdirSync(join(dir, 'forms', HOSTILE_FORM), { recursive: true });
  writeFileSync(join(dir, 'forms', HOSTILE_FORM, 'form.json'), JSON.stringify(form));
  server = await spawnServer({ GENBA_STATIC_DIR: join(ROOT, 'dist'), GENBA_DATA_DIR: join(dir, 'data'), GENBA_EXTRA_FORMS_DIR: join(dir, 'forms') });
});

test.afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function api(path: string, body: unknown, token?: string): Promise<{ status: number; body: JsonBody }> {
  const res = await fetch(`${server.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

/** A device logged in through the API; its label is a payload too. */
async function device(username: string) {
  const deviceId = newRecordId();
  const login = await api('/api/auth/login', { username, password: DEMO_PASSWORD, deviceId, deviceLabel: hostileLabel('端末') });
  expect(login.status, JSON.stringify(login.body)).toBe(200);
  const token = login.body.token as string;
  let seq = 0;
  const push = async (ops: unknown[]) => {
    const res = await api('/api/sync/push', pushBody(deviceId, ops), token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.results as { outcome: string }[];
  };
  const pull = async (recordId: string) => {
    const res = await api('/api/sync/pull', pullBody(0, 1000), token);
    expect(res.status).toBe(200);
    return { record: (res.body.records as { id: string; fieldVersions: Record<string, number> }[]).find((r) => r.id === recordId)!, serverHlc: res.body.serverHlc as string };
  };
  /** An op stamped after the server's clock, as a device makes it once it has pulled. */
  const opAfter = async (recordId: string, path: string, value: unknown, formId = 'field-check') => {
    const { record, serverHlc } = await pull(recordId);
    const seen = parseHlc(serverHlc);
    if (!seen.ok) throw new Error(seen.message);
    seq += 1;
    const hlc = formatHlc({ millis: seen.value.millis, counter: seen.value.counter + seq, node: nodeIdFrom(deviceId) });
    return { ...op({ deviceId, seq, recordId, path, value, formId, baseVersion: record.fieldVersions[path] ?? 0 }), hlc };
  };
  const create = async (answers: Record<string, unknown>, formId = 'field-check') => {
    const recordId = newRecordId();
    seq += 1;
    expect((await push([op({ deviceId, seq, recordId, path: '@create', value: answers, formId })]))[0]?.outcome).toBe('applied');
    return recordId;
  };
  const submit = async (recordId: string, formId = 'field-check') => push([await opAfter(recordId, '@status', 'ready', formId)]);
  return { token, deviceId, push, create, submit, opAfter, nextSeq: () => ++seq };
}

/** Answers a field account can write, every text one a payload. */
function hostileAnswers(title: string): Record<string, unknown> {
  return {
    inspector_name: title, survey_date: '2026-12-01', prefecture: 'higashi', city: 'midori', building_count: 1, location: TOKYO,
    plate_text: hostile('銘板'), equipment_ok: false, witness: { witness_name: hostile('立会人') }, defects: ['other'], defects_reason: hostile('理由'),
    overall_notes: hostile('所見'),
  };
}

interface Seeded { submitted: string; hostileForm: string; conflict: string; returned: string }

/** Four records through the API: submitted (field-check and the hostile form), one with an open conflict, one returned with a reason and comments. */
async function seed(): Promise<Seeded> {
  // The admin gives the surveyor a display name that is a payload: every screen naming the author shows it.
  const admin = await device('admin');
  const headers = { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' };
  const accounts = (await (await fetch(`${server.baseUrl}/api/admin/users`, { headers })).json()) as { users: { id: string; username: string }[] };
  const surveyorId = accounts.users.find((u) => u.username === 'surveyor')!.id;
  const renamed = await fetch(`${server.baseUrl}/api/admin/users/${surveyorId}`, { method: 'PATCH', headers, body: JSON.stringify({ displayName: DISPLAY_NAME }) });
  expect(renamed.status, await renamed.text()).toBe(200);

  const tablet = await device('surveyor');
  const submitted = await tablet.create(hostileAnswers(TITLES.submitted));
  await tablet.submit(submitted);
  const inHostileForm = await tablet.create(hostileAnswers(TITLES.hostileForm), HOSTILE_FORM);
  await tablet.submit(inHostileForm, HOSTILE_FORM);

  // Two tablets write the same field from the same version: a conflict whose candidates are both payloads.
  const conflict = await tablet.create(hostileAnswers(TITLES.conflict));
  const other = await device('surveyor');
  const mine = await tablet.opAfter(conflict, 'overall_notes', hostile('候補A'));
  const theirs = { ...(await other.opAfter(conflict, 'overall_notes', hostile('候補B'))), baseVersion: mine.baseVersion };
  await tablet.push([mine]);
  expect((await other.push([theirs]))[0]?.outcome).toBe('conflict');

  const returned = await tablet.create(hostileAnswers(TITLES.returned));
  await tablet.submit(returned);
  const supervisor = await device('supervisor');
  const review = await api(`/api/records/${returned}/review`, {
    action: 'return', reason: hostile('差戻し理由'), comments: [{ path: 'inspector_name', comment: hostile('指摘') }, { path: 'overall_notes', comment: hostile('指摘2') }],
  }, supervisor.token);
  expect(review.status, JSON.stringify(review.body)).toBe(200);

  // A care case the office types with payloads in the applicant's name, address, phone and wishes, visited today.
  const users = (await (await fetch(`${server.baseUrl}/api/office/users`, { headers: { authorization: `Bearer ${supervisor.token}` } })).json()) as { users: { id: string; username: string }[] };
  const assessor = users.users.find((u) => u.username === 'assessor')!;
  const today = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
  const careCase = await api('/api/office/care/cases', {
    assigneeId: assessor.id, caseNumber: 'H-2026-0999', applicationDate: today, applicationType: 'new', insuredNumber: '0000009999',
    name: CARE_NAME, address: hostile('住所').slice(0, 300), phone: '0123-45-6789', preferredTimes: hostile('希望'), location: TOKYO_CASE, visitAt: `${today}T10:00+09:00`,
  }, supervisor.token);
  expect(careCase.status, JSON.stringify(careCase.body)).toBeLessThan(300);
  return { submitted, hostileForm: inHostileForm, conflict, returned };
}

/**
 * A browser context on the spawned server that records every CSP violation and CSP console message. The service worker
 * is blocked so the catalog request can be answered with the hostile form added: the PWA's own catalog is built from
 * forms/, the server's has the extra folder (GENBA_EXTRA_FORMS_DIR).
 */
async function hostileContext(browser: Browser, viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ baseURL: server.baseUrl, viewport, serviceWorkers: 'block', timezoneId: 'Asia/Tokyo', geolocation: { latitude: TOKYO.lat, longitude: TOKYO.lng, accuracy: TOKYO.accuracy }, permissions: ['geolocation'] });
  await context.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
  });
  await context.route('**/forms/index.json', async (route) => {
    const response = await route.fetch();
    const catalog = (await response.json()) as { forms: unknown[] };
    catalog.forms.push({ id: HOSTILE_FORM, version: form.version, title: form.title });
    await route.fulfill({ response, json: catalog });
  });
  await context.route(`**/forms/${HOSTILE_FORM}.json`, (route) => route.fulfill({ json: form }));
  const problems: string[] = [];
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/content security policy|refused to/i.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return { context, page, problems };
}

/** Nothing ran and the CSP blocked nothing: a blocked inline handler would mean some screen built HTML from data. */
async function expectClean(page: Page, problems: string[], where: string): Promise<void> {
  const state = await page.evaluate(() => {
    const w = window as unknown as { __pwned?: unknown; __violations: string[] };
    return { pwned: w.__pwned ?? null, violations: w.__violations };
  });
  expect(state.pwned, `${where}: a payload ran`).toBeNull();
  expect(state.violations, `${where}: CSP violations`).toEqual([]);
  expect(problems, `${where}: console`).toEqual([]);
}

/** Visits every section of the open editor so every field's label, hint and answer is rendered. */
async function visitSections(page: Page, problems: string[], where: string): Promise<void> {
  const sections = page.getByTestId('section-nav').locator('button[data-testid^="section-"]');
  const count = await sections.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i += 1) {
    await sections.nth(i).click();
    await expectClean(page, problems, `${where}, section ${i + 1}`);
  }
}

test('hostile payloads in every rendered text run nothing on the tablet and in the office', async ({ browser }) => {
  const records = await seed();

  // The server's answers carry the CSP that makes a missed spot fail loudly; no source map is served.
  const shell = await fetch(`${server.baseUrl}/`);
  expect(shell.headers.get('content-security-policy')).toContain("script-src 'self'");
  const script = /<script[^>]+src="([^"]+\.js)"/.exec(await shell.text())?.[1];
  expect(script).toBeTruthy();
  expect((await fetch(`${server.baseUrl}${script}.map`)).status).toBe(404);

  // The tablet: the survey list (the hostile form's title), both record lists, the editors, the sync screen.
  const tablet = await hostileContext(browser, { width: 768, height: 1024 });
  const t = tablet.page;
  await t.goto('/');
  await expect(t.getByTestId('home-screen')).toBeVisible();
  await loginAs(t, 'surveyor', hostileLabel('タブレット'));
  await expectClean(t, tablet.problems, 'sync screen');
  await t.goto('/');
  await expect(t.getByTestId(`survey-${HOSTILE_FORM}`)).toContainText(PAYLOADS[0]!);
  await expectClean(t, tablet.problems, 'home');
  for (const [formId, recordId] of [['field-check', records.returned], ['field-check', records.conflict], [HOSTILE_FORM, records.hostileForm]] as const) {
    await t.goto(`/survey/${formId}`);
    await expect(t.getByTestId('record-list-screen')).toBeVisible();
    const row = t.locator(`[data-record-id="${recordId}"]`);
    await expect(row).toBeVisible();
    await expectClean(t, tablet.problems, `record list ${formId}`);
    await row.getByTestId('record-open').click();
    await expect(t.getByTestId('editor')).toBeVisible();
    await visitSections(t, tablet.problems, `editor ${formId} ${recordId}`);
  }
  // The returned record shows the reviewer's reason and field comments as text.
  await t.goto(`/record/${records.returned}`);
  await expect(t.getByTestId('review-reason')).toContainText(PAYLOADS[4]!);
  await expect(t.getByTestId('review-comment').first()).toContainText(PAYLOADS[5]!);
  await expectClean(t, tablet.problems, 'returned record');

  await t.goto('/settings');
  await expect(t.getByTestId('settings-screen')).toContainText(PAYLOADS[4]!);
  await expectClean(t, tablet.problems, 'settings');

  // The care assessor's tablet: the day's visits and the case with its directions map.
  const care = await hostileContext(browser, { width: 768, height: 1024 });
  await care.page.goto('/');
  await loginAs(care.page, 'assessor', hostileLabel('認定調査'));
  await care.page.goto('/care/schedule');
  const card = care.page.getByTestId('care-case-card').filter({ hasText: PAYLOADS[1]! });
  await expect(card).toBeVisible();
  await expectClean(care.page, care.problems, 'care schedule');
  await card.click();
  await expect(care.page.getByTestId('care-case')).toContainText(PAYLOADS[0]!);
  await expectClean(care.page, care.problems, 'care case');
  await care.context.close();

  // The office: the queue with the map hovered over each record's point, each record, conflicts, audit, dashboard, care.
  const office = await hostileContext(browser, { width: 1280, height: 800 });
  const o = office.page;
  await o.goto('/');
  // The admin: a reviewer like the supervisor, and the accounts screen lists the renamed surveyor.
  await loginAs(o, 'admin', hostileLabel('本庁PC'));
  for (const [recordId, title] of [[records.submitted, TITLES.submitted], [records.hostileForm, TITLES.hostileForm], [records.conflict, TITLES.conflict], [records.returned, TITLES.returned]] as const) {
    await o.goto(`/office?status=draft,submitted,returned,approved&q=${recordId}`);
    await expect(o.locator(`[data-testid="queue-row"][data-record-id="${recordId}"]`)).toBeVisible();
    await o.getByTestId('area-map-toggle').click();
    const map = o.getByTestId('queue-map');
    await expect(map).toHaveAttribute('data-points', '1');
    // One point: the map centres on it. Hovering opens its tooltip, which must show the title as text.
    // Hovered again until the map has drawn the point and finished moving to it (the page may still reflow meanwhile).
    await expect(async () => {
      await map.scrollIntoViewIfNeeded();
      const box = (await map.boundingBox())!;
      await o.mouse.move(box.x + box.width / 2 - 40, box.y + box.height / 2 - 40);
      await o.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
      await expect(o.locator('.leaflet-tooltip')).toHaveText(title, { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    await expect(o.locator('.leaflet-tooltip *')).toHaveCount(1);
    await expectClean(o, office.problems, `queue map ${title}`);
    await o.goto(`/office/record/${recordId}`);
    await expect(o.getByTestId('office-record')).toBeVisible();
    await expect(o.getByTestId('office-record')).toContainText(title);
    await expectClean(o, office.problems, `office record ${title}`);
  }
  await o.goto(`/office/record/${records.hostileForm}`);
  await expect(o.getByTestId('office-record')).toContainText('ラベル');
  await o.goto('/office/conflicts');
  await expect(o.getByTestId('conflict-card').first()).toContainText('候補A');
  await expectClean(o, office.problems, 'conflicts');
  await o.goto('/office/audit');
  await expect(o.getByTestId('audit-row').first()).toBeVisible();
  await expectClean(o, office.problems, 'audit');
  await o.goto('/office/dashboard');
  await expect(o.getByTestId('office-dashboard')).toBeVisible();
  await expect(o.getByTestId('dashboard-kpis')).toBeVisible();
  await expectClean(o, office.problems, 'dashboard');
  await o.goto('/office/users');
  // Display names are edited in place: the payload is an input's value.
  await expect.poll(() => o.getByTestId('users-table').locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toContain(DISPLAY_NAME);
  await expectClean(o, office.problems, 'users');
  await o.goto('/office/care');
  await expect(o.getByTestId('office-care')).toContainText(PAYLOADS[1]!);
  await expectClean(o, office.problems, 'care cases');

  await tablet.context.close();
  await office.context.close();
});

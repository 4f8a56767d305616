// Shared steps of the end-to-end tests: service worker, sample survey, records, logins (UI and API), sync, tablets as browser contexts, browser launch options, answering a form from its definition.
import { expect, type APIRequestContext, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test';
import type { Answers, Choice, FieldDefinition, FieldPath, FormDefinition } from '../../src/engine/types.ts';
import { choicesOf as engineChoicesOf } from '../../src/engine/values/choice-value.ts';

export const SAMPLE_FORM = 'field-check';

export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

/**
 * Loads the app, waits until the service worker is active and precached, then reloads so it controls the page. With
 * `as`, logs that demo user in and returns to the home screen, which then offers the forms the server grants the role
 * (before a login nothing is fillable).
 */
export async function loadControlledApp(page: Page, as?: string): Promise<void> {
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await expect(page.getByTestId('home-screen')).toBeVisible();
  if (!as) return;
  await loginAs(page, as);
  await page.locator('.app-title').click();
  await expect(page.getByTestId('home-screen')).toBeVisible();
}

export async function openSampleSurvey(page: Page): Promise<void> {
  await page.getByTestId(`survey-${SAMPLE_FORM}`).click();
  await expect(page.getByTestId('record-list-screen')).toBeVisible();
}

/** Creates a record from the record list and returns its id (from the editor URL). */
export async function createRecord(page: Page): Promise<string> {
  await page.getByTestId('new-record').click();
  await expect(page.getByTestId('editor')).toBeVisible();
  await expect(page.getByTestId('section-nav')).toBeVisible();
  const match = /\/record\/([^/]+)$/.exec(new URL(page.url()).pathname);
  if (!match?.[1]) throw new Error(`not on an editor URL: ${page.url()}`);
  return decodeURIComponent(match[1]);
}

/** Waits until the editor reports every change written to IndexedDB. */
export async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'idle');
}

export const DEMO_PASSWORD = 'genba-demo';

/** Logs in through the login screen (the app opens without a login; sync needs one) and waits for the first sync. */
export async function loginAs(page: Page, username: string, deviceLabel = `${username} tablet`): Promise<void> {
  await page.getByTestId('sync-status').click();
  await expect(page.getByTestId('sync-screen')).toBeVisible();
  await page.getByTestId('sync-login').click();
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-device-label').fill(deviceLabel);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('sync-screen')).toBeVisible();
  await expect(page.getByTestId('sync-last-success')).not.toHaveAttribute('data-at', '');
}

/** Opens the sync screen, presses "sync now" and waits until a sync newer than the last one finished without error. */
export async function syncNow(page: Page): Promise<void> {
  await page.getByTestId('sync-status').click();
  await expect(page.getByTestId('sync-screen')).toBeVisible();
  const lastSuccess = page.getByTestId('sync-last-success');
  const before = (await lastSuccess.getAttribute('data-at')) ?? '';
  await expect(page.getByTestId('sync-now')).toBeEnabled();
  await page.getByTestId('sync-now').click();
  await expect.poll(async () => (await lastSuccess.getAttribute('data-at')) ?? '').not.toBe(before);
  await expect(page.getByTestId('sync-phase')).toHaveAttribute('data-phase', 'idle');
}

/** Opens the signature pad of the sample form's `signature` field, draws a stroke and saves it. */
export async function drawSignature(page: Page): Promise<void> {
  await page.getByTestId('field-signature').getByRole('button', { name: '署名する' }).click();
  const canvas = page.getByTestId('signature-canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('signature canvas not laid out');
  await page.mouse.move(box.x + 40, box.y + 120);
  await page.mouse.down();
  await page.mouse.move(box.x + 140, box.y + 60, { steps: 8 });
  await page.mouse.move(box.x + 260, box.y + 150, { steps: 8 });
  await page.mouse.up();
  await page.getByRole('button', { name: '署名を保存' }).click();
  await expect(page.getByTestId('signature-image')).toBeVisible();
}

/** Fills every required field of the sample survey (as test/e2e/editor.spec.ts does) so the record can be finalized; needs geolocation. */
export async function fillValidRecord(page: Page): Promise<void> {
  await page.getByLabel('担当者名').fill('山田 太朗');
  await page.getByLabel('調査日').fill('2024-04-01');
  await page.getByTestId('field-prefecture').getByRole('radio', { name: 'ひがし県' }).check();
  await page.getByTestId('field-city').getByRole('radio', { name: 'みどり市' }).check();
  await page.getByTestId('section-site').click();
  await page.getByLabel('棟数').fill('1');
  await page.getByTestId('field-location').getByRole('button', { name: '現在地を取得' }).click();
  await expect(page.getByTestId('geopoint-value')).toBeVisible();
  await page.getByTestId('field-defects').getByRole('checkbox', { name: 'なし' }).check();
  await page.getByTestId('section-buildings_section').click();
  await page.getByTestId('repeat-add-buildings').click();
  await page.getByLabel('建物名').fill('本館');
  await page.getByLabel('建築年').fill('1975');
  await page.getByTestId('field-buildings[0].building_photos').locator('input[type=file]').setInputFiles('public/icons/icon-512.png');
  await expect(page.getByTestId('photo-thumb').locator('img')).toBeVisible();
  // The acknowledgement goes to the server as '@ack' and comes back on pull: it must not become an unknown field.
  const seismic = page.getByTestId('warning').filter({ hasText: '旧耐震基準' });
  await seismic.getByPlaceholder('確認した理由を入力').fill('耐震改修済みを確認');
  await seismic.getByRole('button', { name: '確認済みにする' }).click();
  await expect(seismic).toContainText('確認済み');
  await page.getByTestId('section-wrapup').click();
  await page.getByTestId('field-confirmed').getByRole('radio', { name: 'はい' }).check();
  await drawSignature(page);
  await expectSaved(page);
  await expect(page.getByTestId('error-total')).toHaveAttribute('data-count', '0');
}

/** A second (third…) browser: a new context with the app installed and `username` logged in on it as device `label`. */
export async function openLoggedInContext(
  browser: Browser, baseURL: string | undefined, username: string, label: string, options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, viewport: { width: 768, height: 1024 }, ...options });
  const page = await context.newPage();
  await loadControlledApp(page);
  await loginAs(page, username, label);
  return { context, page };
}

/**
 * Two tablets of the same surveyor, and on tablet A a new sample-survey record whose 担当者名 is 山田 太郎, left open
 * in A's editor (saved on A only; the caller waits for the save and syncs).
 */
export async function twoTabletsWithNewRecord(browser: Browser, baseURL: string | undefined): Promise<{
  a: { context: BrowserContext; page: Page }; b: { context: BrowserContext; page: Page }; recordId: string;
}> {
  const a = await openLoggedInContext(browser, baseURL, 'surveyor', 'タブレットA');
  const b = await openLoggedInContext(browser, baseURL, 'surveyor', 'タブレットB');
  await a.page.goto('/');
  await openSampleSurvey(a.page);
  const recordId = await createRecord(a.page);
  await a.page.getByLabel('担当者名').fill('山田 太郎');
  return { a, b, recordId };
}

/** Opens a record from its survey's list (leaving the current screen first, so the editor reloads the row from IndexedDB). */
export async function openRecordFromList(page: Page, recordId: string): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await page.goto(`/survey/${SAMPLE_FORM}`);
  await expect(page.getByTestId('record-list-screen')).toBeVisible();
  await page.locator(`[data-record-id="${recordId}"]`).getByTestId('record-open').click();
  await expect(page.getByTestId('editor')).toBeVisible();
}

/** The sync badge of a record in its survey's list. */
export async function syncBadge(page: Page, recordId: string) {
  await page.goto(`/survey/${SAMPLE_FORM}`);
  return page.locator(`[data-record-id="${recordId}"]`).getByTestId('sync-badge');
}

/**
 * Two tablets holding the same record go offline, each types a different value into the field labelled `label`, come back
 * online and sync A, B, A: the server then holds one same-field conflict with both values as candidates.
 */
export async function editSameFieldOffline(
  a: { context: BrowserContext; page: Page }, b: { context: BrowserContext; page: Page }, recordId: string, label: string, [valueA, valueB]: [string, string],
): Promise<void> {
  await a.context.setOffline(true);
  await b.context.setOffline(true);
  await openRecordFromList(a.page, recordId);
  await a.page.getByLabel(label).fill(valueA);
  await expectSaved(a.page);
  await openRecordFromList(b.page, recordId);
  await b.page.getByLabel(label).fill(valueB);
  await expectSaved(b.page);
  await a.context.setOffline(false);
  await b.context.setOffline(false);
  await syncNow(a.page);
  await syncNow(b.page);
  await syncNow(a.page);
}

/** Logs `username` in through the API (not a tablet) and returns its bearer token, e.g. to check what the server holds. */
export async function apiToken(request: APIRequestContext, username: string, deviceId: string): Promise<string> {
  const res = await request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD, deviceId, deviceLabel: `${username} (e2e API)` } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

/** GET `path` with `token`; fails the test unless the server answers 200. */
export async function apiGet<T>(request: APIRequestContext, token: string, path: string): Promise<T> {
  const res = await request.get(path, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status(), `GET ${path}`).toBe(200);
  return (await res.json()) as T;
}

/** The choices a select offers: its own, or its form's named list (none for other fields). */
export function choicesOf(form: FormDefinition, field: FieldDefinition): Choice[] {
  return engineChoicesOf(form, field) ?? [];
}

/** Field types a person types or picks (the fill helpers below answer these; photos, signatures, GPS and repeats need their own steps). */
const TYPED = new Set(['text', 'ocr_text', 'integer', 'decimal', 'date', 'time', 'datetime', 'select_one', 'select_multiple', 'boolean']);

/**
 * An answer for every field a person answers in `fields` (groups nested as the engine stores them): `overrides[id]` when given
 * (null: leave it empty), else a plain value of the field's type — the first choice, 「見本」, 1, 2024-04-01. Calculated fields,
 * repeats, photos, signatures and GPS are left out.
 */
export function planAnswers(form: FormDefinition, fields: FieldDefinition[], overrides: Record<string, unknown>): Answers {
  const plan: Answers = {};
  for (const field of fields) {
    if (field.calculate !== undefined) continue;
    if (field.type === 'group') {
      plan[field.id] = planAnswers(form, field.fields ?? [], overrides);
      continue;
    }
    if (!TYPED.has(field.type)) continue;
    const value = field.id in overrides ? overrides[field.id] : plainAnswer(form, field);
    if (value !== null && value !== undefined) plan[field.id] = value;
  }
  return plan;
}

function plainAnswer(form: FormDefinition, field: FieldDefinition): unknown {
  const first = choicesOf(form, field)[0]?.value;
  const plain: Record<string, unknown> = {
    text: '見本', ocr_text: '見本', integer: 1, decimal: 1, date: '2024-04-01', time: '10:00', datetime: '2024-04-01T10:00',
    select_one: first, select_multiple: first === undefined ? undefined : [first], boolean: true,
  };
  return plain[field.type];
}

/** Answers the field at `path` through its widget as a person would (radio/checkbox by its choice testid, a long list's drop-down by label, a text box by typing). */
export async function answerField(page: Page, form: FormDefinition, path: FieldPath, field: FieldDefinition, value: unknown): Promise<void> {
  const frame = page.getByTestId(`field-${path}`);
  await expect(frame).toBeVisible();
  switch (field.type) {
    case 'select_one': {
      const dropDown = frame.locator('select');
      if ((await dropDown.count()) > 0) {
        const choice = choicesOf(form, field).find((c) => c.value === value);
        if (!choice) throw new Error(`${path}: ${String(value)} is not one of its choices`);
        await dropDown.selectOption({ label: choice.label.ja });
      } else {
        await frame.getByTestId(`choice-${String(value)}`).check();
      }
      return;
    }
    case 'select_multiple': {
      const wanted = value as unknown[];
      for (const v of wanted) await frame.getByTestId(`choice-${String(v)}`).check();
      for (const choice of choicesOf(form, field)) {
        await expect(frame.getByTestId(`choice-${String(choice.value)}`)).toBeChecked({ checked: wanted.includes(choice.value) });
      }
      return;
    }
    case 'boolean':
      await frame.getByRole('radio', { name: value ? 'はい' : 'いいえ', exact: true }).check();
      return;
    default:
      await frame.locator('input, textarea').first().fill(String(value));
  }
}

/**
 * Walks `fields` (under `prefix`) in form order and answers each one `plan` holds, as far as `isRelevant` says it is shown
 * (asking the engine, so a dependent field is expected only after the answer that reveals it); a field not relevant must not
 * be on screen. Repeats are the caller's.
 */
export async function answerFields(
  page: Page, form: FormDefinition, fields: FieldDefinition[], prefix: FieldPath, plan: Answers, isRelevant: (path: FieldPath) => boolean,
): Promise<void> {
  for (const field of fields) {
    const path = prefix ? `${prefix}.${field.id}` : field.id;
    if (!isRelevant(path)) {
      await expect(page.getByTestId(`field-${path}`)).toHaveCount(0);
      continue;
    }
    if (field.type === 'group') {
      await answerFields(page, form, field.fields ?? [], path, (plan[field.id] ?? {}) as Answers, isRelevant);
      continue;
    }
    if (!(field.id in plan)) continue;
    await answerField(page, form, path, field, plan[field.id]);
  }
}

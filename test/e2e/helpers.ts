// Shared steps of the end-to-end tests: service worker, sample survey, records, logins, sync, tablets as browser contexts, browser launch options.
import { expect, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test';

export const SAMPLE_FORM = 'field-check';

export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

/** Loads the app, waits until the service worker is active and precached, then reloads so it controls the page. */
export async function loadControlledApp(page: Page): Promise<void> {
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
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

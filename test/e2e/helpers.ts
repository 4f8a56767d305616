// Shared steps of the end-to-end tests: wait for the service worker, open the sample survey, create a record, browser launch options.
import { expect, type Page } from '@playwright/test';

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

// A photo entry whose blob is not an image (the issue 12 attack: an HTML "photo"), opened in the office: nothing runs, no page opens; a real image enlarges in a dialog, never as a page.
import { expect, test, type Page } from '@playwright/test';
import { tinyPng } from '../sync-server/image-bytes.ts';
import { initialAnswers, newRecordId, op, pushBody } from '../sync-server/ops.ts';
import { apiToken, openLoggedInContext } from './helpers.ts';

test.setTimeout(120_000);

/** Marks the office's own origin if it ever runs: same-origin storage is what a blob: page would reach. */
const HTML_PHOTO = '<!doctype html><script>localStorage.setItem("pwned", "1"); window.opener && (window.opener.__pwned = 1)</script>';

/** A field-check record by the surveyor (through the API) with one photo; its id. */
async function recordWithPhoto(page: Page, hash: string): Promise<string> {
  const deviceId = `e2e-blob-${Date.now()}`;
  const token = await apiToken(page.request, 'surveyor', deviceId);
  const recordId = newRecordId();
  const answers = { ...initialAnswers('写真の確認'), buildings: [{ building_name: '本館', building_photos: [{ hash, mime: 'image/jpeg' }] }] };
  const res = await page.request.post('/api/sync/push', {
    headers: { authorization: `Bearer ${token}` },
    data: pushBody(deviceId, [op({ deviceId, seq: 1, recordId, path: '@create', value: answers })]),
  });
  expect(res.status(), await res.text()).toBe(200);
  return recordId;
}

test('an HTML blob behind a photo entry is refused by the office: no URL, no page, no script', async ({ browser, baseURL }) => {
  const office = await openLoggedInContext(browser, baseURL, 'supervisor', '管理用PC', { viewport: { width: 1280, height: 800 } });
  const hash = 'a'.repeat(64);
  const recordId = await recordWithPhoto(office.page, hash);
  // A server that still holds such a file from before the type check (or any proxy in between) serves it as HTML.
  await office.context.route(`**/api/blobs/${hash}`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: HTML_PHOTO }));
  const popups: Page[] = [];
  office.context.on('page', (p) => popups.push(p));

  await office.page.goto(`/office/record/${recordId}`);
  const photo = office.page.getByTestId('office-photo');
  await expect(photo.getByTestId('office-photo-refused')).toBeVisible();
  await expect(photo.getByTestId('office-photo-img')).toHaveCount(0);
  await expect(photo.locator('a')).toHaveCount(0);
  await photo.click();
  await office.page.waitForTimeout(500);
  expect(popups).toEqual([]);
  expect(await office.page.evaluate(() => [localStorage.getItem('pwned'), (window as { __pwned?: number }).__pwned ?? null])).toEqual([null, null]);
  await office.context.close();
});

test('a photo opens enlarged in a dialog as an <img>: the page stays where it is', async ({ browser, baseURL }) => {
  const office = await openLoggedInContext(browser, baseURL, 'supervisor', '管理用PC 2', { viewport: { width: 1280, height: 800 } });
  const hash = 'b'.repeat(64);
  const recordId = await recordWithPhoto(office.page, hash);
  await office.context.route(`**/api/blobs/${hash}`, (route) => route.fulfill({ status: 200, contentType: 'image/png', body: tinyPng() }));
  const popups: Page[] = [];
  office.context.on('page', (p) => popups.push(p));

  await office.page.goto(`/office/record/${recordId}`);
  const url = office.page.url();
  await office.page.getByTestId('office-photo-img').click();
  const dialog = office.page.getByTestId('office-photo-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('img')).toHaveAttribute('src', /^blob:/);
  expect(office.page.url()).toBe(url);
  expect(popups).toEqual([]);
  await dialog.getByRole('button').click();
  await expect(dialog).toBeHidden();
  await office.context.close();
});

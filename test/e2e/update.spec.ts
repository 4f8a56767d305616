// A new app version: the "update available" banner appears, nothing reloads by itself, and the button applies it after saving.
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { createRecord, loadControlledApp, openSampleSurvey } from './helpers.ts';

// A login comes first now (nothing is fillable before it, issue 13), which adds its own seconds.
test.setTimeout(120_000);

// The server serves dist/ from disk; the service worker's own update fetch is not visible to Playwright's routing,
// so the new version is made by changing the built sw.js for the duration of this test (restored afterwards).
const SW_FILE = 'dist/sw.js';

test('a waiting service worker shows the update banner; the page reloads only when the user asks', async ({ page }) => {
  const original = readFileSync(SW_FILE, 'utf8');
  try {
    await updateFlow(page);
  } finally {
    writeFileSync(SW_FILE, original);
  }
});

async function updateFlow(page: import('@playwright/test').Page): Promise<void> {
  await loadControlledApp(page, 'surveyor');
  await openSampleSurvey(page);
  await createRecord(page);
  await page.getByLabel('担当者名').fill('更新 前子');

  // A changed sw.js is, to the browser, a new app version.
  writeFileSync(SW_FILE, `${readFileSync(SW_FILE, 'utf8')}\n// next version\n`);
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());

  const banner = page.getByTestId('update-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('更新があります');
  // No automatic reload: the same document, the editor still open with what was typed.
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  await expect(page.getByLabel('担当者名')).toHaveValue('更新 前子');

  await Promise.all([page.waitForEvent('load'), page.getByTestId('update-apply').click()]);
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument ?? false)).toBe(false);
  await expect(page.getByTestId('editor')).toBeVisible();
  await expect(page.getByLabel('担当者名')).toHaveValue('更新 前子');
  await expect(page.getByTestId('update-banner')).toHaveCount(0);
}

// Finding one's way on a 768×1024 tablet: login comes back to where the user was, 戻る on 同期 goes back to the screen before it, and a reload reopens a record at the section the user was on.
import { expect, test } from '@playwright/test';
import { createRecord, DEMO_PASSWORD, expectSaved, loadControlledApp, openSampleSurvey } from './helpers.ts';

test.use({ viewport: { width: 768, height: 1024 } });

async function fillLogin(page: import('@playwright/test').Page, username: string): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-device-label').fill(`${username} navigation tablet`);
  await page.getByTestId('login-submit').click();
}

test('login returns to the screen it was opened from, and 戻る on 同期 to the screen before', async ({ page }) => {
  await loadControlledApp(page);

  // From the settings: back on the settings, logged in (not on 同期).
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('account-login').click();
  await expect(page.getByTestId('login-screen')).toBeVisible();
  await fillLogin(page, 'surveyor');
  await expect(page.getByTestId('settings-screen')).toBeVisible();
  await expect(page.getByTestId('account-user')).toBeVisible();

  // A record made while signed in (before a login nothing is fillable) …
  await page.locator('.app-title').click();
  await openSampleSurvey(page);
  const recordId = await createRecord(page);
  await page.getByLabel('担当者名').fill('戻り 確認');
  await expectSaved(page);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('logout').click();
  await expect(page.getByTestId('account-login')).toBeVisible();

  // … reopened after logging out, then through 同期 and its login button: back on 同期, whose 戻る returns to the record.
  await page.goto(`/record/${encodeURIComponent(recordId)}`);
  await expect(page.getByTestId('editor')).toHaveAttribute('data-record-id', recordId);
  await page.getByTestId('sync-status').click();
  await expect(page.getByTestId('sync-screen')).toBeVisible();
  await page.getByTestId('sync-login').click();
  await fillLogin(page, 'surveyor');
  await expect(page.getByTestId('sync-screen')).toBeVisible();
  await expect(page.getByTestId('sync-last-success')).not.toHaveAttribute('data-at', '');
  await page.getByTestId('sync-screen').getByRole('button', { name: '戻る' }).click();
  await expect(page.getByTestId('editor')).toHaveAttribute('data-record-id', recordId);
  await expect(page.getByLabel('担当者名')).toHaveValue('戻り 確認');
  await page.screenshot({ path: 'test-results/screenshots/d-back-to-record.png' });
});

test('the editor reopens at the section the user was on after a reload; a fresh record opens at the first', async ({ page }) => {
  await loadControlledApp(page, 'surveyor');
  await openSampleSurvey(page);
  const recordId = await createRecord(page);
  await expect(page.getByTestId('section-view-basic')).toBeVisible();
  await page.getByTestId('section-buildings_section').click();
  await expect(page.getByTestId('section-view-buildings_section')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('editor')).toHaveAttribute('data-record-id', recordId);
  await expect(page.getByTestId('section-view-buildings_section')).toBeVisible();
  await expect(page.getByTestId('section-buildings_section')).toHaveAttribute('aria-current', 'step');
  // The browser's back leaves the record as before (the section is not a step of its own in the history).
  await page.goBack();
  await expect(page.getByTestId('record-list-screen')).toBeVisible();
});

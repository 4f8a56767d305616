// Accounts end to end: the admin creates an account in the office's 「ユーザー」 (password shown once); the new user's first login goes to the password change, after which the tablet syncs; a supervisor has no 「ユーザー」 tab.
import { expect, test } from '@playwright/test';
import { loadControlledApp, openLoggedInContext } from './helpers.ts';

test.setTimeout(180_000);

const DESKTOP = { viewport: { width: 1280, height: 800 } };

test('admin creates an account; its first login must change the password before syncing', async ({ browser, baseURL }) => {
  const office = await openLoggedInContext(browser, baseURL, 'admin', '本庁PC', DESKTOP);
  const page = office.page;
  await page.goto('/office');
  await page.getByTestId('office-tab-users').click();
  await expect(page.getByTestId('office-users')).toBeVisible();
  const username = `newbie-${Date.now() % 100_000}`;
  await page.getByTestId('user-create-username').fill(username);
  await page.getByTestId('user-create-display-name').fill('新人 太郎');
  await page.getByTestId('user-create-role').selectOption('disaster_surveyor');
  await page.getByTestId('user-create-submit').click();
  await expect(page.getByTestId('issued-password')).toBeVisible();
  const temporary = (await page.locator('.issued-password').textContent())!.trim();
  expect(temporary).toMatch(/^[A-Za-z0-9_-]{16}$/);
  await expect(page.getByTestId(`user-row-${username}`)).toContainText('パスワード変更待ち');

  const tabletContext = await browser.newContext({ baseURL, viewport: { width: 768, height: 1024 } });
  const tablet = await tabletContext.newPage();
  await loadControlledApp(tablet);
  await tablet.getByTestId('sync-status').click();
  await tablet.getByTestId('sync-login').click();
  await tablet.getByTestId('login-username').fill(username);
  await tablet.getByTestId('login-password').fill(temporary);
  await tablet.getByTestId('login-device-label').fill('新人タブレット');
  await tablet.getByTestId('login-submit').click();
  await expect(tablet.getByTestId('settings-screen')).toBeVisible();
  await expect(tablet.getByTestId('password-forced')).toBeVisible();
  // The rule is checked before anything is sent.
  await tablet.getByTestId('password-current').fill(temporary);
  await tablet.getByTestId('password-new').fill(username);
  await tablet.getByTestId('password-again').fill(username);
  await tablet.getByTestId('password-submit').click();
  await expect(tablet.getByTestId('password-message')).toContainText('ユーザー名と同じ');
  await tablet.getByTestId('password-new').fill('natsu-no-kumo-2026');
  await tablet.getByTestId('password-again').fill('natsu-no-kumo-2026');
  await tablet.getByTestId('password-submit').click();
  await expect(tablet.getByTestId('password-message')).toContainText('変更しました');
  await expect(tablet.getByTestId('password-forced')).toHaveCount(0);
  await tablet.getByTestId('sync-status').click();
  await expect(tablet.getByTestId('sync-last-success')).not.toHaveAttribute('data-at', '');

  await page.reload();
  await expect(page.getByTestId(`user-row-${username}`)).not.toContainText('パスワード変更待ち');
  await expect(page.getByTestId(`user-row-${username}`)).toContainText('1');
  await tabletContext.close();
  await office.context.close();
});

test('a supervisor sees 「自分のアカウント」 but no 「ユーザー」', async ({ browser, baseURL }) => {
  const office = await openLoggedInContext(browser, baseURL, 'supervisor', '監督PC', DESKTOP);
  await office.page.goto('/office');
  await expect(office.page.getByTestId('office-tab-account')).toBeVisible();
  await expect(office.page.getByTestId('office-tab-users')).toHaveCount(0);
  await office.page.getByTestId('office-tab-account').click();
  await expect(office.page.getByTestId('change-password-form')).toBeVisible();
  await office.context.close();
});

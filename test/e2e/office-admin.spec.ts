// The admin's 端末・API screen (issue 13, deliver 8): revoke a lost device, issue and revoke an API token (secret shown once), register and pause a webhook; each in the audit log in words.
import { expect, test } from '@playwright/test';
import { apiToken, openLoggedInContext } from './helpers.ts';

test.setTimeout(240_000);

const SHOTS = 'test-results/screenshots';
const LOST_DEVICE = 'e2e-lost-tablet';

test('admin revokes a device, issues and revokes an API token, registers and pauses a webhook; supervisors do not get the screen', async ({ browser, baseURL, request }) => {
  // A surveyor's tablet that will be lost: registered by logging in.
  const lostToken = await apiToken(request, 'surveyor', LOST_DEVICE);
  expect((await request.get('/api/auth/me', { headers: { authorization: `Bearer ${lostToken}` } })).status()).toBe(200);

  const office = await openLoggedInContext(browser, baseURL, 'admin', '本庁PC', { viewport: { width: 1440, height: 900 } });
  const page = office.page;
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto('/office');
  await page.getByTestId('office-tab-admin').click();
  await expect(page.getByTestId('office-admin')).toBeVisible();

  // 端末: the owner by display name (and login), last contact in Tokyo time; revoke the lost one.
  const device = page.locator(`[data-testid="device-row"][data-device-id="${LOST_DEVICE}"]`);
  await expect(device).toContainText('調査 太郎（デモ）（surveyor）');
  await expect(device).toContainText(/\d{4}\/\d\d\/\d\d \d\d:\d\d/);
  await expect(device).toHaveAttribute('data-revoked', 'false');
  await device.getByTestId('device-revoke').click();
  await expect(page.getByTestId('device-revoked')).toBeVisible();
  await expect(device).toHaveAttribute('data-revoked', 'true');
  await expect(device.getByTestId('device-revoke')).toHaveCount(0);
  expect((await request.get('/api/auth/me', { headers: { authorization: `Bearer ${lostToken}` } })).status()).toBeGreaterThanOrEqual(401);

  // APIトークン: name, permission and expiry; the secret is shown once and works; revoked it stops working.
  await page.getByTestId('token-create').click();
  await expect(page.getByTestId('admin-tokens').getByRole('alert')).toContainText('名前を入力してください');
  await page.getByTestId('token-name').fill('介護保険システム連携');
  await page.getByTestId('token-scope-handoff:read').check();
  await page.getByTestId('token-expires').fill('2099-03-31');
  await page.getByTestId('token-create').click();
  const secret = (await page.getByTestId('token-secret-value').innerText()).trim();
  expect(secret).toMatch(/^gbt_/);
  const tokenRow = page.locator('[data-testid="token-row"][data-name="介護保険システム連携"]');
  await expect(tokenRow).toContainText('連携データの取得');
  await expect(tokenRow).toContainText('管理者（デモ）');
  await expect(tokenRow).toContainText('2099/03/31 23:59'); // the end of the chosen day in Tokyo
  expect((await request.get('/api/handoff/changes', { headers: { authorization: `Bearer ${secret}` } })).status()).toBe(200);
  await page.screenshot({ path: `${SHOTS}/f-admin-token-secret-1440.png`, fullPage: true });
  await page.getByTestId('token-secret').getByRole('button', { name: '控えました' }).click();
  await expect(page.getByTestId('token-secret')).toHaveCount(0);
  await expect(page.getByText(secret)).toHaveCount(0);
  await tokenRow.getByTestId('token-revoke').click();
  await expect(tokenRow).toHaveAttribute('data-revoked', 'true');
  expect((await request.get('/api/handoff/changes', { headers: { authorization: `Bearer ${secret}` } })).status()).toBe(401);

  // Webhook: destination, description, the one event; the signing key once; pause it.
  await page.getByTestId('webhook-url').fill('https://kaigo-receiver.example.jp/genba');
  await page.getByTestId('webhook-description').fill('介護保険システムへの自動送信');
  await page.getByTestId('webhook-create').click();
  await expect(page.getByTestId('webhook-secret-value')).toContainText('whsec_');
  const hook = page.locator('[data-testid="webhook-row"][data-url="https://kaigo-receiver.example.jp/genba"]');
  await expect(hook).toHaveAttribute('data-active', 'true');
  await expect(hook.getByTestId('webhook-last')).not.toBeEmpty();
  await page.getByTestId('webhook-secret').getByRole('button', { name: '控えました' }).click();
  await hook.getByTestId('webhook-toggle').click();
  await expect(hook).toHaveAttribute('data-active', 'false');
  await expect(hook).toContainText('停止中');
  await page.screenshot({ path: `${SHOTS}/f-admin-1440.png`, fullPage: true });
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: `${SHOTS}/f-admin-1024.png`, fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);

  // Each act is in the audit log as a sentence.
  await page.getByTestId('office-tab-audit').click();
  const audit = page.getByTestId('audit-table');
  await expect(audit).toContainText('調査 太郎（デモ） の端末を失効しました');
  await expect(audit).toContainText('APIトークン「介護保険システム連携」を発行しました');
  await expect(audit).toContainText('APIトークン「介護保険システム連携」を失効しました');
  await expect(audit).toContainText('Webhook（送信先 https://kaigo-receiver.example.jp/genba）を登録しました');
  await expect(audit).toContainText('Webhook を停止しました');
  await expect(audit).toContainText('surveyor (e2e API)'); // the revoked device by its label
  await office.context.close();

  // A supervisor has no such tab (and the server refuses the routes: test/sync-server/route-access.ts).
  const supervisor = await openLoggedInContext(browser, baseURL, 'supervisor', '監督PC', { viewport: { width: 1440, height: 900 } });
  await supervisor.page.goto('/office');
  await expect(supervisor.page.getByTestId('office-queue')).toBeVisible();
  await expect(supervisor.page.getByTestId('office-tab-admin')).toHaveCount(0);
  await supervisor.context.close();
});

// Honest status (issue 13, deliver 5): 記入完了 sends at once; the editor and list follow the server (送信済み → 承認済み); 未送信 counts records; the last sync survives a reload; errors in Japanese with details folded; no alarm before login; expired / revoked / password reset said as such; the header fits a portrait tablet.
import { expect, test, type Page } from '@playwright/test';
import { apiGet, apiToken, createRecord, DEMO_PASSWORD, expectSaved, fillValidRecord, loadControlledApp, loginAs, openLoggedInContext } from './helpers.ts';

test.setTimeout(240_000);

const TABLET = { width: 768, height: 1024 };
const SHOTS = 'test-results/screenshots';
const TOKYO = { latitude: 35.6812, longitude: 139.7671, accuracy: 8 };

async function goHome(page: Page): Promise<void> {
  await page.getByRole('button', { name: /ホーム|Home/ }).click();
  await expect(page.getByTestId('home-screen')).toBeVisible();
}

/** The header is one row: its height stays that of one row of chips, and the app name is one line. */
async function expectHeaderOneRow(page: Page): Promise<void> {
  const header = await page.locator('.app-header').boundingBox();
  const title = await page.locator('.app-title span').boundingBox();
  const chip = await page.getByTestId('sync-status').boundingBox();
  expect(header!.height).toBeLessThanOrEqual(64);
  expect(title!.height).toBeLessThanOrEqual(32);
  expect(chip!.height).toBeLessThanOrEqual(48);
}

/** Changes the stored session in the device database, as time passing would. */
async function expireStoredSession(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('genba');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('settings', 'readwrite');
      const store = tx.objectStore('settings');
      const get = store.get('session');
      get.onsuccess = () => {
        const row = get.result as { key: string; value: { expiresAt: string } };
        store.put({ ...row, value: { ...row.value, expiresAt: '2000-01-01T00:00:00.000Z' } });
      };
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
}

test('no alarm before login; 未送信 counts records; the last sync survives a reload; offline errors in Japanese with details folded; the header fits 768 px', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, viewport: TABLET });
  const page = await context.newPage();
  await loadControlledApp(page);
  // The very first screen: not logged in is a state, not a red error.
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'signedOut');
  await page.getByTestId('sync-status').click();
  await expect(page.getByTestId('sync-not-logged-in')).toBeVisible();
  await expect(page.getByTestId('sync-error')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/c-sync-before-login.png` });

  await loginAs(page, 'surveyor', '状態確認タブレット');
  const lastSync = await page.getByTestId('sync-last-success').getAttribute('data-at');
  expect(lastSync).not.toBe('');
  await goHome(page);
  await context.setOffline(true);
  await page.getByTestId('survey-field-check').click();
  await createRecord(page);
  await page.getByLabel('担当者名').fill('山田 太郎');
  await page.getByLabel('調査日').fill('2024-04-01');
  await page.getByTestId('field-prefecture').getByRole('radio', { name: 'ひがし県' }).check();
  await expectSaved(page);
  // Several answers of one record: one unsent record.
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('pending-count')).toHaveText('未送信 1 件');

  // Offline in portrait: the header stays one row, in Japanese and in English.
  await expectHeaderOneRow(page);
  await page.screenshot({ path: `${SHOTS}/c-header-offline-ja.png` });
  await page.getByTestId('language-toggle').click();
  await expect(page.getByTestId('net-status')).toHaveText('Offline');
  await expectHeaderOneRow(page);
  await page.screenshot({ path: `${SHOTS}/c-header-offline-en.png` });
  await page.getByTestId('language-toggle').click();
  await expect(page.getByTestId('net-status')).toHaveText('オフライン');

  // A reload (offline: no new sync can happen) still knows the last success.
  await page.reload();
  await page.getByTestId('sync-status').click();
  await expect(page.getByTestId('sync-last-success')).toHaveAttribute('data-at', lastSync!);
  await expect(page.getByTestId('sync-last-success')).not.toContainText('まだ同期していません');

  await page.getByTestId('sync-now').click();
  const error = page.getByTestId('sync-error');
  await expect(error).toHaveAttribute('data-code', 'E_OFFLINE');
  await expect(error).toContainText('サーバーに接続できません');
  await expect(error.getByTestId('error-details')).toBeVisible();
  await expect(error.getByText(/Failed to fetch|ERR_INTERNET_DISCONNECTED/)).toBeHidden();
  await page.screenshot({ path: `${SHOTS}/c-sync-offline-error.png` });
  await error.getByText('詳細').click();
  await expect(error.getByTestId('error-details').locator('p')).toBeVisible();
  await context.close();
});

test('記入完了 sends at once; the banner and list follow the server: 送信済み, then 承認済み after the office approves', async ({ browser, baseURL, request }) => {
  const { context, page } = await openLoggedInContext(browser, baseURL, 'surveyor', '送信確認タブレット', { geolocation: TOKYO, permissions: ['geolocation'] });
  await goHome(page);
  await page.getByTestId('survey-field-check').click();
  const recordId = await createRecord(page);
  await fillValidRecord(page);
  const surveyorToken = await apiToken(request, 'surveyor', 'e2e-honest-surveyor-api');
  await page.getByTestId('finalize').click();
  // No sync pressed, no 60-s interval waited for: the server has it within seconds.
  await expect
    .poll(async () => {
      const res = await request.get(`/api/records/${recordId}`, { headers: { authorization: `Bearer ${surveyorToken}` } });
      return res.status() === 200 ? ((await res.json()) as { record: { status: string } }).record.status : `HTTP ${res.status()}`;
    }, { timeout: 8_000 })
    .toBe('submitted');
  // The banner follows without a reload: no longer 「送信待ち」.
  await expect(page.getByTestId('editor-notice')).toHaveAttribute('data-kind', 'submitted', { timeout: 10_000 });
  await expect(page.getByTestId('editor-notice')).toContainText('送信済み');
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0');
  await page.screenshot({ path: `${SHOTS}/c-editor-submitted.png` });

  const supervisorToken = await apiToken(request, 'supervisor', 'e2e-honest-supervisor-api');
  const approve = await request.post(`/api/records/${recordId}/review`, { headers: { authorization: `Bearer ${supervisorToken}` }, data: { action: 'approve' } });
  expect(approve.status()).toBe(200);
  // The next sync (here: the app coming back to the foreground) brings 承認済み into the open editor.
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await expect(page.getByTestId('editor-notice')).toHaveAttribute('data-kind', 'approved', { timeout: 15_000 });
  await expect(page.getByTestId('editor-notice')).toContainText('承認済み');
  await page.screenshot({ path: `${SHOTS}/c-editor-approved.png` });
  await page.getByRole('button', { name: '← 戻る' }).first().click();
  const badge = page.locator(`[data-record-id="${recordId}"]`).getByTestId('status-badge');
  await expect(badge).toHaveAttribute('data-status', 'approved');
  await expect(badge).toHaveText('承認済み');
  await page.screenshot({ path: `${SHOTS}/c-list-approved.png` });
  await context.close();
});

test('an expired login is called expired; a revoked tablet is not shown as logged in', async ({ browser, baseURL, request }) => {
  const { context, page } = await openLoggedInContext(browser, baseURL, 'gis', '期限確認タブレット');
  await expireStoredSession(page);
  await page.getByTestId('sync-now').click();
  const error = page.getByTestId('sync-error');
  await expect(error).toHaveAttribute('data-code', 'E_UNAUTHENTICATED');
  await expect(error).toContainText('ログインの有効期限が切れました');
  await expect(page.getByTestId('sync-user')).not.toContainText('ログイン中');
  await expect(page.getByTestId('sync-user')).toContainText('有効期限が切れました');
  await page.screenshot({ path: `${SHOTS}/c-sync-expired.png` });

  await error.getByRole('button', { name: 'ログイン' }).click();
  await expect(page.getByTestId('login-ended')).toContainText('有効期限が切れました');
  await page.getByTestId('login-username').fill('gis');
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('sync-screen')).toBeVisible();
  await expect(page.getByTestId('sync-user')).toContainText('ログイン中');

  const adminToken = await apiToken(request, 'admin', 'e2e-honest-admin-api');
  const { devices } = await apiGet<{ devices: { id: string; label: string; revokedAt: string | null }[] }>(request, adminToken, '/api/admin/devices');
  const device = devices.find((d) => d.label === '期限確認タブレット' && !d.revokedAt);
  expect(device).toBeTruthy();
  expect((await request.post(`/api/admin/devices/${device!.id}/revoke`, { headers: { authorization: `Bearer ${adminToken}` } })).status()).toBe(200);
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-error')).toHaveAttribute('data-code', 'E_DEVICE_REVOKED');
  await expect(page.getByTestId('sync-error')).toContainText('利用停止');
  await expect(page.getByTestId('sync-user')).not.toContainText('ログイン中');
  await expect(page.getByTestId('sync-user')).toContainText('利用停止');
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'revoked');
  await expect(page.getByTestId('sync-login')).toHaveCount(0);
  await expect(page.getByTestId('sync-phase')).not.toContainText('ログインが必要です');
  await page.screenshot({ path: `${SHOTS}/c-sync-revoked.png` });
  await context.close();
});

test('a password reset by the admin leads the user to change it, not to a generic refusal', async ({ browser, baseURL, request }) => {
  const adminToken = await apiToken(request, 'admin', 'e2e-honest-admin-api-2');
  const username = `reset-${Date.now() % 100_000}`;
  const created = await request.post('/api/admin/users', { headers: { authorization: `Bearer ${adminToken}` }, data: { username, displayName: '再設定 花子', role: 'gis_staff' } });
  expect(created.status()).toBe(201);
  const temporary = ((await created.json()) as { temporaryPassword: string }).temporaryPassword;

  const context = await browser.newContext({ baseURL, viewport: TABLET });
  const page = await context.newPage();
  await loadControlledApp(page);
  await page.getByTestId('home-login-button').click();
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(temporary);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('settings-screen')).toBeVisible();
  // The person goes to sync instead of changing the password first.
  await page.getByTestId('sync-status').click();
  await page.getByTestId('sync-now').click();
  const error = page.getByTestId('sync-error');
  await expect(error).toHaveAttribute('data-code', 'E_PASSWORD_CHANGE_REQUIRED');
  await expect(error).toContainText('新しいパスワードに変更してください');
  await page.screenshot({ path: `${SHOTS}/c-sync-password-change.png` });
  await page.getByTestId('sync-change-password').click();
  await expect(page.getByTestId('password-forced')).toBeVisible();
  await context.close();
});

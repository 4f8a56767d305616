// 差し戻し end to end: a surveyor finalizes and syncs, a supervisor returns it with a field comment, the tablet shows it, corrects, resubmits.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_PASSWORD, SAMPLE_FORM, createRecord, drawSignature, expectSaved, loadControlledApp, loginAs, openSampleSurvey, syncNow } from './helpers.ts';

test.use({ geolocation: { latitude: 35.6812, longitude: 139.7671, accuracy: 8 }, permissions: ['geolocation'], viewport: { width: 768, height: 1024 } });
// Real logins (scrypt), a photo upload and three sync rounds.
test.setTimeout(180_000);

/** Fills every required field of the sample survey (as test/e2e/editor.spec.ts does) so the record can be finalized. */
async function fillValidRecord(page: Page): Promise<void> {
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

async function supervisorToken(request: APIRequestContext): Promise<string> {
  const res = await request.post('/api/auth/login', {
    data: { username: 'supervisor', password: DEMO_PASSWORD, deviceId: 'e2e-supervisor-review-pc', deviceLabel: 'office PC' },
  });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

async function openFromList(page: Page, recordId: string): Promise<void> {
  await page.getByTestId('nav-settings').click(); // leave the editor so it reloads the pulled row from IndexedDB
  await page.goto(`/survey/${SAMPLE_FORM}`);
  await expect(page.getByTestId('record-list-screen')).toBeVisible();
  await page.locator(`[data-record-id="${recordId}"]`).getByTestId('record-open').click();
  await expect(page.getByTestId('editor')).toBeVisible();
}

test('a supervisor returns a record with a field comment; the tablet shows it, the surveyor corrects and resubmits', async ({ page, request }) => {
  await loadControlledApp(page);
  await loginAs(page, 'surveyor', '差し戻しタブレット');
  await page.goto('/');
  await openSampleSurvey(page);
  const recordId = await createRecord(page);
  await fillValidRecord(page);
  await page.getByTestId('finalize').click();
  await expect(page.getByTestId('editor-notice')).toHaveAttribute('data-kind', 'ready');
  await syncNow(page);
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0');

  const token = await supervisorToken(request);
  const auth = { authorization: `Bearer ${token}` };
  const before = await request.get(`/api/records/${recordId}`, { headers: auth });
  expect(((await before.json()) as { record: { status: string } }).record.status).toBe('submitted');
  const returned = await request.post(`/api/records/${recordId}/review`, {
    headers: auth,
    data: { action: 'return', reason: '担当者名の漢字を確認してください', comments: [{ path: 'inspector_name', comment: '「太朗」ではなく「太郎」です' }] },
  });
  expect(returned.status()).toBe(200);

  // The tablet pulls it: a 「差し戻し」 badge in the list, the banner with the reason, the comment under its field.
  await syncNow(page);
  await page.goto(`/survey/${SAMPLE_FORM}`);
  const badge = page.locator(`[data-record-id="${recordId}"]`).getByTestId('status-badge');
  await expect(badge).toHaveAttribute('data-status', 'returned');
  await expect(badge).toHaveText('差し戻し');
  await openFromList(page, recordId);
  await expect(page.getByTestId('review-banner')).toContainText('差し戻されました');
  await expect(page.getByTestId('review-reason')).toContainText('担当者名の漢字を確認してください');
  await expect(page.getByTestId('field-inspector_name').getByTestId('review-comment')).toContainText('「太朗」ではなく「太郎」です');
  await expect(page.getByTestId('error-total')).toHaveAttribute('data-count', '0');
  await page.screenshot({ path: 'test-results/screenshots/returned-record.png' });

  // Correct, finalize again, sync: the server has it submitted with the corrected value.
  await expect(page.getByLabel('担当者名')).toBeEnabled();
  await page.getByLabel('担当者名').fill('山田 太郎');
  await expectSaved(page);
  await page.getByTestId('finalize').click();
  await expect(page.getByTestId('editor-notice')).toHaveAttribute('data-kind', 'ready');
  await expect(page.getByTestId('review-banner')).toHaveCount(0);
  await syncNow(page);
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0');

  const after = await request.get(`/api/records/${recordId}`, { headers: auth });
  expect(after.status()).toBe(200);
  const record = ((await after.json()) as { record: { status: string; answers: Record<string, unknown> } }).record;
  expect(record.status).toBe('submitted');
  expect(record.answers['inspector_name']).toBe('山田 太郎');

  await page.goto(`/survey/${SAMPLE_FORM}`);
  await expect(page.locator(`[data-record-id="${recordId}"]`).getByTestId('status-badge')).toHaveAttribute('data-status', 'submitted');
});

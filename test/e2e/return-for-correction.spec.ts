// 差し戻し end to end: a surveyor finalizes and syncs, a supervisor returns it with a field comment, the tablet shows it, corrects, resubmits.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD, SAMPLE_FORM, createRecord, expectSaved, fillValidRecord, loadControlledApp, loginAs, openRecordFromList, openSampleSurvey, syncNow } from './helpers.ts';

test.use({ geolocation: { latitude: 35.6812, longitude: 139.7671, accuracy: 8 }, permissions: ['geolocation'], viewport: { width: 768, height: 1024 } });
// Real logins (scrypt), a photo upload and three sync rounds.
test.setTimeout(180_000);

async function supervisorToken(request: APIRequestContext): Promise<string> {
  const res = await request.post('/api/auth/login', {
    data: { username: 'supervisor', password: DEMO_PASSWORD, deviceId: 'e2e-supervisor-review-pc', deviceLabel: 'office PC' },
  });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

test('a supervisor returns a record with a field comment; the tablet shows it, the surveyor corrects and resubmits', async ({ page, request }) => {
  await loadControlledApp(page);
  await loginAs(page, 'surveyor', '差し戻しタブレット');
  await page.goto('/');
  await openSampleSurvey(page);
  const recordId = await createRecord(page);
  await fillValidRecord(page);
  await page.getByTestId('finalize').click();
  await expect(page.getByTestId('editor-notice')).toHaveAttribute('data-kind', 'submitted'); // online: 記入完了 sends at once
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
  await openRecordFromList(page, recordId);
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
  await expect(page.getByTestId('editor-notice')).toHaveAttribute('data-kind', 'submitted'); // online: 記入完了 sends at once
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

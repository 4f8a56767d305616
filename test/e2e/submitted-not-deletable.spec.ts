// Nothing submitted is lost: a finished and sent record offers no 「下書きを削除」 on the tablet, and the server refuses a crafted '@delete' of it (E_RECORD_SUBMITTED); a never-submitted draft still deletes.
import { expect, test } from '@playwright/test';
import { format as formatHlc, nodeIdFrom } from '../../src/protocol/hlc.ts';
import { apiGet, apiToken, createRecord, fillValidRecord, loadControlledApp, loginAs, openSampleSurvey, SAMPLE_FORM, syncNow } from './helpers.ts';

test.use({ geolocation: { latitude: 35.6812, longitude: 139.7671, accuracy: 8 }, permissions: ['geolocation'], viewport: { width: 768, height: 1024 } });
test.setTimeout(180_000);

test('a submitted record cannot be deleted from the tablet nor by a crafted @delete', async ({ page, request }) => {
  await loadControlledApp(page);
  await loginAs(page, 'surveyor', '削除テストタブレット');
  await page.goto('/');
  await openSampleSurvey(page);
  const recordId = await createRecord(page);
  await fillValidRecord(page);
  await page.getByTestId('finalize').click();
  await expect(page.getByTestId('editor-notice')).toHaveAttribute('data-kind', 'ready');
  await syncNow(page);
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0');

  // A second draft, never finished: it may still be deleted.
  await page.goto(`/survey/${SAMPLE_FORM}`);
  const draftId = await createRecord(page);
  await page.goto(`/survey/${SAMPLE_FORM}`);
  await expect(page.locator(`[data-record-id="${draftId}"]`).getByTestId('record-delete')).toBeVisible();
  await expect(page.locator(`[data-record-id="${recordId}"]`).getByTestId('status-badge')).toHaveAttribute('data-status', 'submitted');
  await expect(page.locator(`[data-record-id="${recordId}"]`).getByTestId('record-delete')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/b-record-list-no-delete.png' });

  // A crafted '@delete' from the same user on another device: refused with a code, nothing applied.
  const deviceId = 'e2e-crafted-delete';
  const token = await apiToken(request, 'surveyor', deviceId);
  const auth = { authorization: `Bearer ${token}` };
  const before = await apiGet<{ record: { changeSeq: number; status: string } }>(request, token, `/api/records/${recordId}`);
  expect(before.record.status).toBe('submitted');
  const op = {
    opId: `${deviceId}:1`, recordId, formId: SAMPLE_FORM, formVersion: 2, path: '@delete', value: null,
    hlc: formatHlc({ millis: Date.now() + 60_000, counter: 0, node: nodeIdFrom(deviceId) }), baseVersion: before.record.changeSeq,
  };
  const refused = await request.post('/api/sync/push', { headers: auth, data: { protocolVersion: 2, deviceId, ops: [op] } });
  expect(refused.status()).toBe(422);
  const body = (await refused.json()) as { error: { code: string; rejected: { code: string; path?: string }[] } };
  expect(body.error.code).toBe('E_PUSH_REJECTED');
  expect(body.error.rejected).toEqual([expect.objectContaining({ code: 'E_RECORD_SUBMITTED', path: '@delete' })]);
  const after = await apiGet<{ record: { changeSeq: number; status: string; deleted?: boolean } }>(request, token, `/api/records/${recordId}`);
  expect(after.record).toMatchObject({ status: 'submitted', changeSeq: before.record.changeSeq });
});

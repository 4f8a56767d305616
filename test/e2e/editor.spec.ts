// The record editor on the sample survey: inline validation, finalize refused while invalid and accepted once valid, status badges.
import { expect, test, type Page } from '@playwright/test';
import { createRecord, drawSignature, expectSaved, loadControlledApp, openSampleSurvey } from './helpers.ts';

// A login comes first now (nothing is fillable before it, issue 13), which adds its own seconds.
test.setTimeout(120_000);

test.use({ geolocation: { latitude: 35.6812, longitude: 139.7671, accuracy: 8 }, permissions: ['geolocation'], viewport: { width: 768, height: 1024 } });

async function openNewRecord(page: Page): Promise<string> {
  await loadControlledApp(page, 'surveyor');
  await openSampleSurvey(page);
  return createRecord(page);
}

test('validation messages appear under a field once it was touched', async ({ page }) => {
  await openNewRecord(page);
  const name = page.getByTestId('field-inspector_name');
  // Untouched: required, but no message yet.
  await expect(name.getByText('必須', { exact: true })).toBeVisible();
  await expect(name.getByTestId('field-errors')).toHaveCount(0);
  await page.getByLabel('担当者名').fill('山田');
  await page.getByLabel('担当者名').fill('');
  await page.getByLabel('担当者名').blur();
  await expect(name.getByTestId('field-errors')).toContainText('担当者名を入力してください');

  await page.getByTestId('section-site').click();
  const count = page.getByTestId('field-building_count');
  await page.getByLabel('棟数').fill('1000');
  await expect(count.getByTestId('field-errors')).toContainText('棟数は0〜999で入力してください');
  await page.getByLabel('棟数').fill('１２'); // full-width digits from a Japanese IME
  await expect(count.getByTestId('field-errors')).toHaveCount(0);
  await expectSaved(page);
});

test('a section left stays mounted but hidden, and shows again as it was without being rebuilt', async ({ page }) => {
  await openNewRecord(page);
  await page.getByLabel('担当者名').fill('山田');
  // Tag the live input element: if the section were rebuilt on return, the new element would not carry the tag.
  await page.getByLabel('担当者名').evaluate((input) => input.setAttribute('data-probe', 'kept'));
  await page.getByTestId('section-site').click();
  await expect(page.getByTestId('section-view-site')).toBeVisible();
  const parked = page.getByTestId('section-parked-basic');
  await expect(parked).toHaveCount(1);
  await expect(parked).toBeHidden();
  await expect(parked.locator('input[data-probe="kept"]')).toHaveValue('山田');
  await page.getByTestId('section-basic').click();
  await expect(page.getByTestId('section-view-basic').locator('input[data-probe="kept"]')).toBeVisible();
  await expect(page.getByLabel('担当者名')).toHaveValue('山田');
  await expect(page.getByTestId('section-view-site')).toHaveCount(0);
});

test('finalize is refused while invalid (count shown, first error focused) and accepted once valid', async ({ page }) => {
  const recordId = await openNewRecord(page);

  await page.getByTestId('finalize').click();
  const message = page.getByTestId('finalize-message');
  await expect(message).toBeVisible();
  await expect(message).toContainText(/記入完了にできません。入力に \d+ 件のエラーがあります/);
  await expect(page.getByLabel('担当者名')).toBeFocused();
  // After a finalize attempt every error is shown, touched or not.
  await expect(page.getByTestId('field-survey_date').getByTestId('field-errors')).toBeVisible();

  // Basic information
  await page.getByLabel('担当者名').fill('山田 太郎');
  await page.getByLabel('調査日').fill('2024-04-01');
  await page.getByTestId('field-prefecture').getByRole('radio', { name: 'ひがし県' }).check();
  // Cascading choices: only the chosen prefecture's cities are offered.
  await expect(page.getByTestId('field-city').getByRole('radio')).toHaveCount(2);
  await expect(page.getByTestId('field-city').getByRole('radio', { name: 'うみべ市' })).toHaveCount(0);
  await page.getByTestId('field-city').getByRole('radio', { name: 'みどり市' }).check();
  await expect(page.getByTestId('section-basic').getByTestId('section-errors')).toHaveCount(0);

  // Site
  await page.getByTestId('section-site').click();
  await page.getByLabel('棟数').fill('1');
  await page.getByTestId('field-location').getByRole('button', { name: '現在地を取得' }).click();
  await expect(page.getByTestId('geopoint-value')).toContainText('35.681200, 139.767100');
  const defects = page.getByTestId('field-defects');
  await defects.getByRole('checkbox', { name: 'ひび割れ' }).check();
  await expect(page.getByTestId('field-severity')).toBeVisible();
  // The exclusive choice clears the others (and hides the severity question).
  await defects.getByRole('checkbox', { name: 'なし' }).check();
  await expect(defects.getByRole('checkbox', { name: 'ひび割れ' })).not.toBeChecked();
  await expect(page.getByTestId('field-severity')).toHaveCount(0);

  // Per building: a repeat with at least one entry, each with a photo (downscaled on the device)
  await page.getByTestId('section-buildings_section').click();
  await page.getByTestId('repeat-add-buildings').click();
  await page.getByLabel('建物名').fill('本館');
  await page.getByLabel('建築年').fill('1975');
  await expect(page.getByTestId('field-buildings[0].building_age').getByRole('textbox')).toHaveValue(String(new Date().getFullYear() - 1975));
  await page.getByTestId('field-buildings[0].building_photos').locator('input[type=file]').setInputFiles('public/icons/icon-512.png');
  await expect(page.getByTestId('photo-thumb').locator('img')).toBeVisible();
  const seismic = page.getByTestId('warning').filter({ hasText: '旧耐震基準' });
  await expect(seismic).toBeVisible();
  await seismic.getByPlaceholder('確認した理由を入力').fill('耐震改修済みを確認');
  await seismic.getByRole('button', { name: '確認済みにする' }).click();
  await expect(seismic).toContainText('確認済み: 耐震改修済みを確認');
  await page.screenshot({ path: 'test-results/screenshots/buildings-photo.png' });

  // Wrap-up: confirmation and signature
  await page.getByTestId('section-wrapup').click();
  await page.getByTestId('field-confirmed').getByRole('radio', { name: 'はい' }).check();
  await drawSignature(page);
  await page.screenshot({ path: 'test-results/screenshots/wrapup-signature.png' });

  await expect(page.getByTestId('error-total')).toHaveAttribute('data-count', '0');
  await expect(page.getByTestId('finalize-message')).toHaveCount(0);
  // Offline, a finalized record waits (送信待ち) and can still be reopened; online it is sent at once (honest-status.spec.ts).
  await page.context().setOffline(true);
  await page.getByTestId('finalize').click();
  await expect(page.getByTestId('editor-notice')).toHaveAttribute('data-kind', 'ready');
  await expect(page.getByTestId('finalize')).toHaveCount(0);
  // Finalized records are read-only until reopened.
  await expect(page.getByLabel('担当者名')).toBeDisabled();
  await page.getByTestId('reopen').click();
  await expect(page.getByLabel('担当者名')).toBeEnabled();
  await page.getByTestId('finalize').click();
  await expect(page.getByTestId('editor-notice')).toHaveAttribute('data-kind', 'ready');

  await page.getByRole('button', { name: '戻る' }).click();
  const item = page.locator(`[data-record-id="${recordId}"]`);
  await expect(item.getByTestId('status-badge')).toHaveAttribute('data-status', 'ready');
  await expect(item).toContainText('山田 太郎');
  await expect(item.getByTestId('record-delete')).toHaveCount(0);
  // Back online: sent without pressing sync.
  await page.context().setOffline(false);
  await expect(item.getByTestId('status-badge')).toHaveAttribute('data-status', 'submitted', { timeout: 20_000 });
});

test('a draft can be deleted after confirming', async ({ page }) => {
  const recordId = await openNewRecord(page);
  await page.getByLabel('担当者名').fill('削除テスト');
  await expectSaved(page);
  await page.getByRole('button', { name: '戻る' }).click();
  const item = page.locator(`[data-record-id="${recordId}"]`);
  await expect(item.getByTestId('status-badge')).toHaveAttribute('data-status', 'errors');
  await item.getByTestId('record-delete').click();
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'キャンセル' }).click();
  await expect(item).toBeVisible();
  await item.getByTestId('record-delete').click();
  await page.getByTestId('confirm-ok').click();
  await expect(item).toHaveCount(0);
});

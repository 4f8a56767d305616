// A survey opened straight from a link (no visit to the home screen first): before login it offers the login, not a record; after login it finds its form and can start a record.
import { expect, test } from '@playwright/test';
import { loginAs, SAMPLE_FORM } from './helpers.ts';

test('a first visit straight to a survey page asks for a login, then loads its form and allows a new record', async ({ page }) => {
  await page.goto(`/survey/${SAMPLE_FORM}`);
  await expect(page.getByTestId('record-list-screen')).toBeVisible();
  // Nothing is fillable before login (issue 13): the login, not 新しい記録.
  await expect(page.getByTestId('records-login')).toBeVisible();
  await expect(page.getByRole('button', { name: '新しい記録' })).toHaveCount(0);
  await loginAs(page, 'surveyor', 'リンク確認タブレット');
  await page.goto(`/survey/${SAMPLE_FORM}`);
  await expect(page.getByRole('heading', { name: '現地確認（設備点検）' })).toBeVisible();
  await expect(page.getByText('この調査票の定義が端末にありません。')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '新しい記録' })).toBeEnabled();
});

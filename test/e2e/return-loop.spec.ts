// The return loop: the office returns with one added comment and one only typed (both arrive), the tablet's home lists the returned record, the banner names the supervisor and lists the comments, tabs and fields are marked, replies reach the office's 差し戻しの履歴.
import { expect, test } from '@playwright/test';
import { createRecord, expectSaved, fillValidRecord, loadControlledApp, loginAs, openLoggedInContext, openSampleSurvey, syncNow } from './helpers.ts';

test.use({ geolocation: { latitude: 35.6812, longitude: 139.7671, accuracy: 8 }, permissions: ['geolocation'], viewport: { width: 768, height: 1024 } });
test.setTimeout(300_000);

const SHOTS = 'test-results/screenshots';
const SUPERVISOR_NAME = '監督 桜（デモ）';

test('a typed comment is never dropped; every return shows its comments with the reviewer name; the tablet marks and answers them', async ({ page, browser, baseURL }) => {
  await loadControlledApp(page);
  await loginAs(page, 'surveyor', '差し戻しループ');
  await page.goto('/');
  await openSampleSurvey(page);
  const recordId = await createRecord(page);
  await fillValidRecord(page);
  await page.getByTestId('finalize').click();
  await expect(page.getByTestId('editor-notice')).toHaveAttribute('data-kind', 'ready');
  await syncNow(page);
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0');

  // Office, 1440×900: one comment added, one typed and never added; first without its item (blocked with a prompt).
  const office = await openLoggedInContext(browser, baseURL, 'supervisor', '本庁PC', { viewport: { width: 1440, height: 900 } });
  const desk = office.page;
  await desk.goto(`/office/record/${recordId}`);
  await expect(desk.getByTestId('office-record')).toHaveAttribute('data-status', 'submitted');
  await desk.getByTestId('review-return').click();
  await desk.getByTestId('review-reason-input').fill('記入内容を確認してください');
  await desk.getByTestId('comment-field').selectOption('inspector_name');
  await desk.getByTestId('comment-text').fill('「太朗」ではなく「太郎」です');
  await desk.getByTestId('comment-add').click();
  await expect(desk.getByTestId('comment-item')).toHaveCount(1);
  await desk.getByTestId('comment-field').selectOption('');
  await desk.getByTestId('comment-text').fill('欠陥の有無を現地で再確認してください');
  await desk.getByTestId('review-return-submit').click();
  await expect(desk.getByTestId('comment-field-needed')).toBeVisible();
  await expect(desk.getByTestId('comment-field')).toBeFocused();
  await desk.getByTestId('comment-field').selectOption('defects');
  await expect(desk.getByTestId('comment-field-needed')).toHaveCount(0);
  // The chosen item shows in full in the picker.
  const picker = desk.getByTestId('comment-field');
  const fits = await picker.evaluate((el) => {
    const select = el as HTMLSelectElement;
    const canvas = document.createElement('canvas').getContext('2d')!;
    canvas.font = getComputedStyle(select).font;
    return canvas.measureText(select.selectedOptions[0]!.text).width + 40 <= select.clientWidth;
  });
  expect(fits).toBe(true);
  await desk.screenshot({ path: `${SHOTS}/b-office-return-form-1440.png`, fullPage: true });
  await desk.getByTestId('review-return-submit').click();
  await expect(desk.getByTestId('review-done')).toHaveAttribute('data-action', 'return');

  // Both comments are in the history, with the reviewer's name and the items' labels.
  const history = desk.getByTestId('review-history');
  await expect(history.getByTestId('review-history-entry')).toHaveCount(1);
  await expect(history.getByTestId('review-history-by')).toContainText(SUPERVISOR_NAME);
  await expect(history.getByTestId('review-history-comment')).toHaveCount(2);
  await expect(history.getByTestId('review-history-comment').nth(0)).toContainText('担当者名');
  await expect(history.getByTestId('review-history-comment').nth(1)).toContainText('欠陥の有無を現地で再確認してください');

  // Tablet: home lists the returned record with its comment count.
  await syncNow(page);
  await page.goto('/');
  const returned = page.getByTestId('returned-records');
  await expect(returned).toBeVisible();
  await expect(returned.getByTestId('returned-record')).toHaveCount(1);
  await expect(returned.getByTestId('returned-record')).toContainText('コメント 2 件');
  await page.screenshot({ path: `${SHOTS}/b-home-returned-768.png` });

  // No delete for a returned record.
  await page.goto('/survey/field-check');
  await expect(page.locator(`[data-record-id="${recordId}"]`).getByTestId('record-delete')).toHaveCount(0);

  await page.goto('/');
  await returned.getByTestId('returned-record').click();
  const banner = page.getByTestId('review-banner');
  await expect(banner).toBeVisible();
  await expect(page.getByTestId('review-by')).toContainText(SUPERVISOR_NAME);
  await expect(page.getByTestId('review-by')).not.toContainText('user');
  await expect(banner.getByTestId('review-comment-item')).toHaveCount(2);
  await expect(banner.getByTestId('review-comment-item').nth(0)).toContainText('担当者名');
  await expect(banner.getByTestId('review-comment-item').nth(1)).toContainText('欠陥');
  // Section tabs with comments are marked, with accessible text; the others are not.
  await expect(page.getByTestId('section-basic').getByTestId('section-review-marker')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('section-basic')).toContainText('監督者のコメント 1 件');
  await expect(page.getByTestId('section-site').getByTestId('section-review-marker')).toBeVisible();
  await expect(page.getByTestId('section-wrapup').getByTestId('section-review-marker')).toHaveCount(0);
  await expect(page.getByTestId('field-inspector_name').getByTestId('field-review-marker')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/b-tablet-returned-banner-768.png`, fullPage: true });

  // Tapping a comment goes to its field (in another section).
  await banner.getByTestId('review-comment-jump').nth(1).click();
  await expect(page.getByTestId('section-site')).toHaveAttribute('aria-current', 'step');
  await expect(page.getByTestId('field-defects')).toBeInViewport();
  await expect(page.getByTestId('field-defects').getByTestId('field-review-marker')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/b-tablet-jump-to-field-768.png` });

  // Correct, answer each comment, resubmit.
  await page.getByTestId('section-basic').click();
  await page.getByLabel('担当者名').fill('山田 太郎');
  await expectSaved(page);
  await banner.getByTestId('review-addressed').nth(0).check();
  await banner.getByTestId('review-reply').nth(0).fill('「太郎」に直しました');
  await banner.getByTestId('review-reply').nth(1).fill('現地で確認し、欠陥なしでした');
  await page.waitForTimeout(300); // the replies are saved on the device as they are typed
  await page.getByTestId('finalize').click();
  await expect(page.getByTestId('editor-notice')).toHaveAttribute('data-kind', 'ready');
  await syncNow(page);
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0');
  await page.goto('/');
  await expect(page.getByTestId('returned-records')).toHaveCount(0);

  // The office sees the replies under the return's comments.
  await desk.reload();
  await expect(desk.getByTestId('office-record')).toHaveAttribute('data-status', 'submitted');
  const replies = desk.getByTestId('review-history-reply');
  await expect(replies).toHaveCount(2);
  await expect(replies.nth(0)).toHaveAttribute('data-addressed', 'true');
  await expect(replies.nth(0)).toContainText('「太郎」に直しました');
  await expect(replies.nth(1)).toHaveAttribute('data-addressed', 'false');
  await expect(replies.nth(1)).toContainText('現地で確認し、欠陥なしでした');
  await desk.getByTestId('review-history').scrollIntoViewIfNeeded();
  await desk.screenshot({ path: `${SHOTS}/b-office-review-history-1440.png`, fullPage: true });

  // A second return keeps the first one's comments visible.
  await desk.getByTestId('review-return').click();
  await desk.getByTestId('review-reason-input').fill('写真をもう一枚お願いします');
  await desk.getByTestId('review-return-submit').click();
  await expect(desk.getByTestId('review-done')).toHaveAttribute('data-action', 'return');
  await expect(desk.getByTestId('review-history-entry')).toHaveCount(2);
  await expect(desk.getByTestId('review-history-comment')).toHaveCount(2);
  await office.context.close();
});

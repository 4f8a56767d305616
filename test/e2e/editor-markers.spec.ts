// The 調査票 editor on a 768×1024 tablet as an assessor meets it: a calm new form (progress, no red count), 実施日時 and 記入者 prefilled, the person in the title, numbered choices, 警告コード marked on the items and their section tab, helper fields hidden — and a conflict marked on the field it replaced.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { editSameFieldOffline, expectSaved, openLoggedInContext, openRecordFromList, syncNow, twoTabletsWithNewRecord } from './helpers.ts';

test.setTimeout(180_000);

const SHOTS = 'test-results/screenshots';
/** A case no other spec starts (DEMO-0001 is care-assessment.spec's): 試験 さくら, visit in three days at 10:30 (Japan). */
const CASE = { number: 'DEMO-0003', name: '試験 さくら', visitTime: '10:30', daysAhead: 3 };
const ASSESSOR_DISPLAY_NAME = '認定 花子（デモ）';

function jstDay(offsetDays: number): string {
  return new Date(Date.now() + 9 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** Text that fits its box: not cut with an ellipsis, not wrapped onto a second line. */
async function expectOneUncutLine(locator: Locator): Promise<void> {
  const box = await locator.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, height: el.getBoundingClientRect().height, line: parseFloat(getComputedStyle(el).lineHeight) }));
  expect(box.scroll, 'text cut off').toBeLessThanOrEqual(box.client);
  expect(box.height, 'text wrapped').toBeLessThan(box.line * 1.6);
}

async function startAssessmentOf(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByTestId('care-entry').click();
  for (let i = 0; i < CASE.daysAhead; i++) await page.getByRole('button', { name: '次の日' }).click();
  await page.getByTestId('care-day').getByTestId('care-case-card').filter({ hasText: `申請番号 ${CASE.number}` }).click();
  await expect(page.getByTestId('care-case')).toBeVisible();
  await page.getByTestId('care-start-assessment').click();
  await expect(page.getByTestId('editor')).toBeVisible();
  await expect(page.getByTestId('section-nav')).toBeVisible();
}

test('a new 調査票: progress not alarms, prefilled visit and assessor, the person in the title, numbered choices, warning markers, no helper field', async ({ browser, baseURL }) => {
  const { context, page } = await openLoggedInContext(browser, baseURL, 'assessor', '認定調査タブレット', { timezoneId: 'Asia/Tokyo' });
  await startAssessmentOf(page);

  // No alarm before the assessor did anything: required items as neutral progress, no red count, no red tab.
  const total = page.getByTestId('error-total');
  await expect(total).toHaveAttribute('data-state', 'progress');
  await expect(total).toHaveText(/^必須項目 \d+ \/ \d+ 入力済み$/);
  await expect(total).not.toHaveClass(/text-error/);
  await expect(page.getByTestId('section-nav').getByTestId('section-errors')).toHaveCount(0);

  // 実施日時 from the visit, 記入者 from the signed-in assessor.
  await expect(page.getByTestId('field-survey_datetime').locator('input')).toHaveValue(`${jstDay(CASE.daysAhead)}T${CASE.visitTime}`);
  await expect(page.getByTestId('field-surveyor_name').locator('input')).toHaveValue(ASSESSOR_DISPLAY_NAME);

  // The title names the record and the form, each whole on one line at 768 px.
  const title = page.getByTestId('editor-title');
  await expect(title).toContainText('要介護認定 認定調査票');
  const recordTitle = page.getByTestId('editor-record-title');
  await expect(recordTitle).not.toHaveText('');
  await expectOneUncutLine(recordTitle);
  await expectOneUncutLine(title.locator('.editor-form-name'));
  await page.screenshot({ path: `${SHOTS}/d-fresh-form.png` });

  // An error turns red once the assessor touched the field (emptied a required answer).
  await page.getByTestId('field-surveyor_name').locator('input').fill('');
  await page.getByTestId('field-surveyor_name').locator('input').blur();
  await expect(total).toHaveAttribute('data-state', 'errors');
  await expect(total).toHaveText('エラー 1 件');
  await expect(page.getByTestId('section-overview_1').getByTestId('section-errors')).toHaveText('1');
  await page.getByTestId('field-surveyor_name').locator('input').fill(ASSESSOR_DISPLAY_NAME);

  // Numbered choices as on the official form and in the warnings' text.
  await page.getByTestId('section-group_1').click();
  await expect(page).toHaveURL(/\?section=group_1$/);
  const rolling = page.getByTestId('field-1-3');
  await expect(rolling.getByRole('radio', { name: '3. できない' })).toBeVisible();
  await expect(page.getByTestId('field-1-1').getByRole('checkbox', { name: '1. ない' })).toBeVisible();

  // 警告コード01 (1-3 「3. できない」 but 1-10 「1. 介助されていない」): marked on both items and the section tab.
  await rolling.getByRole('radio', { name: '3. できない' }).check();
  await page.getByTestId('field-1-10').getByRole('radio', { name: '1. 介助されていない' }).check();
  for (const id of ['1-3', '1-10']) {
    const mark = page.getByTestId(`field-${id}`).getByTestId('field-warning');
    await expect(mark).toHaveAttribute('data-code', '01');
    await expect(mark).toContainText('警告コード01');
  }
  const tabMark = page.getByTestId('section-group_1').getByTestId('section-warnings');
  await expect(tabMark).toHaveAttribute('aria-label', '警告 1 件');
  await expect(page.getByTestId('section-group_2').getByTestId('section-warnings')).toHaveCount(0);
  await rolling.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/d-warning-marker.png` });
  await page.getByTestId('section-group_1').scrollIntoViewIfNeeded();
  await page.getByTestId('section-nav').screenshot({ path: `${SHOTS}/d-section-tab-warning.png` });

  // The panel's entry jumps to an item; the item's marker leads to the panel's reason box.
  const entry = page.locator('[data-testid="warning"][data-code="01"]');
  await entry.getByTestId('warning-jump').filter({ hasText: '1-10 洗身' }).click();
  await expect(page.getByTestId('field-1-10').getByRole('radio', { name: '1. 介助されていない' })).toBeFocused();
  await page.getByTestId('field-1-10').getByTestId('field-warning').getByRole('button', { name: '確認して理由を入力' }).click();
  await expect(entry.getByPlaceholder('確認した理由を入力')).toBeFocused();
  await page.keyboard.type('デイサービスで自分で洗身していると確認');
  await entry.getByRole('button', { name: '確認済みにする' }).click();
  await expect(tabMark).toHaveCount(0);
  await expect(page.getByTestId('field-1-3').getByTestId('field-warning')).toContainText('確認済み');

  // The helper answer behind the vague-word check is never a question on screen.
  await page.getByTestId('section-special_notes').click();
  await page.getByTestId('repeat-add-tokki').click();
  await expect(page.getByTestId('field-tokki[0].tokki_text')).toBeVisible();
  await expect(page.getByTestId('field-tokki[0].tokki_vague')).toHaveCount(0);
  await expect(page.getByText('あいまいな頻度表現を含む')).toHaveCount(0);
  await expectSaved(page);

  // A finalize attempt shows every error in red, on the toolbar and on the section tabs.
  await page.getByTestId('finalize').click();
  await expect(total).toHaveAttribute('data-state', 'errors');
  await expect(total).toHaveText(/^エラー \d+ 件$/);
  await expect(page.getByTestId('section-group_2').getByTestId('section-errors')).toBeVisible();
  await context.close();
});

test('a conflict is marked on the field it replaced, with the other value, until the user confirms it', async ({ browser, baseURL }) => {
  const { a, b, recordId } = await twoTabletsWithNewRecord(browser, baseURL);
  await expectSaved(a.page);
  await syncNow(a.page);
  await syncNow(b.page);
  const values: [string, string] = ['山田 一郎', '山田 二郎'];
  await editSameFieldOffline(a, b, recordId, '担当者名', values);
  await syncNow(b.page);

  for (const [tablet, own, other] of [[a, values[0], values[1]], [b, values[1], values[0]]] as const) {
    await openRecordFromList(tablet.page, recordId);
    const field = tablet.page.getByTestId('field-inspector_name');
    const mark = field.getByTestId('field-conflict');
    await expect(mark).toContainText('競合あり');
    const shown = await field.locator('input').inputValue();
    expect([own, other]).toContain(shown);
    // The device whose value was replaced is told so and sees its own value; the other sees the value set aside.
    if (shown === other) await expect(mark).toContainText(`他の端末の値が採用されました。この端末で入力した値: ${own}`);
    else await expect(mark).toContainText(`他の端末の値: ${other}`);
    await expect(tablet.page.getByTestId('section-basic').getByTestId('section-conflicts')).toHaveAttribute('data-count', '1');
  }
  await a.page.screenshot({ path: `${SHOTS}/d-conflict-marker.png` });

  // Confirmed on A: the marker goes, also after a reload; B still shows its own until it confirms or edits.
  await a.page.getByTestId('field-inspector_name').getByTestId('conflict-confirm').click();
  await expect(a.page.getByTestId('field-inspector_name').getByTestId('field-conflict')).toHaveCount(0);
  await expect(a.page.getByTestId('section-basic').getByTestId('section-conflicts')).toHaveCount(0);
  await a.page.reload();
  await expect(a.page.getByTestId('field-inspector_name')).toBeVisible();
  await expect(a.page.getByTestId('field-inspector_name').getByTestId('field-conflict')).toHaveCount(0);
  await b.page.getByTestId('field-inspector_name').locator('input').fill('山田 三郎');
  await expect(b.page.getByTestId('field-inspector_name').getByTestId('field-conflict')).toHaveCount(0);
  await expectSaved(b.page);
  await a.context.close();
  await b.context.close();
});

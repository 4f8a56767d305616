// Back office end to end in two or three browser contexts: review queue → return with a field comment → tablet corrects → revision 2 diff → approve; conflict queue; care cases list.
import { mkdirSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  createRecord, editSameFieldOffline, expectSaved, fillValidRecord, openLoggedInContext, openRecordFromList, openSampleSurvey, syncBadge, syncNow, twoTabletsWithNewRecord,
} from './helpers.ts';

// Real logins (scrypt), a photo upload, several sync rounds and two or three browsers per test.
test.setTimeout(240_000);

const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });
const TABLET_GPS = { geolocation: { latitude: 35.6812, longitude: 139.7671, accuracy: 8 }, permissions: ['geolocation'] };
const DESKTOP = { viewport: { width: 1280, height: 800 } };

async function expectTouchSize(targets: Locator[]): Promise<void> {
  for (const target of targets) {
    const box = await target.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
  }
}

/** The supervisor's office: Home shows the 「管理」 entry only to reviewers; it opens the review queue. */
async function openOffice(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByTestId('office-entry').click();
  await expect(page.getByTestId('office-queue')).toBeVisible();
}

test('review queue → return with a field comment → the tablet corrects → revision 2 with its diff → approve', async ({ browser, baseURL }) => {
  const tablet = await openLoggedInContext(browser, baseURL, 'surveyor', '審査用タブレット', TABLET_GPS);
  await expect(tablet.page.getByTestId('office-entry')).toHaveCount(0); // a surveyor has no back office
  await tablet.page.goto('/');
  await expect(tablet.page.getByTestId('home-screen')).toBeVisible();
  await expect(tablet.page.getByTestId('office-entry')).toHaveCount(0);
  await openSampleSurvey(tablet.page);
  const recordId = await createRecord(tablet.page);
  await fillValidRecord(tablet.page);
  await tablet.page.getByTestId('finalize').click();
  await expect(tablet.page.getByTestId('editor-notice')).toHaveAttribute('data-kind', 'submitted'); // online: 記入完了 sends at once
  await syncNow(tablet.page);
  await expect(tablet.page.getByTestId('pending-count')).toHaveAttribute('data-count', '0');

  // The supervisor finds it in the queue by its id; the filter survives a reload (it lives in the URL).
  const office = await openLoggedInContext(browser, baseURL, 'supervisor', '本庁PC', DESKTOP);
  const page = office.page;
  await openOffice(page);
  await page.getByTestId('filter-q').fill(recordId);
  await page.getByTestId('filter-search').click();
  await expect(page).toHaveURL(new RegExp(`q=${recordId}`));
  await page.reload();
  await expect(page.getByTestId('filter-q')).toHaveValue(recordId);
  const row = page.locator(`[data-testid="queue-row"][data-record-id="${recordId}"]`);
  await expect(row).toHaveAttribute('data-status', 'submitted');
  await expect(row).toContainText('山田 太朗');
  await expect(page.getByTestId('queue-total')).toHaveAttribute('data-total', '1');
  await expectTouchSize([page.getByTestId('office-tab-queue'), row.getByTestId('queue-open'), page.getByTestId('filter-search')]);

  // Area: a preset box holding the tablet's GPS fix keeps it, another drops it; a box drawn on the map goes into the URL.
  await page.getByTestId('filter-area').selectOption('tokyo-23');
  await expect(page).toHaveURL(/area=tokyo-23/);
  await expect(row).toBeVisible();
  await page.getByTestId('filter-area').selectOption('osaka-city');
  await expect(page.getByTestId('queue-total')).toHaveAttribute('data-total', '0');
  await page.getByTestId('area-map-toggle').click();
  await page.getByTestId('area-draw').click();
  const map = await page.getByTestId('queue-map').boundingBox();
  if (!map) throw new Error('queue map not laid out');
  await page.mouse.move(map.x + 60, map.y + 60);
  await page.mouse.down();
  await page.mouse.move(map.x + map.width / 2, map.y + map.height / 2, { steps: 6 });
  await page.mouse.up();
  await expect(page).toHaveURL(/area=custom&bbox=[-\d.]+(%2C|,)/);
  await expect(page.getByTestId('filter-bbox')).toBeVisible();
  await page.getByTestId('filter-area').selectOption('');
  await expect(row).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/office-queue-1280x800.png` });
  await row.getByTestId('queue-open').click();

  // The record view: answers with the form's labels, the photo through the authenticated blob route, revision 1.
  const record = page.getByTestId('office-record');
  await expect(record).toHaveAttribute('data-status', 'submitted');
  await expect(page.locator('[data-testid="answer-row"][data-path="inspector_name"]')).toContainText('担当者名');
  await expect(page.locator('[data-testid="answer-row"][data-path="inspector_name"]')).toContainText('山田 太朗');
  await expect(page.locator('[data-testid="answer-row"][data-path="prefecture"]')).toContainText('ひがし県');
  await expect(page.getByTestId('office-revision')).toHaveText('1');
  await expect(page.getByTestId('office-photo-img').first()).toBeVisible();
  await expect(page.getByTestId('record-map')).toHaveAttribute('data-points', '1');
  await expect(page.getByTestId('office-warnings')).toContainText('旧耐震基準');
  await expect(page.getByTestId('record-pdf')).toHaveCount(0); // 調査票PDF is for care assessments only

  // Return it with a reason and a comment on 担当者名.
  await page.getByTestId('review-return').click();
  await expect(page.getByTestId('review-return-submit')).toBeDisabled(); // a reason is required
  await page.getByTestId('review-reason-input').fill('担当者名の漢字を確認してください');
  await page.getByTestId('comment-field').selectOption('inspector_name');
  await page.getByTestId('comment-text').fill('「太朗」ではなく「太郎」です');
  await page.getByTestId('comment-add').click();
  await expect(page.getByTestId('comment-item')).toHaveCount(1);
  await expect(page.getByTestId('comment-item')).toHaveAttribute('data-path', 'inspector_name');
  await page.getByTestId('review-return-submit').click();
  await expect(page.getByTestId('review-done')).toHaveAttribute('data-action', 'return');
  await expect(record).toHaveAttribute('data-status', 'returned');

  // The tablet receives it: the comment under its field; the surveyor corrects and resubmits.
  await syncNow(tablet.page);
  await openRecordFromList(tablet.page, recordId);
  await expect(tablet.page.getByTestId('review-reason')).toContainText('担当者名の漢字を確認してください');
  await expect(tablet.page.getByTestId('field-inspector_name').getByTestId('review-comment')).toContainText('「太朗」ではなく「太郎」です');
  await tablet.page.getByLabel('担当者名').fill('山田 太郎');
  await expectSaved(tablet.page);
  await tablet.page.getByTestId('finalize').click();
  await expect(tablet.page.getByTestId('editor-notice')).toHaveAttribute('data-kind', 'submitted'); // online: 記入完了 sends at once
  await syncNow(tablet.page);
  await expect(tablet.page.getByTestId('pending-count')).toHaveAttribute('data-count', '0');

  // The supervisor sees revision 2 with the field-level diff, the changed field highlighted, and approves.
  await page.reload();
  await expect(record).toHaveAttribute('data-status', 'submitted');
  await expect(page.getByTestId('office-revision')).toHaveText('2');
  await expect(page.getByTestId('revision-tab-2')).toHaveAttribute('aria-selected', 'true');
  const diff = page.getByTestId('revision-diff');
  await expect(diff).toHaveAttribute('data-from', '1');
  await expect(diff).toHaveAttribute('data-to', '2');
  const changed = diff.locator('[data-testid="diff-row"][data-path="inspector_name"]');
  await expect(changed).toContainText('担当者名');
  await expect(changed.getByTestId('diff-before')).toHaveText('山田 太朗');
  await expect(changed.getByTestId('diff-after')).toHaveText('山田 太郎');
  await expect(page.locator('[data-testid="answer-row"][data-path="inspector_name"]')).toHaveAttribute('data-changed', 'true');
  await expect(page.locator('[data-testid="answer-row"][data-path="prefecture"]')).toHaveAttribute('data-changed', 'false');
  await page.screenshot({ path: `${SHOTS}/office-record-1280x800.png`, fullPage: true });

  // Usable on a portrait tablet too.
  await page.setViewportSize({ width: 768, height: 1024 });
  await expectTouchSize([page.getByTestId('review-approve'), page.getByTestId('review-return'), page.getByTestId('revision-tab-1'), page.getByTestId('office-tab-conflicts')]);
  await page.screenshot({ path: `${SHOTS}/office-record-768x1024.png` });

  await page.getByTestId('review-approve').click();
  await expect(page.getByTestId('review-done')).toHaveAttribute('data-action', 'approve');
  await expect(record).toHaveAttribute('data-status', 'approved');
  await expect(page.getByTestId('review-reopen')).toBeVisible();
  await expect(record.locator('[data-testid="audit-row"][data-action="review"]').first()).toBeVisible();

  // Back to the queue keeps the search.
  await page.getByTestId('office-back').click();
  await expect(page.getByTestId('office-queue')).toBeVisible();
  await expect(page.getByTestId('filter-q')).toHaveValue(recordId);

  await tablet.context.close();
  await office.context.close();
});

test('conflict queue: a same-field conflict from two tablets is resolved with a reason and reaches the tablets', async ({ browser, baseURL }) => {
  const { a, b, recordId } = await twoTabletsWithNewRecord(browser, baseURL);
  await expectSaved(a.page);
  await syncNow(a.page);
  await syncNow(b.page);
  await editSameFieldOffline(a, b, recordId, '担当者名', ['佐藤 花子', '鈴木 一郎']);

  // The supervisor opens the record, sees its open conflict and follows the link to the conflict queue (filtered to it).
  const office = await openLoggedInContext(browser, baseURL, 'supervisor', '本庁PC', DESKTOP);
  const page = office.page;
  await page.goto(`/office/record/${recordId}`);
  const conflicts = page.getByTestId('office-record-conflicts');
  await expect(conflicts).toHaveAttribute('data-open', '1');
  await conflicts.getByTestId('office-resolve-link').click();
  await expect(page.getByTestId('office-conflicts')).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/office/conflicts\\?record=${recordId}`));

  const card = page.locator(`[data-testid="conflict-card"][data-record-id="${recordId}"]`);
  await expect(card).toHaveAttribute('data-path', 'inspector_name');
  await expect(card.getByRole('heading')).toHaveText('担当者名');
  const candidates = card.getByTestId('conflict-candidate');
  await expect(candidates).toHaveCount(2);
  for (const value of ['佐藤 花子', '鈴木 一郎']) {
    const candidate = candidates.filter({ hasText: value });
    await expect(candidate).toContainText('調査 太郎（デモ）'); // who, by display name
  }
  await expect(candidates.filter({ hasText: '佐藤 花子' })).toContainText('端末: タブレットA'); // which device, by its login label
  await expect(card.getByTestId('conflict-resolve')).toBeDisabled(); // a reason is required
  await page.screenshot({ path: `${SHOTS}/office-conflicts-1280x800.png` });

  await candidates.filter({ hasText: '鈴木 一郎' }).getByTestId('candidate-pick').check();
  await card.getByTestId('conflict-reason').fill('現地の名簿で担当者を確認');
  await card.getByTestId('conflict-resolve').click();
  await expect(page.locator(`[data-testid="conflict-resolved"]`)).toBeVisible();
  await expect(card).toHaveCount(0);

  // The choice reaches the tablets.
  for (const tablet of [a, b]) {
    await syncNow(tablet.page);
    await openRecordFromList(tablet.page, recordId);
    await expect(tablet.page.getByLabel('担当者名')).toHaveValue('鈴木 一郎');
    await expect(await syncBadge(tablet.page, recordId)).toHaveAttribute('data-sync-state', 'synced');
  }

  // The resolution is in the record's audit trail and in the audit log, searchable by action and record.
  await page.goto(`/office/record/${recordId}`);
  await expect(page.getByTestId('office-record-conflicts')).toHaveAttribute('data-open', '0');
  await expect(page.locator('[data-testid="audit-row"][data-action="conflict_resolve"]')).toHaveCount(1);
  await page.getByTestId('office-tab-audit').click();
  await page.getByTestId('audit-action').selectOption('conflict_resolve');
  await page.getByTestId('audit-record').fill(recordId);
  await page.getByTestId('audit-search').click();
  await expect(page).toHaveURL(/action=conflict_resolve/);
  await expect(page.locator('[data-testid="audit-row"][data-action="conflict_resolve"]')).toHaveCount(1);
  await expect(page.getByTestId('audit-row')).toHaveCount(1);

  // The dashboard draws its charts; its tables download as CSV in the browser, the records as the server's export.
  await page.getByTestId('office-tab-dashboard').click();
  await page.getByTestId('dashboard-form').selectOption('field-check');
  await expect(page.getByTestId('counts-status')).toBeVisible();
  await expect(page.getByTestId('chart-status').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('chart-trend').locator('canvas')).toBeVisible();
  const tableCsv = page.waitForEvent('download');
  await page.getByTestId('counts-status-csv').click();
  expect((await tableCsv).suggestedFilename()).toBe('counts-by-status.csv');
  const serverCsv = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  expect((await serverCsv).suggestedFilename()).toMatch(/\.csv$/);
  await page.screenshot({ path: `${SHOTS}/office-dashboard-1280x800.png`, fullPage: true });

  // Without a network the office says so instead of failing.
  await page.goto(`/office/record/${recordId}`);
  await expect(page.getByTestId('office-record')).toBeVisible();
  await office.context.setOffline(true);
  await expect(page.getByTestId('office-offline')).toContainText('オフラインです');
  await office.context.setOffline(false);
  await expect(page.getByTestId('office-record')).toBeVisible();

  await a.context.close();
  await b.context.close();
  await office.context.close();
});

test('care cases: the seeded case is listed with its status and KPIs, and the status filter lives in the URL', async ({ browser, baseURL }) => {
  const office = await openLoggedInContext(browser, baseURL, 'supervisor', '本庁PC', DESKTOP);
  const page = office.page;
  await page.goto('/office/care');
  await expect(page.getByTestId('office-care')).toBeVisible();
  await expect(page.getByTestId('office-tab-care')).toHaveAttribute('aria-selected', 'true');
  const row = page.locator('[data-testid="care-row"][data-case-number="DEMO-0001"]');
  await expect(row).toContainText('見本 花子');
  await expect(row.getByTestId('care-status')).toHaveText(/^(未調査|調査済|差し戻し|確定)$/);
  await expect(page.getByTestId('care-kpi-visit')).toBeVisible();
  await expect(page.getByTestId('care-kpi-finish')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/office-care-1280x800.png`, fullPage: true });

  // A new case through the form: a missing field is named before anything is sent; the case then appears in the list.
  await page.getByTestId('care-create-toggle').click();
  await page.getByTestId('care-create-submit').click();
  await expect(page.getByTestId('care-field-name').getByTestId('care-field-problem')).toBeVisible();
  const caseNumber = `E2E-${Date.now()}`;
  await page.getByTestId('care-input-assigneeId').selectOption({ label: '認定 花子（デモ）' });
  await page.getByTestId('care-input-caseNumber').fill(caseNumber);
  await page.getByTestId('care-input-applicationDate').fill(new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10));
  await page.getByTestId('care-input-insuredNumber').fill('0000000999');
  await page.getByTestId('care-input-name').fill('見本 秋子');
  await page.screenshot({ path: `${SHOTS}/office-care-create-1280x800.png`, fullPage: true });
  await page.getByTestId('care-create-submit').click();
  await expect(page.getByTestId('care-done')).toContainText(caseNumber);
  await expect(page.locator(`[data-testid="care-row"][data-case-number="${caseNumber}"]`)).toHaveAttribute('data-status', 'unsurveyed');

  // Another test may have surveyed the demo case: filter by its own status (kept) and by another one (gone).
  const status = await row.getAttribute('data-status');
  const other = status === 'approved' ? 'returned' : 'approved';
  await page.getByTestId('care-filter-status').selectOption(other);
  await expect(page).toHaveURL(new RegExp(`/office/care\\?status=${other}`));
  await expect(row).toHaveCount(0);
  await page.getByTestId('care-filter-status').selectOption(status ?? '');
  await expect(row).toBeVisible();
  await office.context.close();
});

// The office for people (issue 13, deliver 8): audit in words with display names and Tokyo times, unique short ids, dashboard counts equal to the queue's, and status cells on one line at 1024 px.
import { expect, test, type Page } from '@playwright/test';
import { createRecord, fillValidRecord, openLoggedInContext, openSampleSurvey, syncNow } from './helpers.ts';

test.setTimeout(300_000);

const SHOTS = 'test-results/screenshots';
const WIDE = { width: 1440, height: 900 };
const NARROW = { width: 1024, height: 768 };
const TABLET_GPS = { geolocation: { latitude: 35.6812, longitude: 139.7671, accuracy: 8 }, permissions: ['geolocation'] };
/** Words a supervisor must never read: wire names, null, ISO instants. */
const DEVELOPER_TEXT = [/changeSeq/, /outcomes/, /\bnull\b/, /\d{4}-\d\d-\d\dT\d\d:\d\d/, /\bT\d\d:\d\d:\d\d/, /deviceId/, /\{"/];

async function openTab(page: Page, tab: string, screen: string): Promise<void> {
  await page.getByTestId(`office-tab-${tab}`).click();
  await expect(page.getByTestId(screen)).toBeVisible();
}

async function visibleText(page: Page, testId: string): Promise<string> {
  return page.getByTestId(testId).innerText();
}

/** Every count of the dashboard's form × status table opens the queue with exactly that many records. */
async function expectDashboardEqualsQueue(page: Page): Promise<Record<string, number>> {
  await openTab(page, 'dashboard', 'office-dashboard');
  const cells = page.getByTestId('form-status-count');
  await expect(cells.first()).toBeVisible();
  const wanted = await cells.evaluateAll((els) => els.map((el) => ({ form: el.getAttribute('data-form-id') ?? '', status: el.getAttribute('data-status') ?? '', count: Number(el.getAttribute('data-count')) })));
  expect(wanted.length).toBeGreaterThanOrEqual(8);
  const seen: Record<string, number> = {};
  for (const cell of wanted) {
    seen[`${cell.form}/${cell.status}`] = cell.count;
    await page.locator(`[data-testid="form-status-count"][data-form-id="${cell.form}"][data-status="${cell.status}"]`).click();
    await expect(page.getByTestId('office-queue')).toBeVisible();
    await expect(page.getByTestId('queue-total'), `${cell.form} ${cell.status}`).toHaveAttribute('data-total', String(cell.count));
    await expect(page.getByTestId('queue-row')).toHaveCount(Math.min(cell.count, 50));
    for (const status of await page.getByTestId('queue-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')))) expect(status).toBe(cell.status);
    await openTab(page, 'dashboard', 'office-dashboard');
  }
  return seen;
}

/** No status badge (or date/time cell) breaks onto a second line. */
async function expectStatusesOnOneLine(page: Page, scope: string): Promise<void> {
  const badges = page.getByTestId(scope).locator('.badge');
  const count = await badges.count();
  expect(count, `${scope} has status badges`).toBeGreaterThan(0);
  const tall = await badges.evaluateAll((els) => els.filter((el) => {
    const style = getComputedStyle(el);
    const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.6;
    const box = el.getBoundingClientRect();
    return box.height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom) > line * 1.5;
  }).map((el) => el.textContent));
  expect(tall, `${scope}: badges taller than one line`).toEqual([]);
}

test('audit in words, display names, unique short ids, dashboard = queue before and after approve, one-line statuses at 1024 px', async ({ browser, baseURL }) => {
  // A surveyor's tablet submits a record: the audit gets a push from a named device.
  const tablet = await openLoggedInContext(browser, baseURL, 'surveyor', '現場タブレット3号', TABLET_GPS);
  await tablet.page.goto('/');
  await expect(tablet.page.getByTestId('home-screen')).toBeVisible();
  await openSampleSurvey(tablet.page);
  const recordId = await createRecord(tablet.page);
  await fillValidRecord(tablet.page);
  await tablet.page.getByTestId('finalize').click();
  await expect(tablet.page.getByTestId('editor-notice')).toHaveAttribute('data-kind', 'ready');
  await syncNow(tablet.page);
  await tablet.context.close();

  const office = await openLoggedInContext(browser, baseURL, 'admin', '本庁PC', { viewport: WIDE });
  const page = office.page;
  await page.goto('/office/dashboard');
  await expect(page.getByTestId('office-dashboard')).toBeVisible();

  // Dashboard counts by form and status are the queue's, cell by cell; 申請 are their own row, not the surveys' drafts.
  const before = await expectDashboardEqualsQueue(page);
  // (Other specs may share the server: counts are compared, not assumed.)
  expect(before['field-check/submitted']).toBeGreaterThanOrEqual(1);
  expect(before['care-case/draft']).toBeGreaterThanOrEqual(4); // the seeded 申請, in their own row
  await expect(page.getByTestId('no-results')).toContainText('調査票を 1 つ選ぶ');
  await page.screenshot({ path: `${SHOTS}/f-dashboard-1440.png`, fullPage: true });

  // The queue: every status, short ids unique; searching a short id finds its record.
  await page.goto('/office?status=all');
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  const shorts = await page.getByTestId('queue-short-id').allInnerTexts();
  expect(shorts.length).toBeGreaterThanOrEqual(8);
  expect(new Set(shorts).size).toBe(shorts.length);
  const row = page.locator(`[data-testid="queue-row"][data-record-id="${recordId}"]`);
  const short = await row.getByTestId('queue-short-id').innerText();
  expect(recordId.endsWith(short)).toBe(true);
  const queueText = await visibleText(page, 'office-queue');
  for (const pattern of DEVELOPER_TEXT) expect(queueText).not.toMatch(pattern);
  expect(queueText).toContain('調査 太郎（デモ）'); // the assignee by display name
  expect(queueText).toMatch(/\d{4}\/\d\d\/\d\d \d\d:\d\d/); // Tokyo local time
  await page.screenshot({ path: `${SHOTS}/f-queue-1440.png`, fullPage: true });
  await page.getByTestId('filter-q').fill(short);
  await page.getByTestId('filter-search').click();
  await expect(page.getByTestId('queue-total')).toHaveAttribute('data-total', '1');
  await expect(row).toBeVisible();

  // Approve it; the record page shows the short id and its history in words.
  await row.getByTestId('queue-open').click();
  await expect(page.getByTestId('office-record')).toBeVisible();
  await expect(page.getByTestId('office-short-id')).toHaveText(short);
  await page.getByTestId('review-approve').click();
  await expect(page.getByTestId('review-done')).toHaveAttribute('data-action', 'approve');
  await page.reload();
  await expect(page.getByTestId('office-record')).toHaveAttribute('data-status', 'approved');
  const recordAudit = page.getByTestId('audit-table');
  await expect(recordAudit).toContainText('承認しました');
  await expect(recordAudit).toContainText('記録を作成して提出しました');
  await expect(recordAudit).toContainText('現場タブレット3号');
  await expect(recordAudit).toContainText('調査 太郎（デモ）');
  const recordText = await visibleText(page, 'office-record');
  for (const pattern of DEVELOPER_TEXT) expect(recordText).not.toMatch(pattern);
  await page.screenshot({ path: `${SHOTS}/f-record-1440.png`, fullPage: true });

  // After approve: still equal, and the approved record is counted as approved.
  const after = await expectDashboardEqualsQueue(page);
  expect(after['field-check/approved']).toBe((before['field-check/approved'] ?? 0) + 1);
  expect(after['field-check/submitted']).toBe((before['field-check/submitted'] ?? 0) - 1);

  // 監査ログ: sentences with display names, device labels and record titles; the raw detail only when unfolded.
  await openTab(page, 'audit', 'office-audit');
  const audit = page.getByTestId('audit-table');
  await expect(audit).toContainText('承認しました');
  await expect(audit).toContainText('記録を作成して提出しました');
  await expect(audit).toContainText('管理者（デモ）');
  await expect(audit).toContainText('現場タブレット3号');
  // The 操作者 column names people, never login names (device labels are whatever other tests typed, so only this column is checked).
  const actors = await audit.locator('[data-testid="audit-row"] td:nth-child(2)').allInnerTexts();
  expect(actors.length).toBeGreaterThan(0);
  for (const actor of actors) expect(actor.trim()).not.toMatch(/^(admin|surveyor|supervisor|assessor)$/);
  const auditText = await visibleText(page, 'office-audit');
  for (const pattern of DEVELOPER_TEXT) expect(auditText).not.toMatch(pattern);
  expect(auditText).toMatch(/\d{4}\/\d\d\/\d\d \d\d:\d\d/);
  await page.screenshot({ path: `${SHOTS}/f-audit-1440.png`, fullPage: true });
  const firstTechnical = page.locator('.office-technical').first();
  await firstTechnical.locator('summary').click();
  await expect(firstTechnical.locator('dl')).toBeVisible();

  // 1024 × 768: every office table keeps its statuses on one line.
  await page.setViewportSize(NARROW);
  await page.goto('/office/care');
  await expect(page.getByTestId('care-row').first()).toBeVisible();
  await expectStatusesOnOneLine(page, 'care-table');
  await page.screenshot({ path: `${SHOTS}/f-care-1024.png`, fullPage: true });
  await page.goto('/office?status=all');
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  await expectStatusesOnOneLine(page, 'queue-table');
  await page.screenshot({ path: `${SHOTS}/f-queue-1024.png`, fullPage: true });
  await page.goto('/office/dashboard');
  await expect(page.getByTestId('counts-by-form')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/f-dashboard-1024.png`, fullPage: true });
  await page.goto('/office/audit');
  await expect(page.getByTestId('audit-row').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/f-audit-1024.png`, fullPage: true });
  // Nothing in the office is wider than the screen except inside a table's own scroller.
  for (const path of ['/office/care', '/office?status=all', '/office/dashboard', '/office/audit', '/office/admin']) {
    await page.goto(path);
    await expect(page.getByTestId('office')).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(NARROW.width);
  }
  await office.context.close();
});

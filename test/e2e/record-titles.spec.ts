// Record titles as data, end to end on a 768×1024 tablet and the office: a 調査票 started from a case is titled with the applicant and 申請番号 (not the assessor typed first) in the editor, the tablet list and the office queue, whose search finds it; the PDF is named after them; the map's zoom buttons are 44-px Japanese-labelled targets.
import { readFileSync } from 'node:fs';
import { expect, test, type Locator } from '@playwright/test';
import { apiGet, apiToken, expectSaved, openLoggedInContext, syncNow } from './helpers.ts';

// Two logins, a PDF with an embedded font and a sync on a slow machine.
test.setTimeout(300_000);

const SHOTS = 'test-results/screenshots';
const TABLET = { timezoneId: 'Asia/Tokyo' };
const OFFICE = { viewport: { width: 1440, height: 900 } };
/** DEMO-0002 (見本 太郎, tomorrow): care-assessment.spec.ts surveys DEMO-0001, so the two can share a server. */
const CASE_NUMBER = 'DEMO-0002';
const APPLICANT = '見本 太郎';
const ASSESSOR = '記入 一郎';

async function expectTouchTarget(locator: Locator): Promise<void> {
  const box = await locator.boundingBox();
  expect(box, 'visible').not.toBeNull();
  expect(box!.width).toBeGreaterThanOrEqual(44);
  expect(box!.height).toBeGreaterThanOrEqual(44);
}

async function caseIdOf(request: Parameters<typeof apiToken>[0]): Promise<string> {
  const token = await apiToken(request, 'supervisor', 'e2e-titles-supervisor');
  const { cases } = await apiGet<{ cases: { id: string; caseNumber: string }[] }>(request, token, '/api/office/care/cases');
  const found = cases.find((c) => c.caseNumber === CASE_NUMBER);
  if (!found) throw new Error(`${CASE_NUMBER} is not seeded`);
  return found.id;
}

test('a 調査票 is titled with the applicant and 申請番号 on the tablet, in the office queue and its search, and in the PDF name', async ({ browser, baseURL, request }) => {
  const { context, page } = await openLoggedInContext(browser, baseURL, 'assessor', '認定調査タブレット', TABLET);
  const caseId = await caseIdOf(request);

  // The case's map: zoom buttons large enough for a finger, labelled in Japanese.
  await page.goto(`/care/case/${encodeURIComponent(caseId)}`);
  await expect(page.getByTestId('care-case')).toBeVisible();
  const zoomIn = page.getByTestId('care-map').locator('.leaflet-control-zoom-in');
  const zoomOut = page.getByTestId('care-map').locator('.leaflet-control-zoom-out');
  await expect(zoomIn).toHaveAttribute('title', '拡大');
  await expect(zoomIn).toHaveAttribute('aria-label', '拡大');
  await expect(zoomOut).toHaveAttribute('title', '縮小');
  await expectTouchTarget(zoomIn);
  await expectTouchTarget(zoomOut);
  await page.getByTestId('care-map').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/a-care-map-768x1024.png` });

  // Start the 調査票: the applicant's name and 申請番号 come from the case and title the editor.
  await page.getByTestId('care-start-assessment').click();
  await expect(page.getByTestId('editor')).toBeVisible();
  const recordId = decodeURIComponent(/\/record\/([^/]+)$/.exec(new URL(page.url()).pathname)?.[1] ?? '');
  expect(recordId).not.toBe('');
  const title = page.getByTestId('editor-title');
  await expect(page.getByTestId('editor-record-title')).toHaveText(APPLICANT);
  await expect(title).toContainText(`申請番号 ${CASE_NUMBER}`);
  // The assessor types their own name first (section 1): the title stays the applicant's (it used to become the assessor's).
  await page.getByTestId('section-overview_1').click();
  await page.getByTestId('field-surveyor_name').locator('input').fill(ASSESSOR);
  await page.getByTestId('field-survey_datetime').locator('input').first().fill('2026-12-04T10:00');
  await expectSaved(page);
  await expect(page.getByTestId('editor-record-title')).toHaveText(APPLICANT);
  await expect(title).toContainText('調査日 2026-12-04');
  await page.screenshot({ path: `${SHOTS}/a-editor-title-768x1024.png` });

  // The PDF made on the tablet is named 調査票_<申請番号>_<氏名>_<調査日>.pdf.
  const downloading = page.waitForEvent('download');
  await page.getByTestId('care-pdf').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`調査票_${CASE_NUMBER}_${APPLICANT}_2026-12-04.pdf`);
  expect(readFileSync(await download.path()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // The tablet's list of 調査票.
  await page.goto('/survey/care-assessment');
  const item = page.locator(`[data-testid="record-item"][data-record-id="${recordId}"]`);
  await expect(item.getByTestId('record-title')).toHaveText(APPLICANT);
  await expect(item.getByTestId('record-subtitle')).toHaveText(`申請番号 ${CASE_NUMBER} ・ 調査日 2026-12-04`);
  await expect(item).not.toContainText(ASSESSOR);
  await page.screenshot({ path: `${SHOTS}/a-tablet-list-768x1024.png` });

  // Synced: the office queue shows the same title, and its search finds the applicant's name and the 申請番号.
  await syncNow(page);
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0');
  await context.close();
  const office = await openLoggedInContext(browser, baseURL, 'supervisor', '本庁PC', OFFICE);
  const desk = office.page;
  for (const query of [APPLICANT, CASE_NUMBER]) {
    await desk.goto(`/office?status=draft&q=${encodeURIComponent(query)}`);
    await expect(desk.getByTestId('office-queue')).toBeVisible();
    const row = desk.locator(`[data-testid="queue-row"][data-record-id="${recordId}"]`);
    await expect(row.getByTestId('queue-title')).toHaveText(APPLICANT);
    await expect(row.getByTestId('queue-subtitle')).toHaveText(`申請番号 ${CASE_NUMBER} ・ 調査日 2026-12-04`);
  }
  await desk.goto(`/office?status=all&q=${encodeURIComponent(ASSESSOR)}`);
  await expect(desk.getByTestId('office-queue')).toBeVisible();
  await expect(desk.getByTestId('queue-total')).toHaveAttribute('data-total', '0');
  await desk.goto(`/office?status=draft&q=${encodeURIComponent(APPLICANT)}`);
  await expect(desk.locator(`[data-testid="queue-row"][data-record-id="${recordId}"]`)).toBeVisible();
  await desk.screenshot({ path: `${SHOTS}/a-office-queue-1440x900.png` });

  // The record page carries the title too.
  await desk.locator(`[data-testid="queue-row"][data-record-id="${recordId}"]`).getByTestId('queue-open').click();
  await expect(desk.getByTestId('office-record-title')).toHaveText(APPLICANT);
  await expect(desk.getByTestId('office-record-subtitle')).toHaveText(`申請番号 ${CASE_NUMBER} ・ 調査日 2026-12-04`);
  await desk.screenshot({ path: `${SHOTS}/a-office-record-1440x900.png` });

  // The same queue on a 768×1024 tablet-sized screen.
  await desk.setViewportSize({ width: 768, height: 1024 });
  await desk.goto(`/office?status=draft&q=${encodeURIComponent(APPLICANT)}`);
  await expect(desk.locator(`[data-testid="queue-row"][data-record-id="${recordId}"]`).getByTestId('queue-title')).toHaveText(APPLICANT);
  await desk.screenshot({ path: `${SHOTS}/a-office-queue-768x1024.png` });

  await office.context.close();
});

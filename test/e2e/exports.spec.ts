// Office exports people can open (issue 13, finding 10): the export button shows its progress, the CSV has Japanese headers, choice labels and Tokyo times, a refusal is said in Japanese.
import { readFile } from 'node:fs/promises';
import { expect, test, type APIRequestContext, type Route } from '@playwright/test';
import { newRecordId, op, pushBody } from '../sync-server/ops.ts';
import { parseCsv } from '../office/csv-parse.ts';
import { apiGet, apiToken, openLoggedInContext } from './helpers.ts';

test.setTimeout(120_000);

const SHOTS = 'test-results/screenshots';
const OFFICE = { viewport: { width: 1440, height: 900 } };
/** 23:00 UTC: the next morning 08:00 in Tokyo, which is what the clerk must read. */
const APPOINTMENT_UTC = '2026-12-04T23:00:00Z';

/** A field-check record pushed by the surveyor's API device, with a multi-select and a date-time in UTC. */
async function pushRecord(request: APIRequestContext): Promise<string> {
  const deviceId = newRecordId();
  const token = await apiToken(request, 'surveyor', deviceId);
  const recordId = newRecordId();
  const answers = {
    inspector_name: '出力 確認子', survey_date: '2025-03-28', prefecture: 'higashi', city: 'midori', building_count: 1,
    defects: ['leak', 'crack'], appointment: APPOINTMENT_UTC, location: { lat: 35.6812, lng: 139.7671 },
  };
  const res = await request.post('/api/sync/push', {
    data: pushBody(deviceId, [op({ deviceId, seq: 1, recordId, path: '@create', value: answers })]),
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status(), await res.text()).toBe(200);
  return recordId;
}

/** Holds the server's answer back until the test has seen the progress the office shows while a file is built; `release()` lets it through. */
function heldBack(): { handler: (route: Route) => Promise<void>; release: () => void } {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  return {
    handler: async (route) => {
      const response = await route.fetch();
      await released;
      await route.fulfill({ response });
    },
    release: () => release(),
  };
}

test('an export shows its progress, and the downloaded CSV has Japanese headers, choice labels and Tokyo times', async ({ browser, baseURL, request }) => {
  const recordId = await pushRecord(request);
  const supervisorToken = await apiToken(request, 'supervisor', newRecordId());
  const detail = await apiGet<{ record: { createdAt: string } }>(request, supervisorToken, `/api/office/records/${recordId}`);

  const { context, page } = await openLoggedInContext(browser, baseURL, 'supervisor', '本庁PC', OFFICE);
  // Every status: the record the API device pushed is a draft.
  await page.goto('/office?form=field-check&status=all');
  await expect(page.getByTestId('office-queue')).toBeVisible();
  const csvHeld = heldBack();
  await page.route('**/api/office/export.csv*', csvHeld.handler);

  const download = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  // While the server builds the file: the button says 作成中… with a spinner, every export button waits, a bar runs.
  await expect(page.getByTestId('export-csv')).toContainText('作成中…');
  await expect(page.getByTestId('export-csv').locator('.office-spinner')).toBeVisible();
  for (const format of ['csv', 'geojson', 'xlsx']) await expect(page.getByTestId(`export-${format}`)).toBeDisabled();
  await expect(page.getByTestId('export-progress')).toContainText('サーバーで作成中');
  await expect(page.getByTestId('export-progress').locator('progress')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/e-export-progress-1440x900.png` });
  csvHeld.release();

  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^genba-records-\d{8}-\d{4}\.csv$/);
  await expect(page.getByTestId('export-saved')).toContainText('を保存しました');
  await expect(page.getByTestId('export-csv')).toBeEnabled();
  await expect(page.getByTestId('export-csv')).toHaveText('CSV');

  const bytes = await readFile((await file.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = parseCsv(bytes.toString('utf8').slice(1)) as [string[], ...string[][]];
  for (const column of ['記録ID', '記録名', '調査票', '状態', '作成日時', '担当者名', '不具合', '次回訪問予定', '都道府県']) expect(header, column).toContain(column);
  expect(header).not.toContain('inspector_name');
  const row = rows.find((r) => r[0] === recordId)!;
  const cell = (name: string) => row[header.indexOf(name)];
  expect(cell('担当者名')).toBe('出力 確認子');
  expect(cell('不具合')).toBe('漏れ、ひび割れ');
  expect(cell('都道府県')).toBe('ひがし県');
  expect(cell('調査票')).toBe('現地確認（設備点検）');
  expect(cell('次回訪問予定')).toBe('2026-12-05 08:00');
  const tokyo = new Date(Date.parse(detail.record.createdAt) + 9 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
  expect(cell('作成日時')).toBe(tokyo);
  await page.screenshot({ path: `${SHOTS}/e-export-done-1440x900.png` });

  // A refused export is explained in Japanese, and the buttons are usable again.
  await page.route('**/api/office/export.xlsx*', (route) =>
    route.fulfill({ status: 422, contentType: 'application/json', body: JSON.stringify({ error: { code: 'E_EXPORT_TOO_LARGE', message: 'too many' } }) }),
  );
  await page.getByTestId('export-xlsx').click();
  await expect(page.locator('.office-exports [role="alert"]')).toHaveText('出力する件数が多すぎます。条件を絞ってください。');
  await expect(page.getByTestId('export-xlsx')).toBeEnabled();
  await page.screenshot({ path: `${SHOTS}/e-export-error-1440x900.png` });
  await context.close();
});

test('the certification-system CSV on the care screen shows the same progress', async ({ browser, baseURL }) => {
  const { context, page } = await openLoggedInContext(browser, baseURL, 'supervisor', '本庁PC', OFFICE);
  await page.goto('/office/care');
  await expect(page.getByTestId('office-care')).toBeVisible();
  const held = heldBack();
  await page.route('**/api/office/care/export.csv*', held.handler);
  const download = page.waitForEvent('download');
  await page.getByTestId('care-export').click();
  await expect(page.getByTestId('care-export')).toBeDisabled();
  await expect(page.getByTestId('care-export')).toContainText('作成中…');
  await expect(page.getByTestId('export-progress')).toContainText('サーバーで作成中');
  await page.getByTestId('care-export').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/e-care-export-progress-1440x900.png` });
  held.release();
  await download;
  await expect(page.getByTestId('export-saved')).toContainText('を保存しました');
  await expect(page.getByTestId('care-export')).toBeEnabled();
  await context.close();
});

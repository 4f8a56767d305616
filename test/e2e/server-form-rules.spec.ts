// The server applies the form's rules to what tablets send: calculated answers are its own (the tablet never sends
// them), and a change to a field that became read-only on another tablet is refused and shown, in Japanese, on the
// tablet that made it — never silently dropped.
import { expect, test } from '@playwright/test';
import { apiGet, apiToken, expectSaved, openRecordFromList, syncNow, twoTabletsWithNewRecord } from './helpers.ts';

test.use({ viewport: { width: 768, height: 1024 } });
test.setTimeout(180_000);

interface RecordAnswer { record: { answers: Record<string, unknown>; fieldVersions: Record<string, number> } }

test('calculated answers come from the server; an edit made read-only by another tablet is refused and listed with its reason', async ({ browser, baseURL, request }) => {
  const { a, b, recordId } = await twoTabletsWithNewRecord(browser, baseURL);
  await a.page.getByTestId('section-buildings_section').click();
  await a.page.getByTestId('repeat-add-buildings').click();
  await a.page.getByLabel('建築年').fill('1975');
  await expectSaved(a.page);
  await syncNow(a.page);
  await expect(a.page.getByTestId('rejected-ops')).toHaveCount(0);

  // The tablet sent no calculated value; the server computed them from what it did send.
  const token = await apiToken(request, 'supervisor', 'e2e-form-rules');
  const stored = await apiGet<RecordAnswer>(request, token, `/api/records/${recordId}`);
  expect(stored.record.answers.buildings).toEqual([expect.objectContaining({ built_year: 1975, building_age: new Date().getFullYear() - 1975 })]);
  expect(stored.record.fieldVersions['buildings[0].building_age']).toBeGreaterThan(0);

  await syncNow(b.page);
  await a.context.setOffline(true);
  await b.context.setOffline(true);
  // A confirms the record (特記事項 becomes read-only); B, not knowing, writes a remark.
  await openRecordFromList(a.page, recordId);
  await a.page.getByTestId('section-wrapup').click();
  await a.page.getByTestId('field-confirmed').getByRole('radio', { name: 'はい' }).check();
  await expectSaved(a.page);
  await openRecordFromList(b.page, recordId);
  await b.page.getByTestId('section-wrapup').click();
  await b.page.getByLabel('特記事項').fill('北側の外壁にひび割れ');
  await expectSaved(b.page);
  // A reaches the server first (B stays offline until then: going online starts a sync by itself).
  await a.context.setOffline(false);
  await syncNow(a.page);
  await b.context.setOffline(false);
  await syncNow(b.page);

  const refused = b.page.getByTestId('rejected-op');
  await expect(refused).toHaveCount(1);
  // Named as the surveyor knows it: the record's title and the field's label, not ids.
  await expect(refused).toHaveAttribute('data-path', 'overall_notes');
  await expect(refused).toContainText('山田 太郎：特記事項 = 北側の外壁にひび割れ');
  await expect(refused).toContainText('変更できない項目です');
  await expect(refused).toContainText('E_READONLY');
  await b.page.screenshot({ path: 'test-results/server-form-rules-refused.png', fullPage: true });
  const after = await apiGet<RecordAnswer>(request, token, `/api/records/${recordId}`);
  expect(after.record.answers).toMatchObject({ confirmed: true });
  expect(after.record.answers.overall_notes ?? null).toBeNull();

  await a.context.close();
  await b.context.close();
});

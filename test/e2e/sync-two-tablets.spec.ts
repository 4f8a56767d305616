// Two tablets (two browser contexts, the same surveyor) offline on one record: different fields merge; the same field becomes a conflict a supervisor sees.
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, createRecord, expectSaved, editSameFieldOffline, openLoggedInContext, openRecordFromList, openSampleSurvey, syncBadge, syncNow } from './helpers.ts';

test.use({ viewport: { width: 768, height: 1024 } });
// Two tablets, three sync rounds and real logins (scrypt): longer than a single-page test.
test.setTimeout(180_000);

test('offline edits on two tablets: different fields merge, the same field is a conflict for the supervisor', async ({ browser, baseURL, request }) => {
  const a = await openLoggedInContext(browser, baseURL, 'surveyor', 'タブレットA');
  const b = await openLoggedInContext(browser, baseURL, 'surveyor', 'タブレットB');

  // Tablet A creates the record and sends it; tablet B receives it.
  await a.page.getByTestId('nav-settings').click();
  await expect(a.page.getByTestId('account-user')).toContainText('被害認定調査員');
  await a.page.goto('/');
  await openSampleSurvey(a.page);
  const recordId = await createRecord(a.page);
  await a.page.getByLabel('担当者名').fill('山田 太郎');
  await expectSaved(a.page);
  await syncNow(a.page);
  await expect(a.page.getByTestId('pending-count')).toHaveAttribute('data-count', '0');
  await expect(await syncBadge(a.page, recordId)).toHaveAttribute('data-sync-state', 'synced');

  await syncNow(b.page);
  await openRecordFromList(b.page, recordId);
  await expect(b.page.getByLabel('担当者名')).toHaveValue('山田 太郎');

  // Both offline; each edits a different field.
  await a.context.setOffline(true);
  await b.context.setOffline(true);
  await openRecordFromList(a.page, recordId);
  await a.page.getByTestId('section-site').click();
  await a.page.getByLabel('棟数').fill('3');
  await expectSaved(a.page);
  await openRecordFromList(b.page, recordId);
  await b.page.getByTestId('section-wrapup').click();
  await b.page.getByLabel('特記事項').fill('屋根瓦に損傷あり');
  await expectSaved(b.page);
  await expect(a.page.getByTestId('sync-status')).toHaveAttribute('data-phase', /offline|idle/);
  await expect(await syncBadge(a.page, recordId)).toHaveAttribute('data-sync-state', 'pending');

  // Back online: A, B, then A again so each has the other's change.
  await a.context.setOffline(false);
  await b.context.setOffline(false);
  await syncNow(a.page);
  await syncNow(b.page);
  await syncNow(a.page);
  for (const { page } of [a, b]) {
    await openRecordFromList(page, recordId);
    await expect(page.getByLabel('担当者名')).toHaveValue('山田 太郎');
    await page.getByTestId('section-site').click();
    await expect(page.getByLabel('棟数')).toHaveValue('3');
    await page.getByTestId('section-wrapup').click();
    await expect(page.getByLabel('特記事項')).toHaveValue('屋根瓦に損傷あり');
    await expect(await syncBadge(page, recordId)).toHaveAttribute('data-sync-state', 'synced');
  }

  // Both offline again; both change the SAME field to different values.
  await editSameFieldOffline(a, b, recordId, '担当者名', ['佐藤 花子', '鈴木 一郎']);

  // The supervisor sees one open conflict holding both candidates.
  const loginRes = await request.post('/api/auth/login', {
    data: { username: 'supervisor', password: DEMO_PASSWORD, deviceId: 'e2e-supervisor-pc', deviceLabel: 'office PC' },
  });
  expect(loginRes.status()).toBe(200);
  const { token } = (await loginRes.json()) as { token: string };
  const conflictsRes = await request.get(`/api/conflicts?status=open&recordId=${recordId}`, { headers: { authorization: `Bearer ${token}` } });
  expect(conflictsRes.status()).toBe(200);
  const body = (await conflictsRes.json()) as { conflicts: { path: string; kind: string; candidates: { value: unknown }[] }[] };
  expect(body.conflicts).toHaveLength(1);
  expect(body.conflicts[0]?.path).toBe('inspector_name');
  expect(body.conflicts[0]?.kind).toBe('same-field');
  expect(body.conflicts[0]?.candidates.map((c) => c.value).sort()).toEqual(['佐藤 花子', '鈴木 一郎']);

  // Both tablets show the conflict and the same provisional value.
  const shown: string[] = [];
  for (const { page } of [a, b]) {
    await expect(await syncBadge(page, recordId)).toHaveAttribute('data-sync-state', 'conflict');
    await openRecordFromList(page, recordId);
    // Named by its label, as the person knows the field (never the form's internal id).
    await expect(page.getByTestId('conflict-notice')).toContainText('担当者名');
    await expect(page.getByTestId('conflict-notice')).not.toContainText('inspector_name');
    shown.push(await page.getByLabel('担当者名').inputValue());
  }
  expect(shown[0]).toBe(shown[1]);
  expect(['佐藤 花子', '鈴木 一郎']).toContain(shown[0]);

  await a.context.close();
  await b.context.close();
});

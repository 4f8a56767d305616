// Drafts made with an older form version: migrated with the declared migration (and the user told), or opened read-only with their own definition — never lost.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { FormDefinition } from '../../src/engine/types.ts';
import { loadControlledApp, SAMPLE_FORM } from './helpers.ts';

const current = JSON.parse(readFileSync(`forms/${SAMPLE_FORM}/form.json`, 'utf8')) as FormDefinition;
const v1Answers = JSON.parse(readFileSync(`forms/${SAMPLE_FORM}/fixtures/v1-draft.json`, 'utf8')) as Record<string, unknown>;

/** An older version of the sample form: `surveyor` was renamed `inspector_name` in version 2. */
function olderVersion(version: number): FormDefinition {
  const text = JSON.stringify({ ...current, version, migrations: undefined }).replaceAll('"inspector_name"', '"surveyor"');
  return JSON.parse(text) as FormDefinition;
}

/** Puts a cached form definition and a draft straight into the device database, as an older app version would have left them. */
async function seedDraft(page: Page, form: FormDefinition, record: { id: string; formVersion: number; answers: Record<string, unknown> }): Promise<void> {
  await page.evaluate(
    async ({ form, record }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('genba');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const now = new Date().toISOString();
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['forms', 'records'], 'readwrite');
        tx.objectStore('forms').put({ id: form.id, version: form.version, definition: form, savedAt: now });
        tx.objectStore('records').put({
          id: record.id, formId: form.id, formVersion: record.formVersion, answers: record.answers, fieldClocks: {},
          status: 'draft', errorCount: 1, acknowledgedWarnings: {}, title: 'old draft', deviceId: 'seeded', createdAt: now, updatedAt: now,
        });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { form, record },
  );
}

test('a draft of the previous version is migrated and the user is told', async ({ page }) => {
  await loadControlledApp(page, 'surveyor');
  await seedDraft(page, olderVersion(1), { id: '01900000-0000-7000-8000-000000000001', formVersion: 1, answers: v1Answers });
  await page.goto('/record/01900000-0000-7000-8000-000000000001');
  const notice = page.getByTestId('editor-notice');
  await expect(notice).toHaveAttribute('data-kind', 'migrated');
  await expect(notice).toContainText(`第1版から第${current.version}版`);
  // The renamed answer arrives in its new field, editable.
  await expect(page.getByLabel('担当者名')).toHaveValue(String(v1Answers.surveyor));
  await expect(page.getByLabel('担当者名')).toBeEnabled();
});

test('a draft that cannot be migrated opens read-only with its own definition', async ({ page }) => {
  await loadControlledApp(page, 'surveyor');
  // No migration step leads from version 0: the engine refuses, the draft must still open.
  await seedDraft(page, olderVersion(0), { id: '01900000-0000-7000-8000-000000000002', formVersion: 0, answers: { surveyor: '旧版 次郎' } });
  await page.goto('/record/01900000-0000-7000-8000-000000000002');
  await expect(page.getByTestId('editor-notice')).toHaveAttribute('data-kind', 'old-version');
  await expect(page.getByTestId('editor-notice')).toContainText('閲覧のみ');
  const name = page.getByTestId('field-surveyor').getByRole('textbox');
  await expect(name).toHaveValue('旧版 次郎');
  await expect(name).toBeDisabled();
  await expect(page.getByTestId('finalize')).toHaveCount(0);
});

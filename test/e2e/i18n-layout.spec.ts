// Japanese and English UIs, the language choice persisting, and the tablet layouts (portrait 768×1024, landscape 1280×800) with screenshots.
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { createRecord, expectSaved, loadControlledApp, openSampleSurvey } from './helpers.ts';

// A login comes first now (nothing is fillable before it, issue 13), which adds its own seconds.
test.setTimeout(120_000);

const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

test('Japanese by default, English switchable, and the choice survives a reload', async ({ page }) => {
  await loadControlledApp(page, 'surveyor');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('heading', { name: '調査票' })).toBeVisible();
  await expect(page.getByTestId('survey-field-check')).toContainText('現地確認（設備点検）');

  await page.getByTestId('language-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'Surveys' })).toBeVisible();
  await expect(page.getByTestId('survey-field-check')).toContainText('Field equipment check');
  await expect(page.getByTestId('net-status')).toHaveText(/Online/);

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Surveys' })).toBeVisible();
  await openSampleSurvey(page);
  await createRecord(page);
  await expect(page.getByLabel('Inspector name')).toBeVisible();
  await expect(page.getByTestId('section-basic')).toContainText('Basic information');
  await page.getByTestId('finalize').click();
  await expect(page.getByTestId('finalize-message')).toContainText(/Cannot finalize: \d+ errors remain/);
  await shot(page, 'editor-en-1280x720');

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-ja').click();
  await expect(page.getByRole('heading', { name: '設定' })).toBeVisible();
  await expect(page.getByTestId('language-ja')).toHaveAttribute('aria-checked', 'true');
});

test.describe('portrait tablet 768×1024', () => {
  test.use({ viewport: { width: 768, height: 1024 } });

  test('main screens render with large touch targets; section navigation sits above the form', async ({ page }) => {
    await loadControlledApp(page, 'surveyor');
    const offlineReady = page.getByTestId('offline-ready');
    if (await offlineReady.isVisible()) await offlineReady.getByRole('button').click();
    await shot(page, 'home-768x1024');
    await openSampleSurvey(page);
    await createRecord(page);
    await page.getByLabel('担当者名').fill('山田 太郎');
    await page.getByLabel('担当者名').fill('');
    await page.getByLabel('担当者名').blur();
    await expectSaved(page);
    await shot(page, 'editor-768x1024');

    const nav = await page.getByTestId('section-nav').boundingBox();
    const section = await page.getByTestId('section-view-basic').boundingBox();
    expect(nav && section && nav.y + nav.height <= section.y).toBe(true);

    for (const target of [page.getByTestId('finalize'), page.getByTestId('section-site'), page.getByLabel('担当者名'), page.getByTestId('field-prefecture').locator('.choice').first()]) {
      const box = await target.boundingBox();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    }

    await page.getByTestId('section-site').click();
    await shot(page, 'editor-site-768x1024');
    await page.getByRole('button', { name: '戻る' }).click();
    await shot(page, 'records-768x1024');
    await page.getByTestId('nav-settings').click();
    await expect(page.getByTestId('device-id')).not.toBeEmpty();
    await expect(page.getByTestId('storage-estimate')).toContainText('使用中');
    await shot(page, 'settings-768x1024');
  });
});

test.describe('landscape tablet 1280×800', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('section navigation is a side list beside the form', async ({ page }) => {
    await loadControlledApp(page, 'surveyor');
    await openSampleSurvey(page);
    await createRecord(page);
    const nav = await page.getByTestId('section-nav').boundingBox();
    const section = await page.getByTestId('section-view-basic').boundingBox();
    expect(nav && section && nav.x + nav.width <= section.x && Math.abs(nav.y - section.y) < 40).toBe(true);
    await shot(page, 'editor-1280x800');
  });
});

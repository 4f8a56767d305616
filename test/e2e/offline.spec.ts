// Offline work: a record created and filled offline survives a reload and a brand-new browser session on the same profile.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { CHROMIUM_LAUNCH, createRecord, expectSaved, loadControlledApp, openSampleSurvey } from './helpers.ts';

// A login comes first now (nothing is fillable before it, issue 13), which adds its own seconds.
test.setTimeout(120_000);

test('a record filled offline survives a reload and a new browser context on the same profile', async ({ baseURL }) => {
  const profile = mkdtempSync(join(tmpdir(), 'genba-e2e-profile-'));
  try {
    const first = await chromium.launchPersistentContext(profile, { ...CHROMIUM_LAUNCH, baseURL, viewport: { width: 768, height: 1024 } });
    const page = first.pages()[0] ?? (await first.newPage());
    await loadControlledApp(page, 'surveyor');

    await first.setOffline(true);
    await page.reload();
    await expect(page.getByTestId('net-status')).toHaveClass(/is-offline/);
    await openSampleSurvey(page);
    const recordId = await createRecord(page);
    await page.getByLabel('担当者名').fill('オフライン 花子');
    await page.getByTestId('section-site').click();
    await page.getByLabel('棟数').fill('7');
    await expectSaved(page);
    // Every change waits in the outbox for the next sync.
    await expect(page.getByTestId('pending-count')).not.toHaveAttribute('data-count', '0');

    await page.reload();
    await expect(page.getByTestId('editor')).toBeVisible();
    await expect(page.getByLabel('担当者名')).toHaveValue('オフライン 花子');
    await first.close();

    const second = await chromium.launchPersistentContext(profile, { ...CHROMIUM_LAUNCH, baseURL, viewport: { width: 768, height: 1024 }, offline: true });
    const again = second.pages()[0] ?? (await second.newPage());
    await again.goto('/');
    await expect(again.getByTestId('home-screen')).toBeVisible();
    await openSampleSurvey(again);
    const item = again.locator(`[data-record-id="${recordId}"]`);
    await expect(item).toContainText('オフライン 花子');
    await item.getByTestId('record-open').click();
    await expect(again.getByLabel('担当者名')).toHaveValue('オフライン 花子');
    await again.getByTestId('section-site').click();
    await expect(again.getByLabel('棟数')).toHaveValue('7');
    await second.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

// The installed app: the service worker controls the page, an offline reload still shows the app, the manifest and icons are right.
import { expect, test } from '@playwright/test';
import { loadControlledApp, SAMPLE_FORM } from './helpers.ts';

test('the service worker controls the page after a reload', async ({ page }) => {
  await loadControlledApp(page);
  const scriptURL = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);
  expect(scriptURL).toMatch(/\/sw\.js$/);
});

test('offline, a reload still shows the app and the cached survey list', async ({ page, context }) => {
  await loadControlledApp(page, 'surveyor');
  await expect(page.getByTestId(`survey-${SAMPLE_FORM}`)).toBeVisible();
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('home-screen')).toBeVisible();
  await expect(page.getByTestId(`survey-${SAMPLE_FORM}`)).toBeVisible();
  await expect(page.getByTestId('net-status')).toContainText('オフライン');
  // A deep link (SPA route) is answered by the service worker's navigation fallback too.
  await page.goto(`/survey/${SAMPLE_FORM}`);
  await expect(page.getByTestId('record-list-screen')).toBeVisible();
  await context.setOffline(false);
});

test('the web manifest names the app and its three icons', async ({ request }) => {
  const manifest = (await (await request.get('/manifest.webmanifest')).json()) as { name: string; theme_color: string; icons: { src: string; purpose?: string }[] };
  expect(manifest.name).toContain('現場');
  expect(manifest.theme_color).toBe('#0b5394');
  expect(manifest.icons.map((i) => i.src)).toEqual(['/icons/icon-192.png', '/icons/icon-512.png', '/icons/icon-512-maskable.png']);
  for (const icon of manifest.icons) {
    const response = await request.get(icon.src);
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()['content-type']).toContain('image/png');
  }
});

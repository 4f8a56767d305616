// End-to-end tests in Debian's headless Chromium against the BUILT app served by the Genba server (never the dev server).
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4817);
// A fresh server database per run (the sync tests create records and conflicts); set once so workers agree.
process.env.E2E_DATA_DIR ??= `.data/e2e-${Date.now()}`;

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npx tsx sync-server/src/main.ts`,
    url: `http://127.0.0.1:${PORT}/healthz`,
    env: { PORT: String(PORT), HOST: '127.0.0.1', GENBA_DATA_DIR: process.env.E2E_DATA_DIR },
    reuseExistingServer: false,
    timeout: 60_000,
  },
});

// Unit and integration tests (Node): engine, protocol, data layer (fake-indexeddb), server. E2E runs under Playwright.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
  },
});

// `npm test`: the whole suite — typecheck, lint, unit/integration (Vitest), build, end-to-end (Playwright, real Chromium).
// Installs what it needs (npm ci; Debian's chromium when root) and ends with one "N passed, N failed" line.
import { existsSync, readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDeps, root, run } from './ensure-deps.mjs';

ensureDeps();

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() === 0) {
    console.log('[genba] installing Debian chromium for the end-to-end tests…');
    if (run('apt-get', ['update', '-qq']) === 0 && run('apt-get', ['install', '-y', '-qq', 'chromium'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }) === 0) return;
  }
  console.error('[genba] E_CHROMIUM: the end-to-end tests need Chromium at /usr/bin/chromium. Install it with: sudo apt-get install -y chromium (or set CHROMIUM_PATH).');
  process.exit(1);
}

const resultsDir = join(root, 'test-results');
mkdirSync(resultsDir, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const failedPhases = [];

function phase(name, cmd, args, env = {}) {
  console.log(`\n[genba] ── ${name} ──`);
  const status = run(cmd, args, { env: { ...process.env, ...env } });
  if (status !== 0) failedPhases.push(name);
  return status;
}

function countVitest(file) {
  if (!existsSync(file)) return;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += r.numPassedTests ?? 0;
  totals.failed += r.numFailedTests ?? 0;
  totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}

function countPlaywright(file) {
  if (!existsSync(file)) return;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += r.stats?.expected ?? 0;
  totals.failed += (r.stats?.unexpected ?? 0) + (r.stats?.flaky ?? 0);
  totals.skipped += r.stats?.skipped ?? 0;
}

phase('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
phase('lint', 'npx', ['eslint', '.', '--max-warnings', '0']);
const vitestJson = join(resultsDir, 'vitest.json');
phase('unit and integration (vitest)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
countVitest(vitestJson);
ensureChromium();
if (phase('build', 'npx', ['vite', 'build', '--logLevel', 'warn']) === 0) {
  const pwJson = join(resultsDir, 'playwright.json');
  phase('end-to-end (playwright, chromium)', 'npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });
  countPlaywright(pwJson);
}

console.log('');
if (failedPhases.length) console.log(`[genba] failed phases: ${failedPhases.join(', ')}`);
// A phase that failed without failing a counted test (typecheck, lint, build, a crashed runner) counts as one failure.
const uncounted = failedPhases.length && totals.failed === 0 ? failedPhases.length : 0;
console.log(`genba: ${totals.passed} passed, ${totals.failed + uncounted} failed, ${totals.skipped} skipped`);
process.exit(failedPhases.length || totals.failed ? 1 : 0);

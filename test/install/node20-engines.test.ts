// Every package the lock file installs supports the Node.js the README names (20.19): `npm ci` prints no EBADENGINE warning.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

describe('dependencies on Node 20', () => {
  it.skipIf(!process.version.startsWith('v20.'))('npm ci --dry-run warns about no engine (i18next, react-i18next, cookie and content-disposition chosen or overridden for it)', () => {
    // A dry run reads package-lock.json and checks each package's engines without touching node_modules.
    const run = spawnSync('npm', ['ci', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    const warnings = `${run.stdout}\n${run.stderr}`.split('\n').filter((line) => /EBADENGINE.*package:/.test(line));
    expect(warnings).toEqual([]);
  }, 150_000);
});

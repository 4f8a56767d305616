// The production server build: dist-server/main.js runs with plain node (no tsx), needs only "dependencies", finds forms/ and answers /healthz.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const BUNDLE = join(ROOT, 'dist-server', 'main.js');
let dataDir: string;

beforeAll(() => {
  const built = spawnSync(process.execPath, ['scripts/build-server.mjs'], { cwd: ROOT, encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
  dataDir = mkdtempSync(join(tmpdir(), 'genba-prod-'));
}, 60_000);

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The package a bare import names: "@scope/name" or "name" (without a sub-path). */
const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

describe('production server build', () => {
  it.each(['main.js', 'admin-cli.js'])('%s imports nothing but Node built-ins and packages listed in "dependencies" (npm prune --omit=dev keeps them)', (file) => {
    const source = readFileSync(join(ROOT, 'dist-server', file), 'utf8');
    const specifiers = [...source.matchAll(/(?:^|\n)import\s[^'"]*?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2] ?? '');
    const bare = specifiers.filter((s) => !s.startsWith('.') && !s.startsWith('/'));
    expect(bare.length).toBeGreaterThan(0);
    const dependencies = Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies);
    const builtins = new Set(builtinModules);
    const outside = bare.filter((s) => !s.startsWith('node:') && !builtins.has(s) && !dependencies.includes(packageOf(s)));
    expect(outside).toEqual([]);
    expect(source).not.toContain('sourceMappingURL');
  });

  it('starts with NODE_ENV=production and node alone (no tsx loader) and answers /healthz with the security headers', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', GENBA_DATA_DIR: dataDir, GENBA_STATIC_DIR: join(ROOT, 'test-results', 'no-dist') };
    // The test runner may have put a TypeScript loader in NODE_OPTIONS; the production start has none.
    delete env.NODE_OPTIONS;
    const child = spawn(process.execPath, [BUNDLE], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    try {
      const baseUrl = await new Promise<string>((resolveUrl, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start in 30 s:\n${log}`)), 30_000);
        const onData = (chunk: Buffer) => {
          log += chunk.toString();
          const match = /Genba is running on http:\/\/localhost:(\d+)\//.exec(log);
          if (match) {
            clearTimeout(timer);
            resolveUrl(`http://127.0.0.1:${match[1]}`);
          }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`exited with ${code}:\n${log}`));
        });
      });
      const res = await fetch(`${baseUrl}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true });
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);

  it('runs the admin CLI with node alone: list on a new data folder', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, GENBA_DATA_DIR: join(dataDir, 'cli') };
    delete env.NODE_OPTIONS;
    const run = spawnSync(process.execPath, [join(ROOT, 'dist-server', 'admin-cli.js'), 'list'], { cwd: ROOT, env, encoding: 'utf8', timeout: 30_000 });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  });
});

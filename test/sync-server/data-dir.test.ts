// The data folder is owner-only: created 0700, the SQLite database 0600, and a looser folder or file from before is tightened at start.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../sync-server/src/storage/index.ts';

const mode = (path: string) => statSync(path).mode & 0o777;
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'genba-datadir-'));
  dirs.push(dir);
  return dir;
};

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(process.platform === 'win32')('data folder permissions', () => {
  it('creates a new data folder 0700 and the database 0600', async () => {
    const dataDir = join(tempDir(), 'data');
    const store = await openStore({ dataDir });
    await store.close();
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(join(dataDir, 'genba.sqlite'))).toBe(0o600);
  });

  it('tightens a folder, database and blob files left readable by others', async () => {
    const dataDir = join(tempDir(), 'data');
    const first = await openStore({ dataDir });
    await first.close();
    mkdirSync(join(dataDir, 'blobs', 'ab'), { recursive: true });
    const blob = join(dataDir, 'blobs', 'ab', 'ab12');
    writeFileSync(blob, 'photo');
    chmodSync(blob, 0o644);
    chmodSync(join(dataDir, 'blobs', 'ab'), 0o755);
    chmodSync(join(dataDir, 'genba.sqlite'), 0o644);
    chmodSync(dataDir, 0o755);
    const second = await openStore({ dataDir });
    await second.close();
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(join(dataDir, 'blobs', 'ab'))).toBe(0o700);
    expect(mode(join(dataDir, 'genba.sqlite'))).toBe(0o600);
    expect(mode(blob)).toBe(0o600);
  });

  it('makes files created after start owner-only (umask), e.g. a blob written by the upload code', async () => {
    const dataDir = join(tempDir(), 'data');
    const store = await openStore({ dataDir });
    await store.close();
    const later = join(dataDir, 'later-file');
    writeFileSync(later, 'x');
    expect(mode(later)).toBe(0o600);
  });
});

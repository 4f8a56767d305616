// Prepares the data folder (SQLite database, blobs): owner-only, 0700 for folders and 0600 for files, tightened at every start.
import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';

export const DATA_DIR_MODE = 0o700;
export const DATA_FILE_MODE = 0o600;

/**
 * The folder holds every survey answer and photo: other local accounts on the machine must not read it.
 * The umask makes every file the server creates later owner-only as well (SQLite's -wal/-shm, blobs and
 * unfinished uploads), without each writer having to pass a mode. A folder or file left looser by an older
 * version or a copy is tightened here; symbolic links are left alone (their mode is not theirs).
 */
export function prepareDataDir(dataDir: string): void {
  // A worker thread may not set the umask (a test runner's); the server runs in the main thread.
  if (isMainThread) process.umask(0o077);
  mkdirSync(dataDir, { recursive: true, mode: DATA_DIR_MODE });
  tighten(dataDir);
}

function tighten(path: string): void {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    if ((stat.mode & 0o777) !== DATA_DIR_MODE) chmodSync(path, DATA_DIR_MODE);
    for (const entry of readdirSync(path)) tighten(join(path, entry));
  } else if ((stat.mode & 0o077) !== 0) {
    chmodSync(path, DATA_FILE_MODE);
  }
}

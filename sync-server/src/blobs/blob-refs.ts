// Which blobs a record's answers name (photo and signature values, originals too), and keeping blob_refs equal to it on every write.
import type { ServerRecord, SyncTx } from '../storage/sync-store.ts';
import { SHA256_PATTERN } from './blob-files.ts';

/** Answers nest groups in repeats in groups; deeper than this is not an answer any form produces. */
const MAX_DEPTH = 32;

/**
 * Every `hash` / `originalHash` string of 64 hex digits anywhere in the answers (the same rule the blob-access
 * migration applied to the records already stored). Structural, not per form: a record whose form changed version
 * still keeps its photos readable, and a value in a non-photo field cannot name a blob (push refuses it).
 */
export function blobHashesOf(answers: unknown): Set<string> {
  const found = new Set<string>();
  const walk = (value: unknown, depth: number): void => {
    if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      for (const item of value) walk(item, depth + 1);
      return;
    }
    const object = value as Record<string, unknown>;
    for (const key of ['hash', 'originalHash']) {
      const hash = object[key];
      if (typeof hash === 'string' && SHA256_PATTERN.test(hash)) found.add(hash);
    }
    for (const item of Object.values(object)) walk(item, depth + 1);
  };
  walk(answers, 0);
  return found;
}

const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));

/**
 * Called in the transaction that stores `record` (push, conflict resolution, office writes): afterwards blob_refs
 * lists exactly the blobs its answers name. Skips the store when the set did not change (most writes: a text edit).
 */
export async function syncBlobRefs(tx: SyncTx, record: ServerRecord, previous: ServerRecord | null, at: string): Promise<void> {
  const now = blobHashesOf(record.answers);
  if (sameSet(now, previous ? blobHashesOf(previous.answers) : new Set())) return;
  await tx.setBlobRefs(record.id, [...now], at);
}

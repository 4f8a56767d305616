// THE hook for encryption at rest: every record's answers pass through here on their way into and out of IndexedDB.
//
// Today the codec is the identity. To encrypt sensitive answers later (docs/ARCHITECTURE.md §8):
// - make StoredAnswers e.g. { v: 1; iv: string; data: ArrayBuffer } and encrypt/decrypt here with a
//   key derived from the user's credentials (WebCrypto AES-GCM), held in memory after unlock;
// - WebCrypto is async and IndexedDB transactions auto-commit while awaiting non-IDB promises, so
//   decrypt/encrypt must happen OUTSIDE the Dexie transaction: read → decrypt → change → encrypt,
//   then write in one transaction that re-checks the row's updatedAt (optimistic concurrency);
// - outbox values (outbox.ts) and previousVersions carry answers too: route them through here as well.
// Nothing else in the app reads `answers` from a stored row directly: recordCodec.ts calls these two.
import type { Answers } from '../engine/types.ts';

/** The form answers take at rest. */
export type StoredAnswers = Answers;

export function encodeAnswers(answers: Answers): StoredAnswers {
  return answers;
}

export function decodeAnswers(stored: StoredAnswers): Answers {
  return stored;
}

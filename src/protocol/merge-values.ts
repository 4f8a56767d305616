// How two concurrent values of one field combine, per the field's merge kind (set union, note append, photos by hash).
import { jsonEqual } from './json-equal.ts';

/**
 * replace: concurrent different values conflict (the default);
 * union:   select_multiple — set union;
 * append:  notes/comments (`merge: 'append'`) — both texts, older first;
 * photos:  photo lists — union by SHA-256 hash;
 * lww:     `merge: 'lww'` (GPS fixes, "last visited") — the higher hybrid logical clock wins.
 */
export type MergeKind = 'replace' | 'union' | 'append' | 'photos' | 'lww';

/** Union of two choice lists: the older list's order, then the newer list's new items. */
export function unionChoices(older: unknown, newer: unknown): unknown[] {
  const out: unknown[] = [];
  for (const item of [...asArray(older), ...asArray(newer)]) {
    if (!out.some((seen) => jsonEqual(seen, item))) out.push(item);
  }
  return out;
}

/** Union of two photo lists by hash (the first copy of a hash wins), older list first. */
export function unionPhotos(older: unknown, newer: unknown): unknown[] {
  const out: unknown[] = [];
  const hashes = new Set<string>();
  for (const photo of [...asArray(older), ...asArray(newer)]) {
    const hash = typeof photo === 'object' && photo !== null ? (photo as { hash?: unknown }).hash : undefined;
    const key = typeof hash === 'string' ? hash : JSON.stringify(photo);
    if (hashes.has(key)) continue;
    hashes.add(key);
    out.push(photo);
  }
  return out;
}

/**
 * Both texts, older first, one newline between. When one already contains the other (a device
 * appended to the text it had seen) the longer one is kept, so a note is never duplicated.
 */
export function appendTexts(older: unknown, newer: unknown): string | null {
  const a = typeof older === 'string' ? older : older == null ? '' : JSON.stringify(older);
  const b = typeof newer === 'string' ? newer : newer == null ? '' : JSON.stringify(newer);
  if (a === '' && b === '') return older === null || newer === null ? null : '';
  if (a.includes(b)) return a;
  if (b.includes(a)) return b;
  return `${a}\n${b}`;
}

function asArray(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === null || value === undefined ? [] : [value];
}

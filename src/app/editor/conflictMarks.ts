// Pure: the conflict marker each field shows — whether the merge kept another device's value, and the values it set aside — from the record's pulled conflict notes.
import { jsonEqual } from '../../protocol/json-equal.ts';
import { conflictSeenKey, type ConflictNote } from '../../data/sync/index.ts';

export interface ConflictMark {
  /** Keys to store as seen when the user confirms (conflictSeenKey). */
  keys: string[];
  /** The value shown meanwhile came from another device: this device's answer was replaced. */
  fromOtherDevice: boolean;
  /** The candidates' values not shown (each once): what the other side, or this device, had entered. */
  setAside: unknown[];
}

/** Answer path → its marker; conflicts the user has already seen (and record-level ones such as '@delete') get none. */
export function conflictMarks(notes: readonly ConflictNote[], seen: readonly string[], deviceId: string): Record<string, ConflictMark> {
  const marks: Record<string, ConflictMark> = {};
  const seenKeys = new Set(seen);
  for (const note of notes) {
    const key = conflictSeenKey(note);
    if (seenKeys.has(key) || note.path.startsWith('@')) continue;
    const shownBy = note.candidates.find((c) => jsonEqual(c.value, note.provisional));
    const setAside: unknown[] = [];
    for (const candidate of note.candidates) {
      if (jsonEqual(candidate.value, note.provisional) || setAside.some((v) => jsonEqual(v, candidate.value))) continue;
      setAside.push(candidate.value);
    }
    const previous = marks[note.path];
    marks[note.path] = {
      keys: [...(previous?.keys ?? []), key],
      fromOtherDevice: (previous?.fromOtherDevice ?? false) || (shownBy !== undefined && shownBy.deviceId !== deviceId),
      setAside: [...(previous?.setAside ?? []), ...setAside],
    };
  }
  return marks;
}

// What the device keeps of a pulled open conflict so the field itself can say so: the candidates' values and devices, and which one is shown meanwhile.
import { z } from 'zod';
import type { ConflictSummary } from '../../protocol/conflict-summary.ts';

export const ConflictNoteSchema = z.object({
  id: z.string(),
  path: z.string(),
  /** The conflict's change sequence: a conflict that gained a candidate since the user confirmed it is shown again. */
  changeSeq: z.number().int().nonnegative(),
  provisional: z.unknown(),
  candidates: z.array(z.object({ value: z.unknown(), deviceId: z.string() })),
});

export type ConflictNote = z.infer<typeof ConflictNoteSchema>;

export function conflictNoteOf(conflict: ConflictSummary): ConflictNote {
  return {
    id: conflict.id,
    path: conflict.path,
    changeSeq: conflict.changeSeq,
    provisional: conflict.provisional,
    candidates: conflict.candidates.map((c) => ({ value: c.value, deviceId: c.deviceId })),
  };
}

/** The key the user's "seen" is stored under: the same conflict, extended later, is a new thing to look at. */
export function conflictSeenKey(note: Pick<ConflictNote, 'id' | 'changeSeq'>): string {
  return `${note.id}@${note.changeSeq}`;
}

// What the supervisor is about to choose for a conflict: pick a candidate, merge them (union / joined text), or type a new value.
import type { FieldType } from '../../../engine/types.ts';

export type ResolutionMode = 'pick' | 'merge' | 'custom';

export interface CandidateLike {
  value: unknown;
  /** ISO time the value was written (or the HLC's wall clock), for "older first". */
  at?: string;
}

/** Merging is offered where two values can be combined without losing either. */
export function canMerge(type: FieldType | null): boolean {
  return type === 'select_multiple' || type === 'text';
}

/** Every choice any candidate selected, in first-seen order (oldest candidate first). */
export function unionOfSelections(candidates: readonly CandidateLike[]): (string | number)[] {
  const out: (string | number)[] = [];
  for (const candidate of byTime(candidates)) {
    if (!Array.isArray(candidate.value)) continue;
    for (const item of candidate.value) {
      if ((typeof item === 'string' || typeof item === 'number') && !out.includes(item)) out.push(item);
    }
  }
  return out;
}

/** The distinct non-empty texts, oldest first, one per line: a starting point the supervisor edits. */
export function joinedTexts(candidates: readonly CandidateLike[]): string {
  const texts: string[] = [];
  for (const candidate of byTime(candidates)) {
    const text = typeof candidate.value === 'string' ? candidate.value.trim() : '';
    if (text && !texts.includes(text)) texts.push(text);
  }
  return texts.join('\n');
}

function byTime<T extends CandidateLike>(candidates: readonly T[]): T[] {
  return [...candidates].sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''));
}

/** The merged value for a field type (null when the type cannot be merged). */
export function mergedValue(type: FieldType | null, candidates: readonly CandidateLike[]): unknown {
  if (type === 'select_multiple') return unionOfSelections(candidates);
  if (type === 'text') return joinedTexts(candidates);
  return null;
}

/** A multi-select opens on the union (nothing anyone ticked is lost); anything else on picking the first candidate. */
export function initialMode(type: FieldType | null): ResolutionMode {
  return type === 'select_multiple' ? 'merge' : 'pick';
}


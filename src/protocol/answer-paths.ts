// Reads and writes one answer inside nested answers by field path ("a", "grp.b", "rep[1].c"), without mutating the input; shared by device and server.
import type { Answers } from '../engine/types.ts';

export type PathSegment = string | number;

export type PathResult =
  | { ok: true; answers: Answers }
  | { ok: false; code: 'E_PATH_INVALID' | 'E_PATH_CONFLICT'; message: string };

/** Repeats far beyond any form's maxCount are a typo, not data (and would allocate huge arrays). */
const MAX_REPEAT_INDEX = 9999;
const NAME = /^[^.[\]\s@][^.[\]\s]*$/;
const SEGMENT = /^([^.[\]\s]+)((?:\[\d+\])*)$/;
/** Keys that would reach Object.prototype through a plain object. */
const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

/** Splits a path into keys and repeat indexes, or null when it is not a valid answer path. */
export function parseAnswerPath(path: string): PathSegment[] | null {
  if (typeof path !== 'string' || path.length === 0 || path.length > 500) return null;
  const segments: PathSegment[] = [];
  for (const part of path.split('.')) {
    const match = SEGMENT.exec(part);
    if (!match) return null;
    const name = match[1] as string;
    if (!NAME.test(name) || FORBIDDEN.has(name)) return null;
    segments.push(name);
    for (const index of (match[2] ?? '').match(/\d+/g) ?? []) {
      const n = Number(index);
      if (n > MAX_REPEAT_INDEX) return null;
      segments.push(n);
    }
  }
  return segments;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Conflict extends Error {}

function setIn(container: unknown, segments: PathSegment[], at: number, value: unknown): unknown {
  const key = segments[at] as PathSegment;
  const last = at === segments.length - 1;
  if (typeof key === 'string') {
    if (container !== undefined && container !== null && !isPlainObject(container)) throw new Conflict(String(key));
    const copy: Record<string, unknown> = { ...(container ?? {}) };
    if (last && value === undefined) delete copy[key];
    else copy[key] = last ? value : setIn(copy[key], segments, at + 1, value);
    return copy;
  }
  if (container !== undefined && container !== null && !Array.isArray(container)) throw new Conflict(`[${key}]`);
  const copy: unknown[] = [...((container as unknown[] | null | undefined) ?? [])];
  // Repeat entries are objects: missing earlier entries become empty ones, never sparse holes.
  while (copy.length < key) copy.push({});
  copy[key] = last ? value : setIn(copy[key], segments, at + 1, value);
  return copy;
}

/**
 * Returns new answers with `value` at `path`. `undefined` removes an object key; a repeat entry is
 * removed by saving the whole repeat array (removing one index would silently shift the others).
 */
export function setAnswerAt(answers: Answers, path: string, value: unknown): PathResult {
  const segments = parseAnswerPath(path);
  if (!segments) return { ok: false, code: 'E_PATH_INVALID', message: `not a valid answer path: "${String(path).slice(0, 100)}"` };
  if (value === undefined && typeof segments[segments.length - 1] === 'number') {
    return { ok: false, code: 'E_PATH_INVALID', message: `cannot remove "${path}": save the whole repeat array instead` };
  }
  try {
    return { ok: true, answers: setIn(answers, segments, 0, value) as Answers };
  } catch (error) {
    if (!(error instanceof Conflict)) throw error;
    return { ok: false, code: 'E_PATH_CONFLICT', message: `"${path}" crosses an answer of another shape at ${error.message}` };
  }
}

/** The answer at `path`, or undefined when absent or the path is invalid. */
export function getAnswerAt(answers: Answers, path: string): unknown {
  const segments = parseAnswerPath(path);
  if (!segments) return undefined;
  let current: unknown = answers;
  for (const key of segments) {
    if (typeof key === 'string' ? !isPlainObject(current) : !Array.isArray(current)) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

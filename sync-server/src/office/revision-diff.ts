// Field-level differences between two answer snapshots: leaf paths in the answer-path syntax ("grp.b", "rep[0].c"), before/after null when absent.
import { jsonEqual } from '../../../src/protocol/json-equal.ts';
import type { AnswerChange, RevisionDiff } from '../../../src/protocol/office/revision-diff.ts';
import type { RevisionRow } from '../storage/sync-store.ts';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A geopoint or an attachment: one value, not a group to descend into. */
function isLeafObject(value: Record<string, unknown>): boolean {
  return (typeof value.lat === 'number' && typeof value.lng === 'number') || typeof value.hash === 'string';
}

/** A repeat: an array of objects (select_multiple and photo lists are arrays of scalars / attachments, compared whole). */
function isRepeat(value: unknown): value is Record<string, unknown>[] {
  return Array.isArray(value) && value.length > 0 && value.every((entry) => isPlainObject(entry) && !isLeafObject(entry));
}

function walk(before: unknown, after: unknown, path: string, out: AnswerChange[]): void {
  if (jsonEqual(before ?? null, after ?? null)) return;
  if (isPlainObject(before) && isPlainObject(after) && (path === '' || (!isLeafObject(before) && !isLeafObject(after)))) {
    for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
      walk(before[key], after[key], path ? `${path}.${key}` : key, out);
    }
    return;
  }
  if (isRepeat(before) && isRepeat(after)) {
    const length = Math.max(before.length, after.length);
    for (let i = 0; i < length; i++) walk(before[i], after[i], `${path}[${i}]`, out);
    return;
  }
  out.push({ path, before: before ?? null, after: after ?? null });
}

export function diffAnswers(before: Record<string, unknown>, after: Record<string, unknown>): AnswerChange[] {
  const out: AnswerChange[] = [];
  walk(before, after, '', out);
  return out;
}

/** One diff per consecutive pair of revisions (ascending). */
export function diffRevisions(revisions: readonly RevisionRow[]): RevisionDiff[] {
  const diffs: RevisionDiff[] = [];
  for (let i = 1; i < revisions.length; i++) {
    const from = revisions[i - 1]!;
    const to = revisions[i]!;
    diffs.push({ from: from.revision, to: to.revision, changes: diffAnswers(from.answers, to.answers) });
  }
  return diffs;
}

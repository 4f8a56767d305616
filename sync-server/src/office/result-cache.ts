// The form's result output of an approved revision, computed once per (record, revision, approval) and kept in a bounded in-process cache.
import type { FormDefinition, Localized } from '../../../src/engine/index.ts';
import type { RevisionRow } from '../storage/sync-store.ts';
import { evaluateRecord } from './evaluate-record.ts';

const MAX_ENTRIES = 100_000;
const cache = new Map<string, string>();

/** The form's result: its last scoring output (e.g. a risk level), with a label; null for a form without scoring. */
export function resultOutput(form: FormDefinition | undefined): { key: string; label: { ja: string; en: string } } | null {
  const last = form?.scoring?.at(-1);
  if (!last) return null;
  const label: Localized = last.label ?? { ja: last.key };
  return { key: last.key, label: { ja: label.ja, en: label.en ?? label.ja } };
}

/** The result value of the revision as a count key ("null" when the scoring gives none). */
export function revisionResult(form: FormDefinition, key: string, revision: RevisionRow, now: Date): string {
  const cacheKey = `${revision.recordId}:${revision.revision}:${revision.approvedSeq ?? ''}:${form.id}:${form.version}:${key}`;
  const cached = cache.get(cacheKey);
  if (cached !== undefined) return cached;
  const value = evaluateRecord(form, revision.answers, now)?.result[key];
  const text = value === undefined || value === null ? 'null' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  // Oldest first out: a Map iterates in insertion order.
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  cache.set(cacheKey, text);
  return text;
}

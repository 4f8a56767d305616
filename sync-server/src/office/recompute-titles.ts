// At start-up: rewrites the stored title, subtitle and search text of every record whose form's title rule changed since they were written (a new recordTitle, a new form version, a new engine rule).
import { z } from 'zod';
import type { FormCatalog } from '../forms/catalog.ts';
import type { FormDefinition } from '../../../src/engine/index.ts';
import type { ServerRecord, SyncStore } from '../storage/sync-store.ts';
import { summaryTitle } from './summary-title.ts';

/** Raise when the engine's recordTitle changes what it computes: every stored title is then recomputed once. */
export const TITLE_RULE_VERSION = 1;
/** getMeta key: form id → the title rule its records' stored titles were computed with. */
export const TITLE_RULES_META_KEY = 'record-title-rules';
const BATCH = 200;

const StoredRulesSchema = z.record(z.string(), z.string());

/** What a stored title depends on besides the answers: the engine rule, the form version and its recordTitle option. */
export function titleRuleOf(form: FormDefinition): string {
  return JSON.stringify([TITLE_RULE_VERSION, form.version, form.recordTitle ?? null]);
}

/**
 * Why at start-up and not in a schema migration: the title is computed by the engine from the form definition, which
 * SQL cannot run; and a form's title rule can change with any deployment, not only with a schema change. The work is
 * done once per rule (remembered in meta), in batches of one transaction each; every record is re-read with its row
 * lock in that transaction, so a write racing the recompute is never overwritten with older answers. Only the summary
 * columns change — not the change sequence, so devices pull nothing (titles are not part of the sync protocol).
 */
export async function recomputeTitles(store: SyncStore, forms: FormCatalog, now: Date): Promise<{ forms: string[]; records: number }> {
  const parsed = StoredRulesSchema.safeParse(await store.transaction((tx) => tx.getMeta(TITLE_RULES_META_KEY)));
  const done: Record<string, string> = parsed.success ? { ...parsed.data } : {};
  const changedForms: string[] = [];
  let records = 0;
  for (const form of forms.all()) {
    const rule = titleRuleOf(form);
    if (done[form.id] === rule) continue;
    records += await recomputeForm(store, form, now);
    done[form.id] = rule;
    changedForms.push(form.id);
    // Remembered per form, so a start interrupted half-way does not redo the forms already finished.
    await store.transaction((tx) => tx.setMeta(TITLE_RULES_META_KEY, done));
  }
  return { forms: changedForms, records };
}

async function recomputeForm(store: SyncStore, form: FormDefinition, now: Date): Promise<number> {
  let after = 0;
  let rewritten = 0;
  for (;;) {
    const page = await store.transaction(async (tx) => {
      const listed = await tx.listChanges(after, BATCH, { formIds: [form.id], userId: null });
      if (listed.length === 0) return null;
      let count = 0;
      for (const record of await tx.getRecords(listed.map((r) => r.id))) {
        const next = withTitle(record, form, now);
        if (next) {
          await tx.putRecord(next);
          count++;
        }
      }
      return { last: listed[listed.length - 1]!.changeSeq, count };
    });
    if (!page) return rewritten;
    rewritten += page.count;
    after = page.last;
  }
}

/** The record with a recomputed title, or null when it has no summary yet (its first write will make one). */
function withTitle(record: ServerRecord, form: FormDefinition, now: Date): ServerRecord | null {
  if (!record.summary || record.formId !== form.id) return null;
  return { ...record, summary: { ...record.summary, ...summaryTitle(form, record.answers, now) } };
}

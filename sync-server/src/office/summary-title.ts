// The review-queue summary's title and subtitle of a record: the engine's recordTitle (the tablet's own rule), empty as null.
import { recordTitle, type FormDefinition } from '../../../src/engine/index.ts';
import type { RecordSummary } from '../storage/sync-store.ts';

export function summaryTitle(form: FormDefinition | undefined, answers: Record<string, unknown>, now: Date): Pick<RecordSummary, 'title' | 'subtitle'> {
  if (!form) return { title: null, subtitle: null };
  const { title, subtitle } = recordTitle(form, answers, { now });
  return { title: title || null, subtitle: subtitle || null };
}

// A record's label in the review queue: the first answered text field the user typed (the device list's rule), null when none.
import type { FormDefinition } from '../../../src/engine/index.ts';

const MAX_TITLE = 60;

export function recordTitle(form: FormDefinition | undefined, answers: Record<string, unknown>): string | null {
  if (!form) return null;
  for (const section of form.sections) {
    for (const field of section.fields) {
      if ((field.type !== 'text' && field.type !== 'ocr_text') || field.calculate !== undefined) continue;
      const value = answers[field.id];
      if (typeof value === 'string' && value.trim() !== '') return value.trim().slice(0, MAX_TITLE);
    }
  }
  return null;
}

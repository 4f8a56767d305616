// The short label a record shows in lists: the first answered text field the user typed (calculated ones skipped), '' when none.
import type { Answers, FormDefinition } from '../../engine/types.ts';

const MAX_TITLE = 60;

export function recordTitle(form: FormDefinition, answers: Answers): string {
  for (const section of form.sections) {
    for (const field of section.fields) {
      if ((field.type !== 'text' && field.type !== 'ocr_text') || field.calculate !== undefined) continue;
      const value = answers[field.id];
      if (typeof value === 'string' && value.trim() !== '') return value.trim().slice(0, MAX_TITLE);
    }
  }
  // An empty title (not undefined) so clearing the name also clears the list label.
  return '';
}

// The official form's option numbers for a `numbered` select in the open form (「3. できない」), so the buttons match what warnings and the paper quote.
import { useMemo } from 'react';
import { choiceNumbers } from '../../engine/index.ts';
import type { Choice, FieldDefinition } from '../../engine/types.ts';
import { useEditorStore } from '../state/editorStore.ts';

export function useChoiceNumbers(field: FieldDefinition): Map<Choice['value'], number> | null {
  const form = useEditorStore((s) => s.session?.form);
  return useMemo(() => (form ? choiceNumbers(form, field) : null), [form, field]);
}

/** 「3. できない」 for a numbered choice, the label alone otherwise. */
export function numberedLabel(label: string, number: number | undefined): string {
  return number === undefined ? label : `${number}. ${label}`;
}

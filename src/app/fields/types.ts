// What every field component receives: its path and state, ids for labelling, and callbacks into the editor.
import type { FieldPath, FieldState } from '../../engine/types.ts';
import type { Language } from '../localize.ts';

export interface ChangeOptions {
  /** Write to the device now (choices, buttons); typing waits a moment for more keystrokes. */
  immediate?: boolean;
}

export interface FieldProps {
  path: FieldPath;
  state: FieldState;
  /** id of the input the <label> points at (components with one input use it). */
  inputId: string;
  labelId: string;
  /** ids of the hint and error texts, for aria-describedby. */
  describedBy: string | undefined;
  invalid: boolean;
  disabled: boolean;
  language: Language;
  onChange(value: unknown, options?: ChangeOptions): void;
  /** Leaving the field: marks it touched and writes any pending keystrokes. */
  onBlur(): void;
}

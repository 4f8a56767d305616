// Editor actions shared with every field component (the record id and the change/commit callbacks), without prop drilling.
import { createContext, useContext } from 'react';
import type { FieldPath } from '../../engine/types.ts';
import type { ChangeOptions } from '../fields/types.ts';

export interface EditorActions {
  recordId: string;
  change(path: FieldPath, value: unknown, options?: ChangeOptions): void;
  commit(path: FieldPath): void;
  addRepeat(path: FieldPath): void;
  removeRepeat(path: FieldPath, index: number): void;
}

export const EditorContext = createContext<EditorActions | null>(null);

export function useEditorActions(): EditorActions {
  const actions = useContext(EditorContext);
  if (!actions) throw new Error('E_NO_EDITOR: field rendered outside the record editor');
  return actions;
}

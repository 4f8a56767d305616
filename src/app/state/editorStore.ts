// The open record's form session as a store keyed by field path, so each field component re-renders only when ITS state changes.
import { create } from 'zustand';
import type { FormSession } from '../../engine/index.ts';
import type { FieldPath, FieldState, FormWarning } from '../../engine/types.ts';
import { collectPaths, collectRepeatPaths, sectionOfPath } from '../editor/paths.ts';

interface EditorState {
  session: FormSession | null;
  readOnly: boolean;
  /** The signed-in user's role, so fields the form reserves to the office lock for field roles (editor/officeOwned.ts). */
  userRole: string | undefined;
  fields: Record<FieldPath, FieldState>;
  repeatCounts: Record<FieldPath, number>;
  sectionErrors: Record<string, number>;
  errorCount: number;
  warnings: FormWarning[];
  touched: Record<FieldPath, true>;
  /** After a finalize attempt every error is shown, touched or not. */
  showAllErrors: boolean;
  activeSection: string | null;
  /** Asks the field at `path` to scroll into view and take focus; seq makes repeated requests distinct. */
  focusRequest: { path: FieldPath; seq: number } | null;
  /** Outcome of the last finalize press: refused with N errors, or a failure code. */
  finalizeOutcome: { refusedCount: number } | { failure: string } | null;
}

const EMPTY: EditorState = {
  session: null,
  readOnly: false,
  userRole: undefined,
  fields: {},
  repeatCounts: {},
  sectionErrors: {},
  errorCount: 0,
  warnings: [],
  touched: {},
  showAllErrors: false,
  activeSection: null,
  focusRequest: null,
  finalizeOutcome: null,
};

export const useEditorStore = create<EditorState>(() => ({ ...EMPTY }));

/** Section error counts, total errors and warnings; unchanged parts keep their identity so their views do not re-render. */
function summary(session: FormSession): Pick<EditorState, 'sectionErrors' | 'errorCount' | 'warnings'> {
  const evaluation = session.evaluation();
  const sectionErrors: Record<string, number> = {};
  for (const section of session.form.sections) sectionErrors[section.id] = session.sectionErrorCount(section.id);
  const previous = useEditorStore.getState();
  return {
    sectionErrors: JSON.stringify(previous.sectionErrors) === JSON.stringify(sectionErrors) ? previous.sectionErrors : sectionErrors,
    errorCount: evaluation.errors.length,
    warnings: JSON.stringify(previous.warnings) === JSON.stringify(evaluation.warnings) ? previous.warnings : evaluation.warnings,
  };
}

function snapshot(session: FormSession): Pick<EditorState, 'fields' | 'repeatCounts'> {
  const fields: Record<FieldPath, FieldState> = {};
  const repeatCounts: Record<FieldPath, number> = {};
  const count = (path: FieldPath) => session.repeatCount(path);
  for (const section of session.form.sections) {
    for (const path of collectPaths(section.fields, '', count)) fields[path] = session.field(path);
    for (const path of collectRepeatPaths(section.fields, '', count)) repeatCounts[path] = count(path);
  }
  return { fields, repeatCounts };
}

function sameState(a: FieldState | undefined, b: FieldState): boolean {
  if (!a) return false;
  return (
    a.relevant === b.relevant &&
    a.required === b.required &&
    a.readonly === b.readonly &&
    Object.is(a.value, b.value) &&
    a.errors.length === b.errors.length &&
    a.errors.every((e, i) => e.code === b.errors[i]?.code) &&
    (a.choices?.length ?? -1) === (b.choices?.length ?? -1) &&
    (a.choices ?? []).every((c, i) => c.value === b.choices?.[i]?.value)
  );
}

/** Set by the editor screen when the login is known; kept across sessions (it is the user's, not the record's). */
export function setUserRole(role: string | undefined): void {
  useEditorStore.setState({ userRole: role });
}

export function openSession(session: FormSession, options: { readOnly: boolean }): void {
  useEditorStore.setState({
    ...EMPTY,
    userRole: useEditorStore.getState().userRole,
    session,
    readOnly: options.readOnly,
    activeSection: session.form.sections[0]?.id ?? null,
    ...snapshot(session),
    ...summary(session),
  });
}

export function closeSession(): void {
  useEditorStore.setState({ ...EMPTY, userRole: useEditorStore.getState().userRole });
}

/** Re-reads the states of the paths the engine reported changed (plus the edited one); other fields keep their identity. */
function refreshPaths(session: FormSession, paths: FieldPath[]): void {
  const previous = useEditorStore.getState().fields;
  let fields = previous;
  for (const path of new Set(paths)) {
    const state = session.field(path);
    if (sameState(previous[path], state)) continue;
    if (fields === previous) fields = { ...previous };
    fields[path] = state;
  }
  useEditorStore.setState({ fields, ...summary(session) });
}

/** After a repeat entry is added or removed, paths shift: re-read everything, keeping unchanged states' identity. */
function refreshAll(session: FormSession): void {
  const next = snapshot(session);
  const previous = useEditorStore.getState().fields;
  const fields: Record<FieldPath, FieldState> = {};
  for (const [path, state] of Object.entries(next.fields)) {
    const old = previous[path];
    fields[path] = old && sameState(old, state) ? old : state;
  }
  useEditorStore.setState({ fields, repeatCounts: next.repeatCounts, ...summary(session) });
}

export function setAnswer(path: FieldPath, value: unknown): FieldPath[] {
  const { session, readOnly } = useEditorStore.getState();
  if (!session || readOnly) return [];
  const changed = session.setAnswer(path, value);
  refreshPaths(session, [path, ...changed]);
  return changed;
}

export function addRepeat(path: FieldPath): FieldPath | null {
  const { session, readOnly } = useEditorStore.getState();
  if (!session || readOnly) return null;
  const added = session.addRepeat(path);
  refreshAll(session);
  return added;
}

export function removeRepeat(path: FieldPath, index: number): FieldPath[] {
  const { session, readOnly } = useEditorStore.getState();
  if (!session || readOnly) return [];
  const changed = session.removeRepeat(path, index);
  refreshAll(session);
  return changed;
}

export function markTouched(path: FieldPath): void {
  if (useEditorStore.getState().touched[path]) return;
  useEditorStore.setState((s) => ({ touched: { ...s.touched, [path]: true } }));
}

export function setActiveSection(sectionId: string): void {
  useEditorStore.setState({ activeSection: sectionId });
}

export function showAllErrors(): void {
  useEditorStore.setState({ showAllErrors: true });
}

export function setReadOnly(readOnly: boolean): void {
  useEditorStore.setState({ readOnly });
}

/** Opens the section holding `path` and asks that field to take focus. */
export function focusField(path: FieldPath): void {
  const { session, focusRequest } = useEditorStore.getState();
  if (!session) return;
  const section = sectionOfPath(session.form, path);
  useEditorStore.setState({ activeSection: section ?? useEditorStore.getState().activeSection, focusRequest: { path, seq: (focusRequest?.seq ?? 0) + 1 } });
}

export function useFieldState(path: FieldPath): FieldState | undefined {
  return useEditorStore((s) => s.fields[path]);
}

export function useShowErrors(path: FieldPath): boolean {
  return useEditorStore((s) => s.showAllErrors || s.touched[path] === true);
}

export function useRepeatCount(path: FieldPath): number {
  return useEditorStore((s) => s.repeatCounts[path] ?? 0);
}

export function useIsFocusTarget(path: FieldPath): number | null {
  return useEditorStore((s) => (s.focusRequest?.path === path ? s.focusRequest.seq : null));
}

/** Swaps in a rebuilt session (e.g. after a warning was acknowledged) keeping what the user sees: section, touched fields. */
export function replaceSession(session: FormSession): void {
  const { readOnly, touched, showAllErrors: showAll, activeSection } = useEditorStore.getState();
  useEditorStore.setState({ ...EMPTY, session, readOnly, touched, showAllErrors: showAll, activeSection, ...snapshot(session), ...summary(session) });
}

/** Autosave progress, kept apart from the field states so the status line re-renders alone. */
export const useSaveStatusStore = create<{ status: 'idle' | 'pending' | 'saving' | 'error'; errorCode: string | null }>(() => ({ status: 'idle', errorCode: null }));

export function setSaveStatus(status: 'idle' | 'pending' | 'saving' | 'error', errorCode: string | null = null): void {
  useSaveStatusStore.setState({ status, errorCode });
}

export function setFinalizeOutcome(outcome: EditorState['finalizeOutcome']): void {
  useEditorStore.setState({ finalizeOutcome: outcome });
}

// The open record's form session as a store keyed by field path, so each field component re-renders only when ITS state changes.
import { create } from 'zustand';
import type { FormSession } from '../../engine/index.ts';
import type { FieldPath, FieldState, FormWarning } from '../../engine/types.ts';
import { collectPaths, collectRepeatPaths, sectionOfPath } from '../editor/paths.ts';
import { requiredProgress, visibleErrors, type RequiredProgress, type VisibleErrors } from '../editor/progress.ts';
import type { ConflictMark } from '../editor/conflictMarks.ts';
import { jumpTarget, warningsByField, warningsBySection, type FieldWarnings } from '../editor/warningMarks.ts';

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
  /** The warnings each field is involved in, by its definition path (repeat indices dropped); the field shows a marker. */
  fieldWarnings: FieldWarnings;
  /** Unacknowledged warnings per section id, for the marker on its tab. */
  sectionWarnings: Record<string, number>;
  /** Required questions answered of those shown: the toolbar shows progress, not an alarm. */
  progress: RequiredProgress;
  /** The errors shown in red (touched fields, or all after a finalize attempt): toolbar count and section tabs. */
  shownErrors: VisibleErrors;
  touched: Record<FieldPath, true>;
  /** Open conflicts the user has not looked at yet, by answer path (from the record's pulled conflict notes). */
  conflicts: Record<FieldPath, ConflictMark>;
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
  fieldWarnings: {},
  sectionWarnings: {},
  progress: { answered: 0, total: 0 },
  shownErrors: { total: 0, bySection: {} },
  touched: {},
  conflicts: {},
  showAllErrors: false,
  activeSection: null,
  focusRequest: null,
  finalizeOutcome: null,
};

export const useEditorStore = create<EditorState>(() => ({ ...EMPTY }));

type Summary = Pick<EditorState, 'sectionErrors' | 'errorCount' | 'warnings' | 'fieldWarnings' | 'sectionWarnings'>;

/** Section error counts, total errors and warnings; unchanged parts keep their identity so their views do not re-render. */
function summary(session: FormSession): Summary {
  const evaluation = session.evaluation();
  const sectionErrors: Record<string, number> = {};
  for (const section of session.form.sections) sectionErrors[section.id] = session.sectionErrorCount(section.id);
  const previous = useEditorStore.getState();
  const warningsSame = previous.session === session && JSON.stringify(previous.warnings) === JSON.stringify(evaluation.warnings);
  const warnings = warningsSame ? previous.warnings : evaluation.warnings;
  return {
    sectionErrors: JSON.stringify(previous.sectionErrors) === JSON.stringify(sectionErrors) ? previous.sectionErrors : sectionErrors,
    errorCount: evaluation.errors.length,
    warnings,
    fieldWarnings: warningsSame ? previous.fieldWarnings : warningsByField(warnings),
    sectionWarnings: warningsSame ? previous.sectionWarnings : warningsBySection(session.form, warnings),
  };
}

/** What the toolbar and the section tabs count: required progress and the errors already shown; recomputed after every change. */
function counts(state: Pick<EditorState, 'session' | 'fields' | 'touched' | 'showAllErrors' | 'errorCount' | 'sectionErrors'>): Pick<EditorState, 'progress' | 'shownErrors'> {
  const previous = useEditorStore.getState();
  const progress = requiredProgress(state.fields);
  const shown = state.session
    ? visibleErrors(state.session.form, state.fields, state.touched, { showAll: state.showAllErrors, total: state.errorCount, bySection: state.sectionErrors })
    : { total: 0, bySection: {} };
  return {
    progress: progress.answered === previous.progress.answered && progress.total === previous.progress.total ? previous.progress : progress,
    shownErrors: JSON.stringify(shown) === JSON.stringify(previous.shownErrors) ? previous.shownErrors : shown,
  };
}

/** Sets `patch` over `base` (the current state unless given) and the counts that follow from it, in one store update. */
function setWithCounts(patch: Partial<EditorState>, base: EditorState = useEditorStore.getState()): void {
  const next = { ...base, ...patch };
  useEditorStore.setState({ ...next, ...counts(next) });
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

/** `section`: the one to show first (the URL's, so a reload reopens where the user was); the first section when absent or unknown. */
export function openSession(session: FormSession, options: { readOnly: boolean; section?: string }): void {
  const sections = session.form.sections;
  const opening = sections.find((s) => s.id === options.section) ?? sections[0];
  setWithCounts({
    session,
    readOnly: options.readOnly,
    activeSection: opening?.id ?? null,
    ...snapshot(session),
    ...summary(session),
  }, { ...EMPTY, userRole: useEditorStore.getState().userRole, conflicts: useEditorStore.getState().conflicts });
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
  setWithCounts({ fields, ...summary(session) });
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
  setWithCounts({ fields, repeatCounts: next.repeatCounts, ...summary(session) });
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
  setWithCounts({ touched: { ...useEditorStore.getState().touched, [path]: true } });
}

/** The record's conflict markers, recomputed whenever its stored conflicts change (a pull, or the user confirming one). */
export function setConflicts(conflicts: Record<FieldPath, ConflictMark>): void {
  const previous = useEditorStore.getState().conflicts;
  if (JSON.stringify(previous) === JSON.stringify(conflicts)) return;
  useEditorStore.setState({ conflicts });
}

/** Removes one field's conflict marker at once (the user confirmed it or edited the field); the stored "seen" follows. */
export function dropConflict(path: FieldPath): ConflictMark | undefined {
  const { conflicts } = useEditorStore.getState();
  const mark = conflicts[path];
  if (!mark) return undefined;
  const rest = { ...conflicts };
  delete rest[path];
  useEditorStore.setState({ conflicts: rest });
  return mark;
}

/** Section id → fields in it with a conflict marker. */
export function useSectionConflictCount(sectionId: string): number {
  return useEditorStore((s) => {
    const form = s.session?.form;
    return form ? Object.keys(s.conflicts).filter((p) => sectionOfPath(form, p) === sectionId).length : 0;
  });
}

export function setActiveSection(sectionId: string): void {
  useEditorStore.setState({ activeSection: sectionId });
}

export function showAllErrors(): void {
  setWithCounts({ showAllErrors: true });
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

/** Jumps to the field a warning names (its first entry when the warning names a field inside a repeat). */
export function focusWarningField(warningPath: string): void {
  const target = jumpTarget(warningPath, Object.keys(useEditorStore.getState().fields));
  if (target) focusField(target);
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
  const { userRole, conflicts } = useEditorStore.getState();
  setWithCounts({ session, readOnly, touched, showAllErrors: showAll, activeSection, ...snapshot(session), ...summary(session) }, { ...EMPTY, userRole, conflicts });
}

/** Autosave progress, kept apart from the field states so the status line re-renders alone. */
export const useSaveStatusStore = create<{ status: 'idle' | 'pending' | 'saving' | 'error'; errorCode: string | null }>(() => ({ status: 'idle', errorCode: null }));

export function setSaveStatus(status: 'idle' | 'pending' | 'saving' | 'error', errorCode: string | null = null): void {
  useSaveStatusStore.setState({ status, errorCode });
}

export function setFinalizeOutcome(outcome: EditorState['finalizeOutcome']): void {
  useEditorStore.setState({ finalizeOutcome: outcome });
}

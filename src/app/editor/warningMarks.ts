// Pure: which fields and sections a form's warnings concern, so each field and section tab can carry a marker where the eye is.
import type { FieldPath, FormDefinition, FormWarning } from '../../engine/types.ts';
import { sectionOfPath } from './paths.ts';

/** Definition path (repeat indices dropped: "buildings.built_year") → the warnings naming it. */
export type FieldWarnings = Record<string, FormWarning[]>;

/** A field's answer path as warnings name it: "buildings[1].built_year" → "buildings.built_year". */
export function definitionPathOf(path: FieldPath): string {
  return path.replace(/\[\d+\]/g, '');
}

export function warningsByField(warnings: readonly FormWarning[]): FieldWarnings {
  const byField: FieldWarnings = {};
  for (const warning of warnings) {
    for (const path of new Set(warning.paths.map(definitionPathOf))) (byField[path] ??= []).push(warning);
  }
  return byField;
}

/** Section id → warnings not yet acknowledged that concern a field in it (each warning once per section). */
export function warningsBySection(form: FormDefinition, warnings: readonly FormWarning[]): Record<string, number> {
  const bySection: Record<string, number> = {};
  for (const warning of warnings) {
    if (warning.acknowledgedReason) continue;
    const sections = new Set(warning.paths.map((p) => sectionOfPath(form, p)).filter((s): s is string => s !== null));
    for (const section of sections) bySection[section] = (bySection[section] ?? 0) + 1;
  }
  return bySection;
}

/** The answer path to jump to for a warning's path: itself, its first entry when it names a field inside a repeat, else the repeat. */
export function jumpTarget(warningPath: string, answerPaths: readonly FieldPath[]): FieldPath | null {
  const wanted = definitionPathOf(warningPath);
  const outer = wanted.split('.', 1)[0];
  return answerPaths.find((p) => p === warningPath) ?? answerPaths.find((p) => definitionPathOf(p) === wanted) ?? answerPaths.find((p) => p === outer) ?? null;
}

// Finds the field definition an answer path names ("a", "grp.b", "rep[1].c"), so the server can check an op against its form.
import type { FieldDefinition, FormDefinition } from '../../../src/engine/index.ts';
import { parseAnswerPath } from '../../../src/protocol/answer-paths.ts';

/** What a path points at: a field's value, or one entry of a repeat (`rep[2]`). */
export type PathTarget = { kind: 'field'; field: FieldDefinition } | { kind: 'repeat-entry'; field: FieldDefinition };

type FieldIndex = ReadonlyMap<string, FieldDefinition>;

// Parsed forms are never mutated after loading, so an index built once per form (and per group/repeat) stays valid;
// a push checks every answer of every op, and rebuilding the field list each time dominated the check.
const topLevelIndex = new WeakMap<FormDefinition, FieldIndex>();
const childIndex = new WeakMap<FieldDefinition, FieldIndex>();

/** The first field with each id wins, as a linear search in definition order would. */
function indexOf(fields: readonly FieldDefinition[]): FieldIndex {
  const byId = new Map<string, FieldDefinition>();
  for (const field of fields) if (!byId.has(field.id)) byId.set(field.id, field);
  return byId;
}

/** The form's top-level fields by id (built once per parsed form). */
export function topLevelFieldIndex(form: FormDefinition): FieldIndex {
  let index = topLevelIndex.get(form);
  if (!index) {
    index = indexOf(form.sections.flatMap((s) => s.fields));
    topLevelIndex.set(form, index);
  }
  return index;
}

/** A group's or repeat's fields by id (built once per container). */
export function childFieldIndex(container: FieldDefinition): FieldIndex {
  let index = childIndex.get(container);
  if (!index) {
    index = indexOf(container.fields ?? []);
    childIndex.set(container, index);
  }
  return index;
}

/**
 * Answers found per form and path: a push of 500 new records asks about the same dozen paths 500 times. Bounded,
 * because repeat indexes make the set of paths open-ended; past the bound a path is simply looked up again.
 */
const MAX_CACHED_PATHS = 4096;
const byPath = new WeakMap<FormDefinition, Map<string, PathTarget | null>>();

/** Groups nest as objects (witness.witness_name), repeats as arrays of objects; null for an unknown path. */
export function findPathTarget(form: FormDefinition, path: string): PathTarget | null {
  let cache = byPath.get(form);
  if (!cache) byPath.set(form, cache = new Map());
  const known = cache.get(path);
  if (known !== undefined) return known;
  const target = lookUp(form, path);
  if (cache.size < MAX_CACHED_PATHS) cache.set(path, target);
  return target;
}

function lookUp(form: FormDefinition, path: string): PathTarget | null {
  const segments = parseAnswerPath(path);
  if (!segments || segments.length === 0) return null;
  let fields = topLevelFieldIndex(form);
  let target: PathTarget | null = null;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (typeof segment === 'number') {
      if (!target || target.kind !== 'field' || target.field.type !== 'repeat') return null;
      if (target.field.maxCount !== undefined && segment >= target.field.maxCount) return null;
      target = { kind: 'repeat-entry', field: target.field };
      continue;
    }
    if (target) {
      // A name after a field: only inside a group, or inside a repeat entry.
      const container = target.field;
      if (target.kind === 'field' && container.type !== 'group') return null;
      fields = childFieldIndex(container);
    }
    const field = fields.get(segment);
    if (!field) return null;
    target = { kind: 'field', field };
  }
  return target;
}

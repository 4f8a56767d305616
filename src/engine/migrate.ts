// migrateAnswers: moves draft answers from an older form version along the declared MigrationStep chain.
import { MIGRATION_ERRORS } from './errors.ts';
import type { Answers, FormDefinition, MigrationStep } from './types.ts';
import { isPlainObject } from './values/validate-value.ts';

export type MigrationResult = { ok: true; answers: Answers; dropped: Answers } | { ok: false; code: string; message: string };

const fail = (code: keyof typeof MIGRATION_ERRORS, detail: string): MigrationResult => ({ ok: false, code, message: `${MIGRATION_ERRORS[code]}: ${detail}` });

export function migrateAnswers(form: FormDefinition, fromVersion: number, answers: Answers): MigrationResult {
  let working: Answers;
  try {
    const copy: unknown = JSON.parse(JSON.stringify(answers ?? {}));
    if (!isPlainObject(copy)) return fail('E_MIGRATION_INPUT', 'answers must be an object');
    working = copy;
  } catch (error) {
    return fail('E_MIGRATION_INPUT', (error as Error).message);
  }
  const steps = findChain(form.migrations ?? [], fromVersion, form.version);
  if (!steps) return fail('E_MIGRATION_NO_PATH', `from version ${fromVersion} to ${form.version}`);
  const dropped: Answers = {};
  for (const step of steps) applyStep(working, step, dropped);
  return { ok: true, answers: working, dropped };
}

/** Steps from → to, always taking the step that goes furthest from the current version (no search needed for chains). */
function findChain(steps: MigrationStep[], from: number, to: number): MigrationStep[] | null {
  const chain: MigrationStep[] = [];
  let version = from;
  while (version !== to) {
    const next = steps.filter((s) => s.from === version && s.to <= to).sort((a, b) => b.to - a.to)[0];
    if (!next || chain.length > 1000) return null;
    chain.push(next);
    version = next.to;
  }
  return chain;
}

function applyStep(answers: Answers, step: MigrationStep, dropped: Answers): void {
  for (const [from, to] of Object.entries(step.rename ?? {})) {
    for (const { container, key, path } of locate(answers, from)) {
      const value = container[key];
      delete container[key];
      const target = locate(answers, to, path.replace(/\.?[^.]+$/, ''))[0];
      if (target) target.container[target.key] = value;
    }
  }
  for (const pathText of step.drop ?? []) {
    for (const { container, key, path } of locate(answers, pathText)) {
      dropped[path] = container[key];
      delete container[key];
    }
  }
  for (const [pathText, mapping] of Object.entries(step.mapValues ?? {})) {
    const map = (v: unknown): unknown => (Object.hasOwn(mapping, String(v)) ? mapping[String(v)] : v);
    for (const { container, key } of locate(answers, pathText)) {
      const value = container[key];
      container[key] = Array.isArray(value) ? value.map(map) : map(value);
    }
  }
}

interface Location {
  container: Record<string, unknown>;
  key: string;
  /** Concrete path of the answer, e.g. "rep[1].c". */
  path: string;
}

/**
 * Finds the answers a template path ("grp.a", "rep.c") names; through arrays it visits every entry. With `create`
 * (the concrete parent path of a rename source) it returns the one place to write to, creating groups on the way.
 */
function locate(answers: Answers, template: string, create?: string): Location[] {
  const parts = template.split('.').filter((p) => p && p !== '__proto__' && p !== 'constructor' && p !== 'prototype');
  if (create !== undefined) return locateForWrite(answers, parts, create);
  let frontier: { value: Record<string, unknown>; path: string }[] = [{ value: answers, path: '' }];
  for (const part of parts.slice(0, -1)) {
    const next: typeof frontier = [];
    for (const { value, path } of frontier) {
      const child = Object.hasOwn(value, part) ? value[part] : undefined;
      const here = path ? `${path}.${part}` : part;
      if (Array.isArray(child)) child.forEach((entry, i) => isPlainObject(entry) && next.push({ value: entry, path: `${here}[${i}]` }));
      else if (isPlainObject(child)) next.push({ value: child, path: here });
    }
    frontier = next;
  }
  const last = parts[parts.length - 1];
  if (last === undefined) return [];
  return frontier.filter(({ value }) => Object.hasOwn(value, last)).map(({ value, path }) => ({ container: value, key: last, path: path ? `${path}.${last}` : last }));
}

/** Renames keep repeat entries aligned: the new key goes into the same entry (same concrete parent) as the old one. */
function locateForWrite(answers: Answers, parts: string[], sourceParent: string): Location[] {
  const last = parts[parts.length - 1];
  if (last === undefined) return [];
  const indices = [...sourceParent.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  let container: Record<string, unknown> = answers;
  let path = '';
  for (const part of parts.slice(0, -1)) {
    const child = Object.hasOwn(container, part) ? container[part] : undefined;
    path = path ? `${path}.${part}` : part;
    if (Array.isArray(child)) {
      const i = indices.shift() ?? 0;
      if (!isPlainObject(child[i])) return [];
      container = child[i] as Record<string, unknown>;
      path += `[${i}]`;
    } else {
      if (!isPlainObject(child)) container[part] = {};
      container = container[part] as Record<string, unknown>;
    }
  }
  return [{ container, key: last, path: path ? `${path}.${last}` : last }];
}

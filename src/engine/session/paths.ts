// Concrete field paths ("rep[2].c"): parsing, formatting, and safe reads/writes in an answers object.
import type { CompiledForm, FieldNode } from '../definition/model.ts';
import { isPlainObject } from '../values/validate-value.ts';
import type { Answers, FieldPath } from '../types.ts';

/** A node plus one index per repeat ancestor: one concrete place in the answers. */
export interface Instance {
  node: FieldNode;
  indices: number[];
}

const SEGMENT = /^([A-Za-z0-9][A-Za-z0-9_-]*)(?:\[(\d{1,4})\])?$/;

export function formatPath(node: FieldNode, indices: readonly number[]): FieldPath {
  let out = '';
  let k = 0;
  for (const part of node.lineage) {
    out += out ? `.${part.id}` : part.id;
    if (part !== node && part.def.type === 'repeat') out += `[${indices[k++]}]`;
  }
  return out;
}

export const instanceKey = (node: FieldNode, indices: readonly number[]): string => formatPath(node, indices);

/** Resolves "rep[2].c" to its node and indices; null when the path does not name a field of the form. */
export function parsePath(compiled: CompiledForm, path: unknown): Instance | null {
  if (typeof path !== 'string' || path.length > 500) return null;
  const ids: string[] = [];
  const indexed: (number | undefined)[] = [];
  for (const segment of path.split('.')) {
    const m = SEGMENT.exec(segment);
    if (!m) return null;
    ids.push(m[1]!);
    indexed.push(m[2] === undefined ? undefined : Number(m[2]));
  }
  const node = compiled.byTemplatePath.get(ids.join('.'));
  if (!node) return null;
  const indices: number[] = [];
  for (let i = 0; i < node.lineage.length; i++) {
    const part: FieldNode = node.lineage[i]!;
    const needsIndex = part !== node && part.def.type === 'repeat';
    if (needsIndex !== (indexed[i] !== undefined)) return null;
    if (needsIndex) indices.push(indexed[i]!);
  }
  return { node, indices };
}

/** The object holding `node`'s answer (its group or repeat entry), or undefined when it does not exist. */
export function containerOf(answers: Answers, node: FieldNode, indices: readonly number[]): Record<string, unknown> | undefined {
  let container: unknown = answers;
  let k = 0;
  for (const part of node.lineage) {
    if (part === node) break;
    if (!isPlainObject(container)) return undefined;
    const child = Object.hasOwn(container, part.id) ? container[part.id] : undefined;
    container = part.def.type === 'repeat' ? (Array.isArray(child) ? child[indices[k++]!] : undefined) : child;
  }
  return isPlainObject(container) ? container : undefined;
}

export function readRaw(answers: Answers, node: FieldNode, indices: readonly number[]): unknown {
  const container = containerOf(answers, node, indices);
  return container && Object.hasOwn(container, node.id) ? container[node.id] : undefined;
}

/** Writes (or, for null/undefined, deletes) an answer; creates missing groups, never missing repeat entries. */
export function writeRaw(answers: Answers, node: FieldNode, indices: readonly number[], value: unknown): boolean {
  let container: Record<string, unknown> = answers;
  let k = 0;
  for (const part of node.lineage) {
    if (part === node) break;
    const child = Object.hasOwn(container, part.id) ? container[part.id] : undefined;
    if (part.def.type === 'repeat') {
      const entry = Array.isArray(child) ? child[indices[k++]!] : undefined;
      if (!isPlainObject(entry)) return false;
      container = entry;
    } else {
      if (!isPlainObject(child)) container[part.id] = {};
      container = container[part.id] as Record<string, unknown>;
    }
  }
  if (value === undefined || value === null) delete container[node.id];
  else container[node.id] = value;
  return true;
}

/** Number of entries of a repeat instance (0 when absent or not an array). */
export function entryCount(answers: Answers, repeat: FieldNode, indices: readonly number[]): number {
  const raw = readRaw(answers, repeat, indices);
  return Array.isArray(raw) ? raw.length : 0;
}

/** Every instance of `node` whose leading indices are `prefix` (all instances for an empty prefix). */
export function instancesOf(answers: Answers, node: FieldNode, prefix: readonly number[] = []): number[][] {
  if (prefix.length >= node.repeatChain.length) return [prefix.slice(0, node.repeatChain.length)];
  const repeat = node.repeatChain[prefix.length]!;
  const out: number[][] = [];
  const count = Math.min(entryCount(answers, repeat, prefix), MAX_REPEAT_ENTRIES);
  for (let i = 0; i < count; i++) out.push(...instancesOf(answers, node, [...prefix, i]));
  return out;
}

/** A hard ceiling on entries the engine instantiates, whatever the input claims. */
export const MAX_REPEAT_ENTRIES = 1000;

// Runs the cascade: over every instance (creation, repeat add/remove) or only over the dependents of one change.
import type { FieldNode } from '../definition/model.ts';
import { sameValue } from '../rules/calculate.ts';
import type { FieldPath } from '../types.ts';
import { runCheckPhase, runValuePhase } from './cascade.ts';
import type { EngineState, InstanceState } from './engine-state.ts';
import { instancesOf, type Instance } from './paths.ts';

/** What a client can observe of one instance; compared before/after to report changed paths. */
interface Snapshot {
  relevant: boolean;
  required: boolean;
  readonly: boolean;
  errors: string;
  choices: unknown[] | undefined;
  value: unknown;
}

function snapshot(engine: EngineState, inst: InstanceState): Snapshot {
  return {
    relevant: inst.relevant,
    required: inst.required,
    readonly: inst.readonly,
    errors: inst.errors.map((e) => `${e.code}@${e.path}`).join('|'),
    choices: inst.choices,
    value: engine.raw(inst.node, inst.indices),
  };
}

function differs(a: Snapshot, b: Snapshot): boolean {
  const sameChoices = a.choices === b.choices || (a.choices !== undefined && b.choices !== undefined && sameValue(a.choices, b.choices));
  return a.relevant !== b.relevant || a.required !== b.required || a.readonly !== b.readonly || a.errors !== b.errors || !sameChoices || !sameValue(a.value, b.value);
}

/** Rebuilds every instance (used on creation and when repeat entries shift); returns the paths that changed. */
export function recomputeAll(engine: EngineState, known = true): FieldPath[] {
  const before = new Map<FieldPath, Snapshot>();
  if (known) for (const inst of engine.instances.values()) before.set(inst.path, snapshot(engine, inst));
  engine.instances.clear();
  const { compiled, answers } = engine;
  for (const node of compiled.ordered) {
    for (const indices of instancesOf(answers, node)) runValuePhase(engine, engine.instance(node, indices));
  }
  for (const node of compiled.nodes) {
    for (const indices of instancesOf(answers, node)) runCheckPhase(engine, engine.instance(node, indices));
  }
  const changed: FieldPath[] = [];
  for (const inst of engine.instances.values()) {
    const old = before.get(inst.path);
    if (!old || differs(old, snapshot(engine, inst))) changed.push(inst.path);
  }
  for (const path of before.keys()) if (!engine.instances.has(path)) changed.push(path);
  return changed;
}

/** Instances of `dependent` that can read the changed instance: the same entry of every repeat they share. */
function affected(engine: EngineState, changed: Instance, dependent: FieldNode): number[][] {
  let shared = 0;
  const a = changed.node.repeatChain;
  const b = dependent.repeatChain;
  while (shared < a.length && shared < b.length && a[shared] === b[shared]) shared++;
  return instancesOf(engine.answers, dependent, changed.indices.slice(0, shared));
}

/** After the answer at `seed` was written: re-runs only its dependents, in dependency order; returns changed paths. */
export function propagateChange(engine: EngineState, seed: InstanceState, previousValue: unknown): FieldPath[] {
  const before = new Map<FieldPath, Snapshot>();
  const remember = (inst: InstanceState): void => {
    if (!before.has(inst.path)) before.set(inst.path, snapshot(engine, inst));
  };
  before.set(seed.path, { ...snapshot(engine, seed), value: previousValue });
  const valueQueue: InstanceState[] = [seed];
  const queued = new Set<FieldPath>([seed.path]);
  const checks = new Map<FieldPath, InstanceState>();
  const schedule = (node: FieldNode, from: Instance, forValue: boolean): void => {
    for (const indices of affected(engine, from, node)) {
      const inst = engine.instance(node, indices);
      remember(inst);
      if (!forValue) checks.set(inst.path, inst);
      else if (!queued.has(inst.path)) {
        queued.add(inst.path);
        insertByOrder(valueQueue, inst);
      }
    }
  };
  while (valueQueue.length > 0) {
    const inst = valueQueue.shift()!;
    const changed = runValuePhase(engine, inst) || (inst === seed && !sameValue(previousValue, engine.raw(seed.node, seed.indices)));
    checks.set(inst.path, inst);
    if (!changed) continue;
    for (const dependent of inst.node.valueDependents) schedule(dependent, inst, true);
    for (const dependent of inst.node.checkDependents) schedule(dependent, inst, false);
  }
  for (const inst of checks.values()) runCheckPhase(engine, inst);
  const changedPaths: FieldPath[] = [];
  for (const [path, old] of before) {
    const inst = engine.instances.get(path);
    if (inst && differs(old, snapshot(engine, inst))) changedPaths.push(path);
  }
  return changedPaths;
}

function insertByOrder(queue: InstanceState[], inst: InstanceState): void {
  let i = queue.length;
  while (i > 0 && queue[i - 1]!.node.order > inst.node.order) i--;
  queue.splice(i, 0, inst);
}

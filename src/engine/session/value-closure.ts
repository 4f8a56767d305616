// The fields some nodes' values depend on (relevance and calculations, transitively), in evaluation order, and the
// value phase run over just them: for writers that need a few values without evaluating the whole form.
import type { FieldNode } from '../definition/model.ts';
import { runValuePhase } from './cascade.ts';
import type { EngineState } from './engine-state.ts';
import { instancesOf } from './paths.ts';

/** `roots` and every node their relevance or calculation reads, transitively, in the form's evaluation order. */
export function valueClosure(ordered: readonly FieldNode[], roots: Iterable<FieldNode>): FieldNode[] {
  const needed = new Set<FieldNode>();
  const visit = (node: FieldNode): void => {
    if (needed.has(node)) return;
    needed.add(node);
    for (const dep of node.valueDeps) visit(dep);
  };
  for (const root of roots) visit(root);
  return ordered.filter((node) => needed.has(node));
}

/** Runs the value phase (relevance, calculation) for every instance of `steps`, in their order. */
export function runValuePhaseOver(engine: EngineState, steps: readonly FieldNode[]): void {
  for (const node of steps) {
    for (const indices of instancesOf(engine.answers, node)) runValuePhase(engine, engine.instance(node, indices));
  }
}

// The dependency graph: which nodes each rule reads, who depends on whom, and a cycle-free evaluation order.
import type { DefinitionError } from '../types.ts';
import { definitionError } from './build-nodes.ts';
import type { CompiledRule, FieldNode } from './model.ts';

const targetsOf = (...rules: (CompiledRule | undefined)[]): FieldNode[] => rules.flatMap((r) => r?.targets ?? []);

/** Value dependencies feed relevance and calculation; check dependencies feed everything evaluated after values settle. */
export function linkDependencies(nodes: FieldNode[]): void {
  for (const node of nodes) {
    const { rules } = node;
    for (const t of targetsOf(rules.relevant, rules.calculate)) node.valueDeps.add(t);
    if (node.parent) node.valueDeps.add(node.parent);
    for (const t of targetsOf(rules.required, rules.readonly, rules.choiceFilter, ...rules.constraints.map((c) => c.rule))) node.checkDeps.add(t);
    if (node.reasonNode) node.checkDeps.add(node.reasonNode);
  }
  for (const node of nodes) {
    for (const dep of node.valueDeps) dep.valueDependents.push(node);
    for (const dep of node.checkDeps) if (dep !== node) dep.checkDependents.push(node);
  }
}

/** Depth-first topological sort over value dependencies; a cycle is reported once, at the node that closes it. */
export function orderNodes(nodes: FieldNode[], errors: DefinitionError[]): FieldNode[] {
  const ordered: FieldNode[] = [];
  const state = new Map<FieldNode, 'visiting' | 'done'>();
  const visit = (node: FieldNode, trail: FieldNode[]): void => {
    const seen = state.get(node);
    if (seen === 'done') return;
    if (seen === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(node)), node].map((n) => n.id).join(' → ');
      errors.push(definitionError('E_DEF_CYCLE', node.def.calculate ? `${node.jsonPath}.calculate` : `${node.jsonPath}.relevant`, cycle));
      return;
    }
    state.set(node, 'visiting');
    for (const dep of node.valueDeps) visit(dep, [...trail, node]);
    state.set(node, 'done');
    node.order = ordered.length;
    ordered.push(node);
  };
  for (const node of nodes) visit(node, []);
  return ordered;
}

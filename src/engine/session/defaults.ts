// Defaults: fills `default` into missing answers of plain (non-calculated) fields, for the whole form or one new entry.
import type { FieldNode } from '../definition/model.ts';
import type { Answers } from '../types.ts';
import { copyLeaf } from './normalize.ts';
import { instancesOf, readRaw, writeRaw } from './paths.ts';

export function applyDefaults(answers: Answers, nodes: FieldNode[], prefix: number[] = [], under?: FieldNode): void {
  for (const node of nodes) {
    const { def } = node;
    if (def.default === undefined || def.calculate !== undefined || def.type === 'group' || def.type === 'repeat' || def.type === 'note') continue;
    if (under && !node.lineage.includes(under)) continue;
    for (const indices of instancesOf(answers, node, prefix)) {
      if (readRaw(answers, node, indices) === undefined) writeRaw(answers, node, indices, copyLeaf(def.default));
    }
  }
}

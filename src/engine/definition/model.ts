// The compiled form: one node per field with resolved choices, parsed rules and the dependency graph (built once).
import type { ParsedExpression } from '../expr/ast.ts';
import type { Choice, Constraint, FieldDefinition, FormDefinition, ScoringOutput, WarningRule } from '../types.ts';

/** A parsed expression whose ${...} references are resolved: targets[i] is the node of expression.refs[i]. */
export interface CompiledRule {
  expression: ParsedExpression;
  targets: FieldNode[];
}

export interface FieldRules {
  relevant?: CompiledRule;
  calculate?: CompiledRule;
  required?: CompiledRule;
  readonly?: CompiledRule;
  choiceFilter?: CompiledRule;
  constraints: { rule: CompiledRule; constraint: Constraint }[];
}

export interface FieldNode {
  /** Position in document order. */
  index: number;
  id: string;
  def: FieldDefinition;
  /** Path without repeat indices, e.g. "household.members.age". */
  templatePath: string;
  /** JSON path in the definition, e.g. "sections[0].fields[3]". */
  jsonPath: string;
  sectionId: string;
  parent: FieldNode | null;
  children: FieldNode[];
  /** Ancestors then self, outermost first. */
  lineage: FieldNode[];
  /** Repeat ancestors (not self), outermost first: an instance of this node has one index per entry. */
  repeatChain: FieldNode[];
  choices?: Choice[];
  reasonNode?: FieldNode;
  rules: FieldRules;
  /** Nodes whose effective value (relevance, calculation) this node's relevance/calculation reads. */
  valueDeps: Set<FieldNode>;
  /** Nodes read by this node's checks (required, readonly, constraints, choice filter, reason). */
  checkDeps: Set<FieldNode>;
  valueDependents: FieldNode[];
  checkDependents: FieldNode[];
  /** Position in the evaluation order of the value phase (dependencies first). */
  order: number;
}

export interface CompiledWarning {
  def: WarningRule;
  rule: CompiledRule;
}

export type CompiledScoring =
  | { def: ScoringOutput; kind: 'expr'; rule: CompiledRule }
  | { def: ScoringOutput; kind: 'table'; rule: CompiledRule }
  | { def: ScoringOutput; kind: 'fn'; name: string; args: Record<string, unknown> };

export interface CompiledForm {
  form: FormDefinition;
  nodes: FieldNode[];
  /** Nodes sorted so every value dependency comes before its dependents. */
  ordered: FieldNode[];
  byId: Map<string, FieldNode>;
  byTemplatePath: Map<string, FieldNode>;
  topLevel: FieldNode[];
  warnings: CompiledWarning[];
  scoring: CompiledScoring[];
  /** The form's recordTitle expressions (absent: the first-text-answer fallback). */
  recordTitle?: { title: CompiledRule; subtitle?: CompiledRule };
}

export const isContainer = (node: FieldNode): boolean => node.def.type === 'group' || node.def.type === 'repeat';
export const hasValue = (def: FieldDefinition): boolean => def.type !== 'group' && def.type !== 'note';

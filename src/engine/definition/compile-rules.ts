// Parses every expression of the definition and resolves its ${...} references to field nodes.
import { parseExpression } from '../expr/parse-expression.ts';
import type { DefinitionError, FormDefinition } from '../types.ts';
import { definitionError } from './build-nodes.ts';
import type { CompiledForm, CompiledRule, CompiledScoring, CompiledWarning, FieldNode } from './model.ts';

/** Where an expression sits decides which special names it may use. */
export interface ExpressionPlace {
  self?: boolean;
  choice?: boolean;
  /** Scoring keys visible as $result.<key> (undefined: none). */
  results?: Set<string>;
}

export class RuleCompiler {
  constructor(
    private readonly byId: Map<string, FieldNode>,
    private readonly byTemplatePath: Map<string, FieldNode>,
    readonly errors: DefinitionError[],
  ) {}

  resolve(ref: string): FieldNode | undefined {
    return ref.includes('.') ? this.byTemplatePath.get(ref) : this.byId.get(ref);
  }

  compile(source: string, path: string, place: ExpressionPlace = {}): CompiledRule | undefined {
    const parsed = parseExpression(source);
    if (!parsed.ok) {
      this.errors.push(definitionError(parsed.problem.code, path, parsed.problem.message));
      return undefined;
    }
    const { expression } = parsed;
    if (expression.usesSelf && !place.self) this.errors.push(definitionError('E_DEF_EXPR_UNSUPPORTED', path, '"." (own value) is only allowed in constraints, required and readonly'));
    if (expression.usesChoice && !place.choice) this.errors.push(definitionError('E_DEF_EXPR_UNSUPPORTED', path, 'choice.<key> is only allowed in choiceFilter'));
    for (const key of expression.usesResult) {
      if (!place.results?.has(key)) this.errors.push(definitionError('E_DEF_UNKNOWN_REF', path, `$result.${key} is not an earlier scoring output`));
    }
    const targets: FieldNode[] = [];
    let ok = true;
    for (const ref of expression.refs) {
      const target = this.resolve(ref);
      if (!target) {
        this.errors.push(definitionError('E_DEF_UNKNOWN_REF', path, `\${${ref}}`));
        ok = false;
      } else if (target.def.type === 'group' || target.def.type === 'note') {
        this.errors.push(definitionError('E_DEF_BAD_REF', path, `\${${ref}} is a ${target.def.type}`));
        ok = false;
      } else targets.push(target);
    }
    return ok ? { expression, targets } : undefined;
  }
}

export function compileFieldRules(node: FieldNode, compiler: RuleCompiler): void {
  const { def, jsonPath, rules } = node;
  const at = (key: string): string => `${jsonPath}.${key}`;
  if (def.relevant) rules.relevant = compiler.compile(def.relevant, at('relevant'));
  if (def.calculate) rules.calculate = compiler.compile(def.calculate, at('calculate'));
  if (typeof def.required === 'string') rules.required = compiler.compile(def.required, at('required'), { self: true });
  if (typeof def.readonly === 'string') rules.readonly = compiler.compile(def.readonly, at('readonly'), { self: true });
  if (def.choiceFilter) rules.choiceFilter = compiler.compile(def.choiceFilter, at('choiceFilter'), { choice: true });
  def.constraints?.forEach((constraint, i) => {
    const rule = compiler.compile(constraint.expr, `${jsonPath}.constraints[${i}].expr`, { self: true });
    if (rule) rules.constraints.push({ rule, constraint });
  });
  if ((node.choices ?? []).some((c) => c.requiresReason)) {
    const reasonId = def.reasonField ?? `${def.id}_reason`;
    node.reasonNode = compiler.resolve(reasonId);
    if (!node.reasonNode || (node.reasonNode.def.type !== 'text' && node.reasonNode.def.type !== 'ocr_text')) {
      compiler.errors.push(definitionError('E_DEF_REASON_FIELD', at('reasonField'), `"${reasonId}" must be a text field`));
    }
  }
}

export function compileWarnings(form: FormDefinition, compiler: RuleCompiler, scoringKeys: Set<string>): CompiledWarning[] {
  const out: CompiledWarning[] = [];
  const codes = new Set<string>();
  form.warnings?.forEach((def, i) => {
    if (codes.has(def.code)) compiler.errors.push(definitionError('E_DEF_DUPLICATE_ID', `warnings[${i}].code`, def.code));
    codes.add(def.code);
    def.paths.forEach((path, p) => {
      if (!compiler.resolve(path.replace(/\[\d+\]/g, ''))) compiler.errors.push(definitionError('E_DEF_UNKNOWN_REF', `warnings[${i}].paths[${p}]`, path));
    });
    const rule = compiler.compile(def.condition, `warnings[${i}].condition`, { results: scoringKeys });
    if (rule) out.push({ def, rule });
  });
  return out;
}

export function compileScoring(form: FormDefinition, compiler: RuleCompiler): { scoring: CompiledScoring[]; keys: Set<string> } {
  const scoring: CompiledScoring[] = [];
  const keys = new Set<string>();
  form.scoring?.forEach((def, i) => {
    if (keys.has(def.key)) compiler.errors.push(definitionError('E_DEF_DUPLICATE_ID', `scoring[${i}].key`, def.key));
    const earlier = new Set(keys);
    if ('expr' in def) {
      const rule = compiler.compile(def.expr, `scoring[${i}].expr`, { results: earlier });
      if (rule) scoring.push({ def, kind: 'expr', rule });
    } else if ('table' in def) {
      const rule = compiler.compile(def.table.input, `scoring[${i}].table.input`, { results: earlier });
      if (rule) scoring.push({ def, kind: 'table', rule });
    } else {
      scoring.push({ def, kind: 'fn', name: def.fn, args: def.args ?? {} });
    }
    keys.add(def.key);
  });
  return { scoring, keys };
}

/** The record title expressions: top-level references only (a title names one record, not one repeat entry). */
export function compileRecordTitle(form: FormDefinition, compiler: RuleCompiler): CompiledForm['recordTitle'] {
  const def = form.recordTitle;
  if (!def) return undefined;
  const compile = (source: string, path: string): CompiledRule | undefined => {
    const rule = compiler.compile(source, path);
    if (rule?.targets.some((t) => t.repeatChain.length > 0 || t.def.type === 'repeat')) {
      compiler.errors.push(definitionError('E_DEF_BAD_REF', path, 'a record title may not read a repeat or a field inside one'));
      return undefined;
    }
    return rule;
  };
  const title = compile(def.title, 'recordTitle.title');
  const subtitle = def.subtitle === undefined ? undefined : compile(def.subtitle, 'recordTitle.subtitle');
  if (!title) return undefined;
  return subtitle ? { title, subtitle } : { title };
}

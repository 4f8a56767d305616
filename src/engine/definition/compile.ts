// Turns a schema-valid definition into a CompiledForm (or definition errors); cached per definition object.
import { EngineError } from '../errors.ts';
import type { DefinitionError, FormDefinition } from '../types.ts';
import { buildNodes, definitionError } from './build-nodes.ts';
import { compileFieldRules, compileRecordTitle, compileScoring, compileWarnings, RuleCompiler } from './compile-rules.ts';
import { linkDependencies, orderNodes } from './graph.ts';
import type { CompiledForm, FieldNode } from './model.ts';

export type CompileResult = { ok: true; compiled: CompiledForm } | { ok: false; errors: DefinitionError[] };

const cache = new WeakMap<FormDefinition, CompileResult>();

export function compileForm(form: FormDefinition): CompileResult {
  const cached = cache.get(form);
  if (cached) return cached;
  let result: CompileResult;
  try {
    result = compileUncached(form);
  } catch (error) {
    result = { ok: false, errors: [definitionError('E_DEF_SCHEMA', '', (error as Error).message)] };
  }
  cache.set(form, result);
  return result;
}

/** For clients holding a definition they already parsed: a form that does not compile is a programmer error. */
export function requireCompiled(form: FormDefinition): CompiledForm {
  const result = compileForm(form);
  if (!result.ok) throw new EngineError('E_FORM_INVALID', result.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return result.compiled;
}

function compileUncached(form: FormDefinition): CompileResult {
  const errors: DefinitionError[] = [];
  const nodes = buildNodes(form, errors);
  const byId = new Map<string, FieldNode>();
  const byTemplatePath = new Map<string, FieldNode>();
  for (const node of nodes) {
    if (!byId.has(node.id)) byId.set(node.id, node);
    byTemplatePath.set(node.templatePath, node);
  }
  const compiler = new RuleCompiler(byId, byTemplatePath, errors);
  for (const node of nodes) compileFieldRules(node, compiler);
  const { scoring, keys } = compileScoring(form, compiler);
  const warnings = compileWarnings(form, compiler, keys);
  const recordTitle = compileRecordTitle(form, compiler);
  checkMigrations(form, errors);
  if (errors.length > 0) return { ok: false, errors };
  linkDependencies(nodes);
  const ordered = orderNodes(nodes, errors);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, compiled: { form, nodes, ordered, byId, byTemplatePath, topLevel: nodes.filter((n) => !n.parent), warnings, scoring, ...(recordTitle ? { recordTitle } : {}) } };
}

function checkMigrations(form: FormDefinition, errors: DefinitionError[]): void {
  form.migrations?.forEach((step, i) => {
    if (step.to <= step.from || step.to > form.version) {
      errors.push(definitionError('E_DEF_MIGRATION', `migrations[${i}]`, `from ${step.from} to ${step.to} (form version ${form.version})`));
    }
  });
}

// FormSession: one form being filled in — incremental re-evaluation for the UI, full evaluation on demand.
import { requireCompiled } from '../definition/compile.ts';
import type { CompiledForm } from '../definition/model.ts';
import { EngineError } from '../errors.ts';
import { evaluateWarnings } from '../rules/warnings.ts';
import { runScoring } from '../rules/scoring.ts';
import type { Answers, EvaluateOptions, Evaluation, FieldError, FieldPath, FieldState, FormDefinition } from '../types.ts';
import { applyDefaults } from './defaults.ts';
import { EngineState } from './engine-state.ts';
import { copyAnswers, normalizeAnswers } from './normalize.ts';
import { entryCount, formatPath, instancesOf, MAX_REPEAT_ENTRIES, parsePath, readRaw, writeRaw } from './paths.ts';
import { propagateChange, recomputeAll } from './recompute.ts';
import { shiftEntryPaths } from './shift-paths.ts';

export class FormSession {
  readonly form: FormDefinition;
  private readonly compiled: CompiledForm;
  private readonly engine: EngineState;
  private readonly options: EvaluateOptions;
  /** Errors about the input itself (unknown keys, truncated repeats), kept until the entries they name go away. */
  private inputErrors: FieldError[];

  /** Throws EngineError E_FORM_INVALID when the definition does not compile (use parseForm first). */
  constructor(form: FormDefinition, answers?: Answers, options: EvaluateOptions = {}) {
    this.form = form;
    this.options = options;
    this.compiled = requireCompiled(form);
    const normalized = normalizeAnswers(this.compiled, answers);
    this.inputErrors = normalized.errors;
    const now = options.now ?? new Date();
    this.engine = new EngineState(this.compiled, normalized.answers, { now, utcOffsetMinutes: options.utcOffsetMinutes ?? -now.getTimezoneOffset() });
    if (options.applyDefaults !== false) applyDefaults(this.engine.answers, this.compiled.nodes);
    recomputeAll(this.engine, false);
  }

  /** Number of rule evaluations so far (diagnostics and tests of incremental re-evaluation). */
  get ruleEvaluations(): number {
    return this.engine.evaluations;
  }

  answers(): Answers {
    return copyAnswers(this.engine.answers, this.compiled.topLevel, () => true);
  }

  relevantAnswers(): Answers {
    return copyAnswers(this.engine.answers, this.compiled.topLevel, (node, indices) => node.def.type !== 'note' && this.engine.instance(node, indices.slice(0, node.repeatChain.length)).relevant);
  }

  setAnswer(path: FieldPath, value: unknown): FieldPath[] {
    const target = parsePath(this.compiled, path);
    if (!target || ['group', 'repeat', 'note'].includes(target.node.def.type)) return [];
    const previous = readRaw(this.engine.answers, target.node, target.indices);
    if (!writeRaw(this.engine.answers, target.node, target.indices, value ?? null)) return [];
    return propagateChange(this.engine, this.engine.instance(target.node, target.indices), previous);
  }

  /** Appends an entry (with defaults) and returns its path, or null at maxCount or for a path that is not a repeat. */
  addRepeat(path: FieldPath): FieldPath | null {
    const target = parsePath(this.compiled, path);
    if (!target || target.node.def.type !== 'repeat') return null;
    const { node, indices } = target;
    const count = entryCount(this.engine.answers, node, indices);
    if (count >= Math.min(node.def.maxCount ?? MAX_REPEAT_ENTRIES, MAX_REPEAT_ENTRIES)) return null;
    const raw = readRaw(this.engine.answers, node, indices);
    const entries = Array.isArray(raw) ? raw : [];
    entries.push({});
    if (!writeRaw(this.engine.answers, node, indices, entries)) return null;
    applyDefaults(this.engine.answers, this.compiled.nodes, [...indices, count], node);
    recomputeAll(this.engine);
    return `${formatPath(node, indices)}[${count}]`;
  }

  removeRepeat(path: FieldPath, index: number): FieldPath[] {
    const target = parsePath(this.compiled, path);
    if (!target || target.node.def.type !== 'repeat') return [];
    const raw = readRaw(this.engine.answers, target.node, target.indices);
    if (!Array.isArray(raw) || !Number.isInteger(index) || index < 0 || index >= raw.length) return [];
    const repeatPath = formatPath(target.node, target.indices);
    writeRaw(this.engine.answers, target.node, target.indices, raw.filter((_, i) => i !== index));
    this.inputErrors = shiftEntryPaths(this.inputErrors, repeatPath, index);
    return recomputeAll(this.engine);
  }

  repeatCount(path: FieldPath): number {
    const target = parsePath(this.compiled, path);
    return target?.node.def.type === 'repeat' ? entryCount(this.engine.answers, target.node, target.indices) : 0;
  }

  /** Throws EngineError E_UNKNOWN_FIELD for a path the form does not have (a programming error in the client). */
  field(path: FieldPath): FieldState {
    const target = parsePath(this.compiled, path);
    const inst = target && this.engine.instances.get(formatPath(target.node, target.indices));
    if (!target || !inst) throw new EngineError('E_UNKNOWN_FIELD', `no field at "${String(path).slice(0, 100)}"`);
    const state: FieldState = {
      path: inst.path,
      field: inst.node.def,
      relevant: inst.relevant,
      required: inst.required,
      readonly: inst.readonly,
      value: readRaw(this.engine.answers, inst.node, inst.indices) ?? null,
      errors: [...inst.errors],
    };
    if (inst.choices) state.choices = inst.choices;
    return state;
  }

  sectionErrorCount(sectionId: string): number {
    let count = 0;
    for (const inst of this.engine.instances.values()) if (inst.node.sectionId === sectionId && inst.relevant) count += inst.errors.length;
    return count;
  }

  evaluation(): Evaluation {
    const fieldErrors: FieldError[] = [];
    for (const node of this.compiled.nodes) {
      for (const indices of instancesOf(this.engine.answers, node)) {
        const inst = this.engine.instances.get(formatPath(node, indices));
        if (inst?.relevant) fieldErrors.push(...inst.errors);
      }
    }
    const scoring = runScoring(this.engine, this.compiled.scoring, () => this.relevantAnswers(), this.options.functions);
    const warnings = evaluateWarnings(this.engine, this.compiled.warnings, scoring.result, this.options.acknowledged);
    const errors = [...this.inputErrors, ...fieldErrors, ...scoring.errors];
    return { valid: errors.length === 0, errors, warnings, result: scoring.result };
  }
}

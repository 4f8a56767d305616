// The live state of one filled-in form: answers, per-instance rule results, and expression scopes over them.
import type { CompiledForm, CompiledRule, FieldNode } from '../definition/model.ts';
import type { ExprScope } from '../expr/interpret.ts';
import { interpret } from '../expr/interpret.ts';
import type { Clock } from '../expr/functions.ts';
import type { Value } from '../expr/values.ts';
import type { Answers, Choice, FieldError, FieldPath } from '../types.ts';
import { entryCount, formatPath, instancesOf, readRaw } from './paths.ts';

export interface InstanceState {
  node: FieldNode;
  indices: number[];
  path: FieldPath;
  relevant: boolean;
  required: boolean;
  readonly: boolean;
  errors: FieldError[];
  choices?: Choice[];
}

/** Extra bindings for one evaluation: the own value (constraints) or the candidate choice (choice filters). */
export interface Bindings {
  self?: Value;
  choice?: Choice;
  results?: Record<string, unknown>;
}

export class EngineState {
  readonly instances = new Map<FieldPath, InstanceState>();
  /** Counts rule evaluations; tests use it to prove re-evaluation stays local. */
  evaluations = 0;

  constructor(
    readonly compiled: CompiledForm,
    readonly answers: Answers,
    readonly clock: Clock,
  ) {}

  instance(node: FieldNode, indices: readonly number[]): InstanceState {
    const path = formatPath(node, indices);
    let state = this.instances.get(path);
    if (!state) {
      state = { node, indices: [...indices], path, relevant: true, required: false, readonly: false, errors: [] };
      this.instances.set(path, state);
    }
    return state;
  }

  raw(node: FieldNode, indices: readonly number[]): unknown {
    return readRaw(this.answers, node, indices);
  }

  /** What expressions see: null for non-relevant fields; a repeat is a list with one item per entry. */
  effective(node: FieldNode, indices: readonly number[]): Value {
    const state = this.instances.get(formatPath(node, indices));
    if (state && !state.relevant) return null;
    if (node.def.type === 'repeat') return Array.from({ length: entryCount(this.answers, node, indices) }, (_, i) => i + 1);
    return this.raw(node, indices) ?? null;
  }

  /** A reference from `context` (null: top level) reads the same repeat entry where the two share repeats, else every entry. */
  refValue(context: { node: FieldNode; indices: readonly number[] } | null, target: FieldNode): Value {
    let bound = 0;
    if (context) {
      const chain = context.node.repeatChain;
      while (bound < chain.length && bound < target.repeatChain.length && chain[bound] === target.repeatChain[bound]) bound++;
    }
    const prefix = context ? context.indices.slice(0, bound) : [];
    if (bound === target.repeatChain.length) return this.effective(target, prefix);
    return instancesOf(this.answers, target, prefix).map((indices) => this.effective(target, indices));
  }

  evaluate(rule: CompiledRule, context: { node: FieldNode; indices: readonly number[] } | null, bindings: Bindings = {}): Value {
    this.evaluations++;
    const scope: ExprScope = {
      ref: (index) => {
        const target = rule.targets[index];
        return target ? this.refValue(context, target) : null;
      },
      self: () => bindings.self ?? null,
      choice: (key) => choiceProperty(bindings.choice, key),
      result: (key) => (bindings.results && Object.hasOwn(bindings.results, key) ? (bindings.results[key] as Value) : null),
      clock: this.clock,
    };
    return interpret(rule.expression.ast, scope);
  }
}

function choiceProperty(choice: Choice | undefined, key: string): Value {
  if (!choice) return null;
  if (key === 'value') return choice.value;
  return choice.data && Object.hasOwn(choice.data, key) ? choice.data[key] : null;
}

// Evaluates an expression tree against a context; every failure (bad types, division by zero) yields null.
import type { ExprNode } from './ast.ts';
import { FUNCTIONS, type Clock } from './functions.ts';
import { compare, finite, isEmpty, looseEquals, toNumber, truthy, type Value } from './values.ts';

/** What an expression can read; the session supplies it (refs are resolved by index into ParsedExpression.refs). */
export interface ExprScope {
  ref(index: number): Value;
  self(): Value;
  choice(key: string): Value;
  result(key: string): Value;
  clock: Clock;
}

export function interpret(node: ExprNode, scope: ExprScope): Value {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'ref':
      return scope.ref(node.index);
    case 'self':
      return scope.self();
    case 'choice':
      return scope.choice(node.key);
    case 'result':
      return scope.result(node.key);
    case 'unary':
      return unary(node.op, interpret(node.arg, scope));
    case 'binary':
      return binary(node.op, interpret(node.left, scope), interpret(node.right, scope));
    case 'logical': {
      const left = truthy(interpret(node.left, scope));
      if (node.op === 'and') return left && truthy(interpret(node.right, scope));
      return left || truthy(interpret(node.right, scope));
    }
    case 'conditional':
      return truthy(interpret(node.test, scope)) ? interpret(node.then, scope) : interpret(node.else, scope);
    case 'call':
      return callFunction(node, scope);
  }
}

function unary(op: string, value: Value): Value {
  if (op === '!') return !truthy(value);
  const n = toNumber(value);
  if (n === null) return null;
  return op === '-' ? -n : n;
}

function binary(op: string, left: Value, right: Value): Value {
  switch (op) {
    case '==':
      return looseEquals(left, right);
    case '!=':
      return !looseEquals(left, right);
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const c = compare(left, right);
      if (c === null) return false;
      return op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
    }
    case '+':
      if (typeof left === 'string' && typeof right === 'string' && toNumber(left) === null) {
        return left.length + right.length > 100_000 ? null : left + right;
      }
      return arithmetic(op, left, right);
    default:
      return arithmetic(op, left, right);
  }
}

function arithmetic(op: string, left: Value, right: Value): Value {
  if (isEmpty(left) || isEmpty(right)) return null;
  const a = toNumber(left);
  const b = toNumber(right);
  if (a === null || b === null) return null;
  switch (op) {
    case '+': return finite(a + b);
    case '-': return finite(a - b);
    case '*': return finite(a * b);
    case '/': return b === 0 ? null : finite(a / b);
    case '%': return b === 0 ? null : finite(a % b);
    default: return null;
  }
}

function callFunction(node: Extract<ExprNode, { kind: 'call' }>, scope: ExprScope): Value {
  if (node.name === 'if') return truthy(interpret(node.args[0]!, scope)) ? interpret(node.args[1]!, scope) : interpret(node.args[2]!, scope);
  if (node.name === 'coalesce') {
    for (const arg of node.args) {
      const v = interpret(arg, scope);
      if (!isEmpty(v)) return v;
    }
    return null;
  }
  const spec = FUNCTIONS[node.name];
  if (!spec?.call) return null;
  try {
    return spec.call(node.args.map((a) => interpret(a, scope)), scope.clock, node.regex);
  } catch {
    return null;
  }
}


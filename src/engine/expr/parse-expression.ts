// Parses an expression string with jsep into the engine's tree, accepting only whitelisted shapes and functions.
import jsep from 'jsep';
import type { BinaryOperator, ExprNode, ParsedExpression, UnaryOperator } from './ast.ts';
import { isKnownFunction, FUNCTIONS } from './functions.ts';
import { preprocess, SELF_IDENTIFIER } from './preprocess.ts';
import { compileSafeRegex } from './regex-guard.ts';

// jsep's configuration is module-global: the engine sets its word operators once, here.
jsep.addBinaryOp('or', 1);
jsep.addBinaryOp('and', 2);
jsep.addBinaryOp('div', 10);
jsep.addBinaryOp('mod', 10);
jsep.addUnaryOp('not');

export type ExpressionProblem = { code: 'E_DEF_EXPR_SYNTAX' | 'E_DEF_EXPR_UNSUPPORTED' | 'E_DEF_REGEX_UNSAFE'; message: string };
export type ParseExpressionResult = { ok: true; expression: ParsedExpression } | { ok: false; problem: ExpressionProblem };

const BINARY: Record<string, BinaryOperator> = {
  '+': '+', '-': '-', '*': '*', '/': '/', div: '/', '%': '%', mod: '%',
  '==': '==', '===': '==', '!=': '!=', '!==': '!=', '<': '<', '<=': '<=', '>': '>', '>=': '>=',
};
const LOGICAL: Record<string, 'and' | 'or'> = { '&&': 'and', and: 'and', '||': 'or', or: 'or' };
const UNARY: Record<string, UnaryOperator> = { '-': '-', '+': '+', '!': '!', not: '!' };
const MAX_DEPTH = 64;

class Unsupported extends Error {
  constructor(
    readonly code: ExpressionProblem['code'],
    message: string,
  ) {
    super(message);
  }
}

export function parseExpression(source: string): ParseExpressionResult {
  const pre = preprocess(source);
  if (!pre.ok) return { ok: false, problem: { code: 'E_DEF_EXPR_SYNTAX', message: pre.message } };
  let tree: jsep.Expression;
  try {
    tree = jsep(pre.text);
  } catch (error) {
    return { ok: false, problem: { code: 'E_DEF_EXPR_SYNTAX', message: (error as Error).message } };
  }
  const state = { usesSelf: false, usesChoice: false, usesResult: [] as string[], refCount: pre.refs.length };
  try {
    const ast = convert(tree, state, 0);
    return { ok: true, expression: { source, ast, refs: pre.refs, usesSelf: state.usesSelf, usesChoice: state.usesChoice, usesResult: state.usesResult } };
  } catch (error) {
    if (error instanceof Unsupported) return { ok: false, problem: { code: error.code, message: error.message } };
    return { ok: false, problem: { code: 'E_DEF_EXPR_SYNTAX', message: (error as Error).message } };
  }
}

type State = { usesSelf: boolean; usesChoice: boolean; usesResult: string[]; refCount: number };

function convert(node: jsep.Expression, state: State, depth: number): ExprNode {
  if (depth > MAX_DEPTH) throw new Unsupported('E_DEF_EXPR_UNSUPPORTED', 'expression nested too deeply');
  const next = (n: jsep.Expression): ExprNode => convert(n, state, depth + 1);
  switch (node.type) {
    case 'Literal': {
      const value = (node as jsep.Literal).value;
      if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return { kind: 'literal', value };
      throw new Unsupported('E_DEF_EXPR_UNSUPPORTED', 'unsupported literal');
    }
    case 'Identifier':
      return identifier((node as jsep.Identifier).name, state);
    case 'MemberExpression':
      return member(node as jsep.MemberExpression, state);
    case 'UnaryExpression': {
      const u = node as jsep.UnaryExpression;
      const op = Object.hasOwn(UNARY, u.operator) ? UNARY[u.operator] : undefined;
      if (!op) throw new Unsupported('E_DEF_EXPR_UNSUPPORTED', `operator ${u.operator} is not supported`);
      return { kind: 'unary', op, arg: next(u.argument) };
    }
    case 'BinaryExpression': {
      const b = node as jsep.BinaryExpression;
      if (Object.hasOwn(LOGICAL, b.operator)) return { kind: 'logical', op: LOGICAL[b.operator]!, left: next(b.left), right: next(b.right) };
      const op = Object.hasOwn(BINARY, b.operator) ? BINARY[b.operator] : undefined;
      if (!op) throw new Unsupported('E_DEF_EXPR_UNSUPPORTED', `operator ${b.operator} is not supported`);
      return { kind: 'binary', op, left: next(b.left), right: next(b.right) };
    }
    case 'ConditionalExpression': {
      const c = node as jsep.ConditionalExpression;
      return { kind: 'conditional', test: next(c.test), then: next(c.consequent), else: next(c.alternate) };
    }
    case 'CallExpression':
      return call(node as jsep.CallExpression, next);
    default:
      throw new Unsupported('E_DEF_EXPR_UNSUPPORTED', `${node.type} is not supported`);
  }
}

function identifier(name: string, state: State): ExprNode {
  const ref = /^__ref(\d+)$/.exec(name);
  if (ref && Number(ref[1]) < state.refCount) return { kind: 'ref', index: Number(ref[1]) };
  if (name === SELF_IDENTIFIER || name === 'value') {
    state.usesSelf = true;
    return { kind: 'self' };
  }
  throw new Unsupported('E_DEF_EXPR_UNSUPPORTED', `unknown name "${name}" (fields are written \${id})`);
}

function member(node: jsep.MemberExpression, state: State): ExprNode {
  const object = node.object.type === 'Identifier' ? (node.object as jsep.Identifier).name : '';
  const property = !node.computed && node.property.type === 'Identifier' ? (node.property as jsep.Identifier).name : '';
  if (object === 'choice' && property) {
    state.usesChoice = true;
    return { kind: 'choice', key: property };
  }
  if (object === '$result' && property) {
    state.usesResult.push(property);
    return { kind: 'result', key: property };
  }
  throw new Unsupported('E_DEF_EXPR_UNSUPPORTED', 'property access is only allowed as choice.<key> or $result.<key>');
}

function call(node: jsep.CallExpression, next: (n: jsep.Expression) => ExprNode): ExprNode {
  const name = node.callee.type === 'Identifier' ? (node.callee as jsep.Identifier).name : '';
  if (!isKnownFunction(name)) throw new Unsupported('E_DEF_EXPR_UNSUPPORTED', `unknown function ${name || '(computed)'}()`);
  const spec = FUNCTIONS[name]!;
  if (node.arguments.length < spec.minArgs || node.arguments.length > spec.maxArgs) {
    throw new Unsupported('E_DEF_EXPR_SYNTAX', `${name}() takes ${spec.minArgs}–${spec.maxArgs} arguments`);
  }
  const args = node.arguments.map(next);
  if (name !== 'regex') return { kind: 'call', name, args };
  const pattern = args[1];
  if (pattern?.kind !== 'literal' || typeof pattern.value !== 'string') {
    throw new Unsupported('E_DEF_REGEX_UNSAFE', 'regex() needs a string literal pattern');
  }
  const compiled = compileSafeRegex(pattern.value);
  if (!compiled.ok) throw new Unsupported('E_DEF_REGEX_UNSAFE', compiled.message);
  return { kind: 'call', name, args, regex: compiled.regex };
}

// The engine's own expression tree: the only shapes the interpreter knows (jsep output is converted into these).

export type BinaryOperator = '+' | '-' | '*' | '/' | '%' | '==' | '!=' | '<' | '<=' | '>' | '>=';
export type UnaryOperator = '-' | '+' | '!';

export type ExprNode =
  | { kind: 'literal'; value: string | number | boolean | null }
  | { kind: 'ref'; index: number }
  | { kind: 'self' }
  | { kind: 'choice'; key: string }
  | { kind: 'result'; key: string }
  | { kind: 'unary'; op: UnaryOperator; arg: ExprNode }
  | { kind: 'binary'; op: BinaryOperator; left: ExprNode; right: ExprNode }
  | { kind: 'logical'; op: 'and' | 'or'; left: ExprNode; right: ExprNode }
  | { kind: 'conditional'; test: ExprNode; then: ExprNode; else: ExprNode }
  | { kind: 'call'; name: string; args: ExprNode[]; regex?: RegExp };

/** A parsed expression: its tree plus the field references it reads, in order of first use. */
export interface ParsedExpression {
  source: string;
  ast: ExprNode;
  /** Reference texts as written inside ${...}, e.g. "age" or "household.members". */
  refs: string[];
  usesSelf: boolean;
  usesChoice: boolean;
  usesResult: string[];
}

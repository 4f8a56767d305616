// Compiles regex() patterns from the definition once, refusing patterns that can backtrack exponentially.

const MAX_PATTERN_LENGTH = 200;
/** The longest text a pattern is ever run against (text answers are capped anyway). */
export const MAX_REGEX_INPUT = 10_000;

export type CompiledRegex = { ok: true; regex: RegExp } | { ok: false; message: string };

/**
 * Conservative: no backreferences, no lookbehind, and no quantified group that itself contains a quantifier
 * or an alternation (the shapes behind catastrophic backtracking such as (a+)+ or (a|a)*).
 */
export function compileSafeRegex(pattern: string): CompiledRegex {
  if (pattern.length > MAX_PATTERN_LENGTH) return { ok: false, message: `pattern longer than ${MAX_PATTERN_LENGTH}` };
  if (/\\[1-9]|\\k</.test(pattern)) return { ok: false, message: 'backreferences are not allowed' };
  if (/\(\?<[=!]/.test(pattern)) return { ok: false, message: 'lookbehind is not allowed' };
  if (hasNestedQuantifier(pattern)) return { ok: false, message: 'a quantified group contains a quantifier or alternation' };
  try {
    return { ok: true, regex: new RegExp(pattern, 'u') };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

function hasNestedQuantifier(pattern: string): boolean {
  const stack: { risky: boolean }[] = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === '(') stack.push({ risky: false });
    else if (ch === ')') {
      const group = stack.pop();
      const next = pattern[i + 1];
      const quantified = next === '*' || next === '+' || next === '?' || next === '{';
      if (group?.risky && quantified && next !== '?') return true;
      if (group?.risky && stack.length > 0) stack[stack.length - 1]!.risky = true;
      if (quantified && stack.length > 0) stack[stack.length - 1]!.risky = true;
    } else if ((ch === '*' || ch === '+' || ch === '{' || ch === '|') && stack.length > 0) {
      stack[stack.length - 1]!.risky = true;
    }
  }
  return false;
}

// parseForm: schema check with zod, then the semantic checks of compilation; never throws.
import { definitionError } from './definition/build-nodes.ts';
import { compileForm } from './definition/compile.ts';
import { formSchema } from './definition/schema.ts';
import type { FormDefinition, ParseResult } from './types.ts';

const MAX_JSON_DEPTH = 40;

export function parseForm(input: unknown): ParseResult {
  if (depthExceeds(input, MAX_JSON_DEPTH)) return { ok: false, errors: [definitionError('E_DEF_TOO_DEEP', '', `more than ${MAX_JSON_DEPTH} levels of nesting`)] };
  let parsed;
  try {
    parsed = formSchema.safeParse(input);
  } catch (error) {
    return { ok: false, errors: [definitionError('E_DEF_SCHEMA', '', (error as Error).message)] };
  }
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.slice(0, 100).map((issue) => definitionError('E_DEF_SCHEMA', jsonPath(issue.path), issue.message)) };
  }
  const form = parsed.data as FormDefinition;
  const compiled = compileForm(form);
  return compiled.ok ? { ok: true, form } : { ok: false, errors: compiled.errors };
}

/** "sections[0].fields[3].relevant" from zod's ["sections", 0, "fields", 3, "relevant"]. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

/** Iterative, so a hostile 100,000-level document cannot overflow the stack before we refuse it. */
function depthExceeds(input: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[input, 0]];
  let visited = 0;
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= limit) return true;
    if (++visited > 1_000_000) return true;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return false;
}

// Keeps path-bearing input errors in step when a repeat entry is removed (later entries move down by one).
import type { FieldError } from '../types.ts';

export function shiftEntryPaths(errors: FieldError[], repeatPath: string, removed: number): FieldError[] {
  const prefix = `${repeatPath}[`;
  const out: FieldError[] = [];
  for (const error of errors) {
    if (!error.path.startsWith(prefix)) {
      out.push(error);
      continue;
    }
    const match = /^(\d+)\]/.exec(error.path.slice(prefix.length));
    const index = match ? Number(match[1]) : -1;
    if (index === removed) continue;
    if (index > removed) out.push({ ...error, path: `${prefix}${index - 1}${error.path.slice(prefix.length + match![1]!.length)}` });
    else out.push(error);
  }
  return out;
}

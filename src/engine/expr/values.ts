// Value rules of the expression language: emptiness, truthiness, numbers, equality and ordering (null-safe).

export type Value = unknown;

export function isEmpty(value: Value): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

export function truthy(value: Value): boolean {
  if (isEmpty(value)) return false;
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  return value !== false;
}

/** A finite number from a number, a numeric string or a boolean; otherwise null. */
export function toNumber(value: Value): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && value.trim() !== '' && value.length < 100) {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** A finite result or null (so overflow and NaN never leak into answers). */
export const finite = (n: number): number | null => (Number.isFinite(n) ? n : null);

export function toText(value: Value): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/** `==`: null equals only null/empty; a number equals its numeric string (choice values may be either). */
export function looseEquals(a: Value, b: Value): boolean {
  if (isEmpty(a) || isEmpty(b)) return isEmpty(a) && isEmpty(b);
  if (typeof a === typeof b && typeof a !== 'object') return a === b;
  if (typeof a === 'number' || typeof b === 'number') {
    const x = toNumber(a);
    const y = toNumber(b);
    return x !== null && x === y;
  }
  return false;
}

/** `<` family: -1/0/1, or null when the values are not comparable (null, mixed kinds) — then the comparison is false. */
export function compare(a: Value, b: Value): number | null {
  if (isEmpty(a) || isEmpty(b)) return null;
  if (typeof a === 'string' && typeof b === 'string') {
    const x = toNumber(a);
    const y = toNumber(b);
    if (x !== null && y !== null) return Math.sign(x - y);
    return a < b ? -1 : a > b ? 1 : 0;
  }
  const x = toNumber(a);
  const y = toNumber(b);
  if (x === null || y === null) return null;
  return Math.sign(x - y);
}

/** Flattens nested arrays one level at a time (repeat fan-out can nest); never recurses into objects. */
export function flatten(values: Value[], depth = 4): Value[] {
  const out: Value[] = [];
  for (const v of values) {
    if (Array.isArray(v) && depth > 0) out.push(...flatten(v, depth - 1));
    else out.push(v);
  }
  return out;
}

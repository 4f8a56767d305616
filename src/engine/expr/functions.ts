// The whitelist of expression functions: name → arity and a pure implementation (errors give null, never throw).
import { dayNumber, fullYears, localIso } from './dates.ts';
import { MAX_REGEX_INPUT } from './regex-guard.ts';
import { finite, flatten, isEmpty, looseEquals, toNumber, toText, truthy, type Value } from './values.ts';

export interface Clock {
  now: Date;
  utcOffsetMinutes: number;
}

/** Most functions get evaluated arguments; `if` and `coalesce` are lazy and handled by the interpreter. */
export interface FunctionSpec {
  minArgs: number;
  maxArgs: number;
  call?: (args: Value[], clock: Clock, regex?: RegExp) => Value;
}

const numbersOf = (args: Value[]): number[] =>
  flatten(args).filter((v) => !isEmpty(v)).map(toNumber).filter((n): n is number => n !== null);

const asList = (value: Value): Value[] => (Array.isArray(value) ? value : isEmpty(value) ? [] : [value]);
const today = (clock: Clock): string => localIso(clock.now, clock.utcOffsetMinutes).slice(0, 10);
const MAX_TEXT = 100_000;

export const FUNCTIONS: Record<string, FunctionSpec> = {
  if: { minArgs: 3, maxArgs: 3 },
  coalesce: { minArgs: 1, maxArgs: 20 },
  count: { minArgs: 1, maxArgs: 1, call: ([v]) => asList(v).filter((x) => !isEmpty(x)).length },
  sum: { minArgs: 1, maxArgs: 20, call: (args) => finite(numbersOf(args).reduce((a, b) => a + b, 0)) },
  min: { minArgs: 1, maxArgs: 20, call: (args) => { const n = numbersOf(args); return n.length ? Math.min(...n) : null; } },
  max: { minArgs: 1, maxArgs: 20, call: (args) => { const n = numbersOf(args); return n.length ? Math.max(...n) : null; } },
  abs: { minArgs: 1, maxArgs: 1, call: ([v]) => { const n = toNumber(v); return n === null ? null : Math.abs(n); } },
  round: {
    minArgs: 1,
    maxArgs: 2,
    call: ([v, digits]) => {
      const n = toNumber(v);
      const d = digits === undefined ? 0 : toNumber(digits);
      if (n === null || d === null || !Number.isInteger(d) || d < 0 || d > 10) return null;
      const f = 10 ** d;
      return finite(Math.round(n * f) / f);
    },
  },
  selected: { minArgs: 2, maxArgs: 2, call: ([list, v]) => asList(list).some((x) => looseEquals(x, v)) },
  count_selected: { minArgs: 1, maxArgs: 1, call: ([list]) => asList(list).length },
  contains: {
    minArgs: 2,
    maxArgs: 2,
    call: ([haystack, needle]) => {
      const n = toText(needle);
      if (Array.isArray(haystack)) return haystack.some((x) => looseEquals(x, needle));
      const h = toText(haystack);
      return h !== null && n !== null && h.includes(n);
    },
  },
  length: { minArgs: 1, maxArgs: 1, call: ([v]) => (Array.isArray(v) ? v.length : (toText(v) ?? '').length) },
  today: { minArgs: 0, maxArgs: 0, call: (_args, clock) => today(clock) },
  now: { minArgs: 0, maxArgs: 0, call: (_args, clock) => localIso(clock.now, clock.utcOffsetMinutes) },
  date_diff_days: {
    minArgs: 2,
    maxArgs: 2,
    call: ([a, b]) => {
      const x = dayNumber(a);
      const y = dayNumber(b);
      return x === null || y === null ? null : y - x;
    },
  },
  age_years: { minArgs: 1, maxArgs: 1, call: ([birth], clock) => fullYears(birth, today(clock)) },
  year: { minArgs: 1, maxArgs: 1, call: ([v]) => (dayNumber(v) === null ? null : Number(String(v).slice(0, 4))) },
  substr: {
    minArgs: 2,
    maxArgs: 3,
    call: ([v, start, end]) => {
      const text = toText(v);
      const from = toNumber(start);
      const to = end === undefined ? undefined : toNumber(end);
      if (text === null || from === null || to === null) return null;
      return text.slice(from, to);
    },
  },
  empty: { minArgs: 1, maxArgs: 1, call: ([v]) => isEmpty(v) },
  number: { minArgs: 1, maxArgs: 1, call: ([v]) => toNumber(v) },
  string: { minArgs: 1, maxArgs: 1, call: ([v]) => toText(v) },
  boolean: { minArgs: 1, maxArgs: 1, call: ([v]) => truthy(v) },
  concat: {
    minArgs: 1,
    maxArgs: 20,
    call: (args) => {
      const text = flatten(args).map((v) => toText(v) ?? '').join('');
      return text.length > MAX_TEXT ? null : text;
    },
  },
  /** join(separator, a, b, …): the non-empty values as text, separated (a title from parts that may be missing). */
  join: {
    minArgs: 2,
    maxArgs: 20,
    call: ([separator, ...parts]) => {
      const sep = toText(separator) ?? '';
      const text = flatten(parts).filter((v) => !isEmpty(v)).map((v) => toText(v)).filter((t): t is string => t !== null && t.trim() !== '').join(sep);
      return text.length > MAX_TEXT ? null : text;
    },
  },
  regex: {
    minArgs: 2,
    maxArgs: 2,
    call: ([v], _clock, regex) => {
      const text = toText(v);
      if (text === null || regex === undefined || text.length > MAX_REGEX_INPUT) return false;
      return regex.test(text);
    },
  },
};

export const isKnownFunction = (name: string): boolean => Object.hasOwn(FUNCTIONS, name);

// Calendar helpers shared by value validation and date functions (pure, no time-zone guessing).

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)(:([0-5]\d))?$/;
const DATETIME = /^(\d{4}-\d{2}-\d{2})T(([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?)(Z|[+-]([01]\d|2[0-3]):[0-5]\d)?$/;
const ISO_TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,3})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

export function isDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return year >= 1 && d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export const isTime = (value: unknown): value is string => typeof value === 'string' && TIME.test(value);

export function isDateTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATETIME.exec(value);
  return m !== null && isDate(m[1]);
}

/** A full ISO instant with seconds and a zone (what a timestamp button stores). */
export function isIsoTimestamp(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_TIMESTAMP.exec(value);
  return m !== null && isDate(m[1]);
}

/** Days since 1970-01-01 of the date part of a date or datetime string; null when not a date. */
export function dayNumber(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const datePart = value.slice(0, 10);
  if (!isDate(datePart) || (value.length > 10 && !isDateTime(value))) return null;
  return Date.UTC(Number(datePart.slice(0, 4)), Number(datePart.slice(5, 7)) - 1, Number(datePart.slice(8, 10))) / 86_400_000;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The wall-clock time of `now` at `offsetMinutes` east of UTC, as "YYYY-MM-DDTHH:MM:SS±HH:MM". */
export function localIso(now: Date, offsetMinutes: number): string {
  const shifted = new Date(now.getTime() + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const date = `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
  const time = `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}`;
  return `${date}T${time}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Whole years from `birth` to `today` (both "YYYY-MM-DD"); null when either is not a date or birth is later. */
export function fullYears(birth: unknown, today: string): number | null {
  if (dayNumber(birth) === null || typeof birth !== 'string') return null;
  const [by, bm, bd] = [Number(birth.slice(0, 4)), Number(birth.slice(5, 7)), Number(birth.slice(8, 10))];
  const [ty, tm, td] = [Number(today.slice(0, 4)), Number(today.slice(5, 7)), Number(today.slice(8, 10))];
  const years = ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
  return years < 0 ? null : years;
}

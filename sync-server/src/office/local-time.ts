// Instants as a municipal clerk reads them: wall-clock time in the server's zone (GENBA_TIMEZONE, default Asia/Tokyo), and the same with its offset for machines.
import { isDateTime } from '../../../src/engine/expr/dates.ts';

export const DEFAULT_TIME_ZONE = 'Asia/Tokyo';

interface WallClock {
  date: string;
  time: string;
  seconds: string;
  /** Minutes east of UTC at that instant in that zone. */
  offsetMinutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when the runtime knows this IANA zone name (checked once at start-up by the config). */
export function isTimeZone(name: string): boolean {
  try {
    formatterFor(name);
    return true;
  } catch {
    return false;
  }
}

function wallClock(instant: Date, timeZone: string): WallClock {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const time = `${parts.hour}:${parts.minute}`;
  const asUtc = Date.parse(`${date}T${time}:${parts.second}Z`);
  const offsetMinutes = Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
  return { date, time, seconds: parts.second ?? '00', offsetMinutes };
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** A string with an explicit zone (Z or ±hh:mm) as an instant; null for anything else (a wall-clock datetime has no zone). */
function instantOf(text: string): Date | null {
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : new Date(ms);
}

/** "2026-12-05 08:00" in the zone: what Excel shows and sorts, and what a clerk expects to read. */
export function localDateTime(iso: string, timeZone: string): string | null {
  const instant = instantOf(iso);
  if (!instant) return null;
  const clock = wallClock(instant, timeZone);
  return `${clock.date} ${clock.time}`;
}

/** "2026-12-05T08:00:00+09:00": the same instant for a machine, with the offset written out. */
export function isoWithOffset(iso: string, timeZone: string): string | null {
  const instant = instantOf(iso);
  if (!instant) return null;
  const clock = wallClock(instant, timeZone);
  return `${clock.date}T${clock.time}:${clock.seconds}${offsetText(clock.offsetMinutes)}`;
}

/**
 * A datetime answer for people: one with a zone moves to the server's zone; one without (the tablet's wall clock,
 * already local) only loses its "T" and seconds. Anything else is returned unchanged.
 */
export function localAnswerDateTime(value: string, timeZone: string): string {
  const local = localDateTime(value, timeZone);
  if (local) return local;
  if (isDateTime(value)) return value.replace('T', ' ').slice(0, 16);
  return value;
}

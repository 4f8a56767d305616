// The visit schedule as pure functions: a case's visit date and time as written, the cases of one day and of one week (Monday first), and the unscheduled ones apart.
import type { CaseView } from '../../../forms/care-case/case-fields.ts';

/** One assigned case as the schedule shows it. */
export interface ScheduleCase {
  id: string;
  view: CaseView;
}

/** YYYY-MM-DD. */
export type DayKey = string;

const VISIT = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/;
const DAY_MS = 86_400_000;

/**
 * The visit's day and time as the assessor wrote them ('2025-04-03T10:00+09:00' → 2025-04-03, 10:00): a visit
 * belongs to the calendar day of the place it happens in, whatever zone the tablet's clock is set to.
 */
export function visitSlot(visitAt: string | null): { day: DayKey; time: string } | null {
  const match = visitAt ? VISIT.exec(visitAt) : null;
  if (!match || Number.isNaN(Date.parse(`${match[1]}T00:00:00Z`))) return null;
  return { day: match[1]!, time: match[2]! };
}

export function addDays(day: DayKey, days: number): DayKey {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(day: DayKey): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** The seven days (Monday to Sunday) of the week that holds `day`. */
export function weekOf(day: DayKey): DayKey[] {
  const monday = addDays(day, -weekdayIndex(day));
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** Earlier visit first; the same minute keeps a stable order by case number, then id. */
function byVisit(a: ScheduleCase, b: ScheduleCase): number {
  const ta = Date.parse(a.view.visitAt ?? '');
  const tb = Date.parse(b.view.visitAt ?? '');
  if (ta !== tb) return ta - tb;
  return (a.view.caseNumber ?? '').localeCompare(b.view.caseNumber ?? '') || a.id.localeCompare(b.id);
}

/** Oldest application first: the case waiting longest needs a call first. */
function byApplication(a: ScheduleCase, b: ScheduleCase): number {
  return (a.view.applicationDate ?? '9999').localeCompare(b.view.applicationDate ?? '9999') || a.id.localeCompare(b.id);
}

export function unscheduled(cases: readonly ScheduleCase[]): ScheduleCase[] {
  return cases.filter((c) => visitSlot(c.view.visitAt) === null).sort(byApplication);
}

export function casesOnDay(cases: readonly ScheduleCase[], day: DayKey): ScheduleCase[] {
  return cases.filter((c) => visitSlot(c.view.visitAt)?.day === day).sort(byVisit);
}

export interface ScheduleDay {
  day: DayKey;
  cases: ScheduleCase[];
}

export function weekSchedule(cases: readonly ScheduleCase[], day: DayKey): ScheduleDay[] {
  return weekOf(day).map((d) => ({ day: d, cases: casesOnDay(cases, d) }));
}

/** The device's calendar date (its own clock and zone). */
export function todayOf(now: Date): DayKey {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** '+09:00' for 540 minutes east of UTC. */
export function offsetText(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** A datetime answer from a datetime-local input ('2025-04-03T10:00') in the device's zone; null for anything else. */
export function datetimeAnswer(localValue: string, offsetMinutes: number): string | null {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(localValue) && visitSlot(localValue) ? `${localValue}${offsetText(offsetMinutes)}` : null;
}

/** The device's clock now as a datetime answer ('2025-04-03T10:05+09:00'), for a call's time. */
export function nowAnswer(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const local = `${todayOf(now)}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
  return `${local}${offsetText(-now.getTimezoneOffset())}`;
}

/** What a datetime-local input shows for a stored answer (the written local time). */
export function localInputValue(visitAt: string | null): string {
  const slot = visitSlot(visitAt);
  return slot ? `${slot.day}T${slot.time}` : '';
}

// The case KPIs as pure functions: calendar days from application to visit and from visit to the finished (approved) 調査票, and their median/mean over a list.
import { median } from '../office/median.ts';
import type { KpiSummary } from '../../../src/protocol/care/case-list.ts';

/** Japan keeps one offset all year (no daylight saving): calendar days are counted in JST. */
export const JST_OFFSET_MINUTES = 9 * 60;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a calendar date, or null when it is not one. */
function dayNumber(date: string): number | null {
  const match = DATE.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return ms / DAY_MS;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier); null when either is not a date. */
export function calendarDaysBetween(from: string | null, to: string | null): number | null {
  if (from === null || to === null) return null;
  const a = dayNumber(from);
  const b = dayNumber(to);
  return a === null || b === null ? null : b - a;
}

/**
 * The calendar date a datetime answer was written for: '2025-03-28T10:00+09:00' → '2025-03-28'.
 * The local date as typed on the tablet is the visit's date, whatever the offset.
 */
export function localDateOf(datetime: string | null): string | null {
  if (datetime === null) return null;
  const date = datetime.slice(0, 10);
  return dayNumber(date) === null ? null : date;
}

/** The JST calendar date of an instant (e.g. the approval time '2025-04-01T16:00:00Z' → '2025-04-02'). */
export function jstDateOf(instant: string | null): string | null {
  if (instant === null) return null;
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return null;
  return new Date(ms + JST_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}

export interface CaseTimelineInput {
  /** 申請日 (YYYY-MM-DD). */
  applicationDate: string | null;
  /** The assessment's 実施日時 as written. */
  surveyedAt: string | null;
  /** When the assessment was approved (ISO instant); null while not approved. */
  approvedAt: string | null;
}

export interface CaseTimeline {
  visitDate: string | null;
  finishedDate: string | null;
  daysToVisit: number | null;
  daysToFinish: number | null;
}

export function caseTimeline(input: CaseTimelineInput): CaseTimeline {
  const visitDate = localDateOf(input.surveyedAt);
  const finishedDate = jstDateOf(input.approvedAt);
  return {
    visitDate,
    finishedDate,
    daysToVisit: calendarDaysBetween(input.applicationDate, visitDate),
    daysToFinish: calendarDaysBetween(visitDate, finishedDate),
  };
}

export function summarizeDays(values: readonly (number | null)[]): KpiSummary {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return { count: 0, median: null, mean: null };
  const mean = known.reduce((sum, v) => sum + v, 0) / known.length;
  return { count: known.length, median: median(known), mean: Math.round(mean * 10) / 10 };
}

// How a schedule day and a written datetime read in the current language ('4月3日(木)' / 'Thu 3 Apr'), computed from the date as written, never shifted by the device's zone.
import type { Language } from '../localize.ts';
import { visitSlot, type DayKey } from './schedule.ts';

const formats = new Map<string, Intl.DateTimeFormat>();

function format(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}:${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    // UTC on both sides: the day key is a calendar date, not an instant.
    f = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'ja-JP', { ...options, timeZone: 'UTC' });
    formats.set(key, f);
  }
  return f;
}

export function dayLabel(day: DayKey, language: Language, withYear = false): string {
  const options: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', weekday: 'short', ...(withYear ? { year: 'numeric' } : {}) };
  return format(language, options).format(new Date(`${day}T00:00:00Z`));
}

/** A datetime answer as its written day and time ('4月3日(木) 10:00'); '' when it is not one. */
export function whenLabel(datetime: string | null, language: Language): string {
  const slot = visitSlot(datetime);
  return slot ? `${dayLabel(slot.day, language)} ${slot.time}` : '';
}

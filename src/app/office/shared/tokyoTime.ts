// The office's one way to show an instant: Asia/Tokyo wall-clock time as "2026/12/05 08:12" (pure; the municipality's clock, whatever the browser's).
export const OFFICE_TIME_ZONE = 'Asia/Tokyo';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: OFFICE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

function tokyoParts(iso: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const out: Record<string, string> = {};
  for (const part of parts.formatToParts(date)) out[part.type] = part.value;
  return { year: out.year ?? '', month: out.month ?? '', day: out.day ?? '', hour: out.hour ?? '', minute: out.minute ?? '' };
}

/** "2026-12-04T23:12:00Z" → "2026/12/05 08:12"; '—' when absent; an unreadable value is shown as given rather than hidden. */
export function tokyoDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const p = tokyoParts(iso);
  return p ? `${p.year}/${p.month}/${p.day} ${p.hour}:${p.minute}` : iso;
}

/** The Tokyo calendar day of an instant: "2026-12-04T23:12:00Z" → "2026/12/05". */
export function tokyoDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const p = tokyoParts(iso);
  return p ? `${p.year}/${p.month}/${p.day}` : iso;
}

/** The first instant of a Tokyo calendar day ("2026-12-05" → 2026-12-04T15:00:00.000Z): office day filters are Tokyo days, whatever the browser's zone. */
export function tokyoDayStartIso(day: string): string {
  return new Date(`${day}T00:00:00.000+09:00`).toISOString();
}

/** The last millisecond of a Tokyo calendar day (the API's bounds are inclusive). */
export function tokyoDayEndIso(day: string): string {
  return new Date(`${day}T23:59:59.999+09:00`).toISOString();
}

/** Today's date in Tokyo as YYYY-MM-DD. */
export function tokyoToday(now: Date): string {
  return tokyoDate(now.toISOString()).replaceAll('/', '-');
}

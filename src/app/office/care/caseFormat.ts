// How the care cases screen writes its values: a planned visit as written on the tablet, a KPI's days (pure).

const DATETIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/;

/** '2025-04-03T10:00+09:00' → '2025-04-03 10:00': the local time the assessor agreed with the family, whatever the offset. */
export function plannedVisitText(datetime: string | null): string {
  if (!datetime) return '—';
  const match = DATETIME.exec(datetime);
  return match ? `${match[1]} ${match[2]}` : datetime;
}

/** A number of days as shown in the table and the summary: '—' when unknown, one decimal at most. */
export function daysText(days: number | null): string {
  if (days === null) return '—';
  return String(Math.round(days * 10) / 10);
}

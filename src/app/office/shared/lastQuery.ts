// Remembers each office page's last URL query in this tab (sessionStorage, so a reload keeps it): tabs and "back to the list" return to the same filters.
import type { OfficePage } from '../../routes.ts';

const KEY_PREFIX = 'genba.office.query.';
/** Used when sessionStorage is unavailable (private modes that refuse it). */
const memory = new Map<OfficePage, string>();

export function rememberQuery(page: OfficePage, query: string): void {
  memory.set(page, query);
  try {
    sessionStorage.setItem(KEY_PREFIX + page, query);
  } catch {
    // The in-memory copy still serves this page's visit.
  }
}

export function recallQuery(page: OfficePage): string | undefined {
  let stored: string | null = null;
  try {
    stored = sessionStorage.getItem(KEY_PREFIX + page);
  } catch {
    stored = null;
  }
  return (stored ?? memory.get(page)) || undefined;
}

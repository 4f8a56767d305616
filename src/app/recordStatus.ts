// Maps a stored record status, its error count and its returned flag to what the record list shows.
export type DisplayStatus = 'draft' | 'errors' | 'ready' | 'submitted' | 'returned';

export function displayStatus(status: string, errorCount: number, returned = false): DisplayStatus {
  if (status === 'submitted') return 'submitted';
  if (status === 'ready') return 'ready';
  // A returned draft says so first: the surveyor must see that the office sent it back.
  if (returned) return 'returned';
  return errorCount > 0 ? 'errors' : 'draft';
}

// Maps a stored record status and its error count to what the record list shows.
export type DisplayStatus = 'draft' | 'errors' | 'ready' | 'submitted';

export function displayStatus(status: string, errorCount: number): DisplayStatus {
  if (status === 'submitted') return 'submitted';
  if (status === 'ready') return 'ready';
  return errorCount > 0 ? 'errors' : 'draft';
}

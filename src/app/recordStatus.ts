// Maps a stored record status, its error count and the server's verdict (returned, approved) to what the record list shows.
export type DisplayStatus = 'draft' | 'errors' | 'ready' | 'submitted' | 'approved' | 'returned';

/** The server's last word on the record as pulled: returned (差し戻し) or approved (承認済み). */
export interface ServerVerdict {
  returned?: boolean;
  approved?: boolean;
}

export function displayStatus(status: string, errorCount: number, verdict: ServerVerdict = {}): DisplayStatus {
  if (status === 'submitted') return verdict.approved ? 'approved' : 'submitted';
  if (status === 'ready') return 'ready';
  // A returned draft says so first: the surveyor must see that the office sent it back.
  if (verdict.returned) return 'returned';
  return errorCount > 0 ? 'errors' : 'draft';
}

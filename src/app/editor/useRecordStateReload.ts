// Reloads the editor when the record's state changes underneath it (sent, returned, approved by a sync), so its banners and editability follow the server.
import { useEffect } from 'react';
import type { RecordRow } from '../../data/index.ts';
import { recordRepository } from '../db.ts';
import { useLiveQuery } from '../hooks/useLiveQuery.ts';

/** What decides the editor's banner and editability: local status plus the server's verdict. */
export function recordStateKey(row: Pick<RecordRow, 'status' | 'returned' | 'approved'>): string {
  return `${row.status}|${row.returned === true ? 'returned' : ''}|${row.approved === true ? 'approved' : ''}`;
}

export function useRecordStateReload(recordId: string, loaded: Pick<RecordRow, 'status' | 'returned' | 'approved'> | undefined, reload: () => void): void {
  const live = useLiveQuery(async () => {
    const row = await recordRepository().get(recordId).catch(() => undefined);
    return row ? recordStateKey(row) : null;
  }, [recordId]);
  const shown = loaded ? recordStateKey(loaded) : undefined;
  useEffect(() => {
    if (live && shown && live !== shown) reload();
    // reload is a state setter wrapper; only the two keys decide.
  }, [live, shown]);
}

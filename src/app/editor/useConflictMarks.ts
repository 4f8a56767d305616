// Keeps the editor store's conflict markers equal to the open record's stored conflicts (they arrive with a pull, go when seen or resolved).
import { useEffect } from 'react';
import { getSetting } from '../../data/index.ts';
import { appDb, recordRepository } from '../db.ts';
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { dropConflict, setConflicts } from '../state/editorStore.ts';
import { conflictMarks } from './conflictMarks.ts';

export function useConflictMarks(recordId: string): void {
  const marks = useLiveQuery(async () => {
    const row = await recordRepository().get(recordId).catch(() => undefined);
    if (!row?.conflictNotes?.length) return {};
    const deviceId = (await getSetting(appDb(), 'deviceId')) ?? '';
    return conflictMarks(row.conflictNotes, row.seenConflicts ?? [], deviceId);
  }, [recordId]);
  useEffect(() => {
    if (marks) setConflicts(marks);
  }, [marks]);
}

/** The user has looked at the field's conflict (confirmed it, or changed the value): the marker goes here and on the device. */
export function confirmConflict(recordId: string, path: string): void {
  const mark = dropConflict(path);
  if (mark) void recordRepository().markConflictsSeen(recordId, mark.keys);
}

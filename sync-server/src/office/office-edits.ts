// The office's own pushes into someone else's record (a supervisor editing a field draft through the sync API), grouped per user for the record view.
import type { OfficeEdit } from '../../../src/protocol/office/record-detail.ts';
import { isOfficeRole } from '../auth/scope.ts';
import type { RecordEditRow, UserRow } from '../storage/sync-store.ts';

/**
 * Edits by supervisors and admins who do not own the record, one entry per user: which paths, first and last time.
 * A reviewer sees at a glance that answers in the review are not all the surveyor's.
 */
export function officeEditsOf(edits: readonly RecordEditRow[], users: readonly Pick<UserRow, 'id' | 'role'>[], ownerId: string): OfficeEdit[] {
  const office = new Set(users.filter((u) => isOfficeRole(u.role)).map((u) => u.id));
  const byUser = new Map<string, OfficeEdit>();
  for (const edit of edits) {
    if (edit.userId === ownerId || !office.has(edit.userId)) continue;
    const entry = byUser.get(edit.userId);
    if (!entry) byUser.set(edit.userId, { userId: edit.userId, paths: [edit.path], firstAt: edit.firstAt, lastAt: edit.lastAt });
    else {
      if (!entry.paths.includes(edit.path)) entry.paths.push(edit.path);
      if (edit.firstAt < entry.firstAt) entry.firstAt = edit.firstAt;
      if (edit.lastAt > entry.lastAt) entry.lastAt = edit.lastAt;
    }
  }
  return [...byUser.values()].sort((a, b) => (a.firstAt < b.firstAt ? -1 : a.firstAt > b.firstAt ? 1 : 0));
}

/** Whether `userId` owns the record or wrote any of its ops: such a reviewer may not approve it (four eyes). */
export function authoredBy(userId: string, ownerId: string, edits: readonly RecordEditRow[]): boolean {
  return userId === ownerId || edits.some((e) => e.userId === userId);
}

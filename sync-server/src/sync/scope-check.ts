// Whether an actor may touch a record: its form is in scope, and (for field roles) they own it or are assigned to it.
import type { Scope, ServerRecord } from '../storage/sync-store.ts';

export function formInScope(scope: Scope, formId: string): boolean {
  return scope.formIds.includes(formId);
}

export function recordInScope(scope: Scope, record: Pick<ServerRecord, 'formId' | 'ownerId' | 'assigneeId'>): boolean {
  if (!formInScope(scope, record.formId)) return false;
  return scope.userId === null || record.ownerId === scope.userId || record.assigneeId === scope.userId;
}

// One 申請番号 per live case, checked inside the writing transaction after it holds the change-sequence lock, so two concurrent writers cannot both pass.
import { CARE_CASE_FORM_ID, readCase } from '../../../forms/care-case/case-fields.ts';
import type { SyncTx } from '../storage/sync-store.ts';
import { recordsOfForm } from './form-records.ts';

/** Bound of the scan (a municipality makes a few thousand cases a year). */
const MAX_CASES_SCANNED = 100_000;

/**
 * Whether a live case other than `exceptId` has `caseNumber`. Call it after the transaction's first nextChangeSeq():
 * that lock (PostgreSQL: the counter row, held until COMMIT; SQLite: BEGIN IMMEDIATE) orders writers, and the scan
 * (READ COMMITTED) then sees every case committed before it, so the check and the insert act as one.
 */
export async function caseNumberTaken(tx: SyncTx, caseNumber: string, exceptId: string | null): Promise<boolean> {
  const { records } = await recordsOfForm(tx, CARE_CASE_FORM_ID, MAX_CASES_SCANNED);
  return records.some((r) => r.id !== exceptId && !r.deleted && readCase(r.answers).caseNumber === caseNumber);
}

export interface CaseNumberChange {
  recordId: string;
  caseNumber: string;
}

/** The first change whose number another live case already has (the batch's own records count as written). */
export async function firstTakenCaseNumber(tx: SyncTx, changes: CaseNumberChange[]): Promise<CaseNumberChange | null> {
  if (changes.length === 0) return null;
  const { records } = await recordsOfForm(tx, CARE_CASE_FORM_ID, MAX_CASES_SCANNED);
  for (const change of changes) {
    if (records.some((r) => r.id !== change.recordId && !r.deleted && readCase(r.answers).caseNumber === change.caseNumber)) return change;
  }
  return null;
}

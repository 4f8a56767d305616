// Every record of one form, read page by page in change order inside the caller's transaction (bounded: the caller says how many at most).
import type { ServerRecord, SyncTx } from '../storage/sync-store.ts';

const PAGE = 1000;

export interface FormRecords {
  records: ServerRecord[];
  /** More records exist than `max`: the list holds the first `max` in change order. */
  truncated: boolean;
}

export async function recordsOfForm(tx: SyncTx, formId: string, max: number): Promise<FormRecords> {
  const records: ServerRecord[] = [];
  let after = 0;
  // Each page but the last is full, so max / PAGE + 1 pages always reach either the end or the bound.
  for (let pages = 0; pages <= Math.ceil(max / PAGE); pages++) {
    const page = await tx.listChanges(after, PAGE, { formIds: [formId], userId: null });
    records.push(...page);
    if (records.length > max) return { records: records.slice(0, max), truncated: true };
    if (page.length < PAGE) return { records, truncated: false };
    after = page[page.length - 1]!.changeSeq;
  }
  return { records, truncated: false };
}

// Measures the store alone: the rows a push of @create ops writes (record + ledger op, one transaction per 500), without the merge service or HTTP.
import type { SyncStore } from '../../sync-server/src/storage/sync-store.ts';
import type { BenchRecord } from './bench-records.ts';
import { PUSH_BATCH } from '../bench-server.ts';

const HLC = '2026-11-28T09:00:00.000Z-0000-0123456789abcdef';

/** docs/s for writing every record and its op through store.transaction, as the push service would. */
export async function measureStoreIngest(store: SyncStore, records: BenchRecord[]): Promise<number> {
  const at = new Date().toISOString();
  const start = performance.now();
  for (let from = 0; from < records.length; from += PUSH_BATCH) {
    const batch = records.slice(from, from + PUSH_BATCH);
    const opIds = batch.map((_, j) => `bench-store:${from + j + 1}`);
    await store.transaction(async (tx) => {
      await tx.getOps(opIds);
      await tx.getRecords(batch.map((r) => r.id));
      const seqs: number[] = [];
      for (const [j, r] of batch.entries()) {
        const seq = await tx.nextChangeSeq();
        seqs.push(seq);
        const fields = Object.fromEntries(Object.keys(r.answers).map((path) => [path, { version: seq, hlc: HLC, deviceId: 'bench-store', opId: opIds[j]! }]));
        await tx.putRecord({
          id: r.id, formId: 'field-check', formVersion: 1, status: 'draft', ownerId: 'bench-user', assigneeId: null, deleted: false,
          answers: r.answers, fields, changeSeq: seq, createdAt: at, updatedAt: at,
        });
      }
      await tx.insertOps(batch.map((r, j) => ({
        opId: opIds[j]!, deviceId: 'bench-store', userId: 'bench-user', recordId: r.id, path: '@create', value: r.answers, hlc: HLC,
        admittedHlc: HLC, baseVersion: 0, outcome: 'applied' as const, code: null, conflictId: null, changeSeq: seqs[j]!, receivedAt: at,
      })));
    });
  }
  return Math.round((records.length / (performance.now() - start)) * 1000);
}

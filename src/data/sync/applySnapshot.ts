// How one pulled RecordSnapshot changes the device's RecordRow: the protocol's replica rule (src/protocol/replica.ts) mapped onto local rows.
import { applySnapshot, type ReplicaRecord } from '../../protocol/replica.ts';
import type { RecordSnapshot } from '../../protocol/snapshot.ts';
import type { Answers } from '../../engine/types.ts';
import type { RecordRow, RecordStatus } from '../records.ts';
import { splitMetaAnswers } from './metaAnswers.ts';

/**
 * Server statuses as the device shows them: submitted/approved are read-only; returned is editable again
 * (a local 'draft'; the row's `returned` flag says why).
 * 'ready' is a device-only state (finished, waiting to be submitted), so a server 'draft' keeps a local 'ready'.
 */
export function localStatusOf(serverStatus: string, localStatus: RecordStatus | undefined): RecordStatus {
  if (serverStatus === 'submitted' || serverStatus === 'approved') return 'submitted';
  if (serverStatus === 'draft' && localStatus === 'ready') return 'ready';
  return 'draft';
}

/** A record's unacknowledged outbox ops, by path. */
export interface OutboxPaths {
  /** Paths of ops not yet handed to the network: their local values survive a pull (src/protocol/replica.ts). */
  unsent: ReadonlySet<string>;
  /** Paths of every unacknowledged op, sent or not. */
  all: ReadonlySet<string>;
}

function toReplica(row: RecordRow): ReplicaRecord {
  return {
    id: row.id, formId: row.formId, formVersion: row.formVersion,
    status: row.status === 'submitted' ? 'submitted' : 'draft',
    deleted: false, answers: row.answers, fieldVersions: row.fieldVersions ?? {}, changeSeq: row.serverVersion ?? 0,
  };
}

/**
 * 'remove': delete the local row; 'keep': leave it as it is; otherwise the row to store.
 * Values at paths with UNSENT ops stay local; everything else, field versions included, comes from the server.
 */
export function applySnapshotToLocal(
  snapshot: RecordSnapshot,
  local: RecordRow | undefined,
  outbox: OutboxPaths,
  conflictPaths: string[],
  deviceId: string,
  now: string,
): RecordRow | 'remove' | 'keep' {
  // Deleted on this tablet and the server has not acknowledged the '@delete' yet: do not bring it back.
  if (!local && outbox.all.has('@delete')) return 'keep';
  const replica = applySnapshot(local ? toReplica(local) : undefined, snapshot, outbox.unsent);
  // Deleted on the server: unsent local edits stay in the outbox, and the server answers them with an
  // edit-vs-delete conflict whose provisional value (not deleted) brings the record back at a later pull.
  if (replica.deleted) return local ? 'remove' : 'keep';
  const base: RecordRow = local ?? {
    id: snapshot.id, formId: snapshot.formId, formVersion: snapshot.formVersion, answers: {}, fieldClocks: {},
    status: 'draft', errorCount: 0, acknowledgedWarnings: {}, deviceId, createdAt: now, updatedAt: now,
  };
  const status = local && outbox.unsent.has('@status') ? local.status : localStatusOf(replica.status, local?.status);
  const { answers, review, acks } = splitMetaAnswers(replica.answers as Answers);
  // Returned until the server says otherwise; an unsent local finalize ('ready') is on its way to resubmit it.
  const returned = replica.status === 'returned';
  const row: RecordRow = {
    ...base,
    formId: replica.formId,
    formVersion: replica.formVersion,
    answers,
    // Acknowledgements made on another device arrive in '@ack'; this device's own stay (they may still be unsent).
    acknowledgedWarnings: { ...acks, ...base.acknowledgedWarnings },
    status,
    fieldVersions: replica.fieldVersions,
    serverVersion: replica.changeSeq,
    openConflicts: [...new Set(conflictPaths)].sort(),
    updatedAt: local && local.updatedAt > now ? local.updatedAt : now,
  };
  delete row.review;
  delete row.returned;
  delete row.approved;
  if (review) row.review = review;
  if (returned) row.returned = true;
  if (replica.status !== 'draft') row.everSubmitted = true;
  if (replica.status === 'approved' && status === 'submitted') row.approved = true;
  return row;
}

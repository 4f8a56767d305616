// How a device applies a pulled record to its local copy, which base version its next op carries, and how it follows the server's clock.
//
// Pure; used by the device sync client (src/data/sync) and by the simulated devices of the property tests.
// Rule: the server's snapshot wins, except for the values at paths with UNSENT outbox ops (not yet
// claimed for a push) — there the local value stays. Field versions always come from the server: the
// unsent op already carries the base it was made on, and an op answered 'noop' would otherwise never
// bring the server's version back. Paths whose ops were already sent take the
// server's value: the server may have applied (and merged) such an op before building this page, and
// after the acknowledgement nothing would re-send the record. If it had not applied it yet, applying
// it will touch the record with a later change sequence, so a later pull brings the op's effect.
// (test/property/sync.property.test.ts finds the divergence when sent paths are kept.)
import { getAnswerAt, setAnswerAt } from './answer-paths.ts';
import { format, type Hlc, parse, receive } from './hlc.ts';
import type { RecordSnapshot, RecordStatus } from './snapshot.ts';

/** The sync-relevant part of a device's record. */
export interface ReplicaRecord {
  id: string;
  formId: string;
  formVersion: number;
  status: RecordStatus;
  deleted: boolean;
  answers: Record<string, unknown>;
  fieldVersions: Record<string, number>;
  /** The server change sequence of the snapshot this copy last took (0 when never pulled). */
  changeSeq: number;
}

/** The paths of one record's outbox ops that were not yet handed to the network (no sentAt). */
export type PendingPaths = ReadonlySet<string>;

/** The local record after taking `snapshot`, keeping local values at the `unsent` paths. */
export function applySnapshot(local: ReplicaRecord | undefined, snapshot: RecordSnapshot, unsent: PendingPaths): ReplicaRecord {
  let answers = structuredClone(snapshot.answers);
  const fieldVersions = { ...snapshot.fieldVersions };
  let status = snapshot.status;
  let deleted = snapshot.deleted;
  if (local) {
    for (const path of unsent) {
      if (path === '@delete') deleted = local.deleted;
      else if (path === '@status') status = local.status;
      else if (path === '@create') {
        // The server has not confirmed the record's creation: every local answer is still pending.
        answers = { ...answers, ...structuredClone(local.answers) };
      } else if (!path.startsWith('@')) {
        const set = setAnswerAt(answers, path, structuredClone(getAnswerAt(local.answers, path)));
        if (set.ok) answers = set.answers;
      }
    }
  }
  return {
    id: snapshot.id, formId: snapshot.formId, formVersion: Math.max(snapshot.formVersion, local?.formVersion ?? 0),
    status, deleted, answers, fieldVersions, changeSeq: snapshot.changeSeq,
  };
}

function overlaps(path: string, other: string): boolean {
  if (path === other) return true;
  const [short, long] = path.length < other.length ? [path, other] : [other, path];
  return long.startsWith(short) && (long[short.length] === '.' || long[short.length] === '[');
}

/**
 * The baseVersion for a new op on `path`: for an answer, the newest version among the overlapping
 * paths the device has seen ("rep" and "rep[1].a" overlap); for a record operation, the record's
 * change sequence (everything the device has seen of it).
 */
export function baseVersionFor(record: Pick<ReplicaRecord, 'fieldVersions' | 'changeSeq'> | undefined, path: string): number {
  if (!record) return 0;
  if (path.startsWith('@')) return record.changeSeq;
  let base = 0;
  for (const [key, version] of Object.entries(record.fieldVersions)) {
    if (!key.startsWith('@') && overlaps(path, key) && version > base) base = version;
  }
  return base;
}

/**
 * Moves the device clock past the server's (from a push or pull answer). Unlike receive() between
 * peers, the server's clock is trusted whatever the device's wall clock says: a device running
 * days behind must still stamp its next edit after everything it has seen, or its causally later
 * edit would lose to older ones. Returns the clock unchanged when the text is not an HLC.
 */
export function observeServerHlc(clock: Hlc, serverHlc: string, now: number): Hlc {
  const remote = parse(serverHlc);
  if (!remote.ok) return clock;
  const merged = receive(clock, remote.value, now, Number.POSITIVE_INFINITY);
  return merged.ok ? merged.value : clock;
}

/** The formatted clock, for code that keeps it as text. */
export function observeServerHlcText(clockText: string, serverHlc: string, now: number): string {
  const clock = parse(clockText);
  return clock.ok ? format(observeServerHlc(clock.value, serverHlc, now)) : clockText;
}

// Builds one pull page: the records in the actor's scope changed after the checkpoint, with their open conflicts.
import { format } from '../../../src/protocol/hlc.ts';
import { PullRequestSchema, type PullRequest, type PullResponse } from '../../../src/protocol/pull.ts';
import { PROTOCOL_VERSION } from '../../../src/protocol/version.ts';
import { recordInScope } from '../auth/scope.ts';
import type { SyncTx } from '../storage/sync-store.ts';
import { toConflictSummary, toSnapshot } from './record-mapping.ts';
import { loadServerClock } from './server-clock.ts';
import type { Actor, SyncDeps } from './types.ts';

export class PullRequestError extends Error {
  constructor(readonly code: 'E_PROTOCOL_VERSION' | 'E_BAD_REQUEST', message: string) {
    super(message);
  }
}

/**
 * Records come in change-sequence order; the checkpoint is the last change included (a record, or for a field
 * user a scope removal: `removed`), so the next page starts right after it. Throws PullRequestError (400) for a wrong version or a malformed request.
 */
export async function buildPull(deps: SyncDeps, actor: Actor, request: PullRequest): Promise<PullResponse> {
  if (request?.protocolVersion !== PROTOCOL_VERSION) throw new PullRequestError('E_PROTOCOL_VERSION', `protocol version ${String(request?.protocolVersion)} is not ${PROTOCOL_VERSION}`);
  const parsed = PullRequestSchema.safeParse(request);
  if (!parsed.success) throw new PullRequestError('E_BAD_REQUEST', parsed.error.issues[0]?.message ?? 'invalid pull');
  const { checkpoint, limit } = parsed.data;
  return deps.store.transaction(async (tx) => {
    const userId = actor.scope.userId;
    // Read BEFORE the records: every change sequence up to the newest removal seen here is then visible to listChanges
    // (store guarantee 3), so moving the checkpoint past a removal that no record follows skips nothing.
    const newestRemoval = userId === null ? undefined : (await tx.listScopeRemovals(userId, checkpoint, Number.MAX_SAFE_INTEGER)).at(-1)?.changeSeq;
    const page = await tx.listChanges(checkpoint, limit + 1, actor.scope);
    const hasMore = page.length > limit;
    const records = page.slice(0, limit);
    const lastRecordSeq = records.at(-1)?.changeSeq ?? checkpoint;
    // A full page ends at its last record (later removals come with the next page); otherwise it also covers the removals.
    const pageEnd = hasMore ? lastRecordSeq : Math.max(lastRecordSeq, newestRemoval ?? checkpoint);
    const removed = userId === null ? undefined : await removedFromScope(tx, actor, checkpoint, pageEnd);
    const conflicts = records.length > 0 ? await tx.listConflicts({ recordIds: records.map((r) => r.id), status: 'open' }) : [];
    // The stored clock itself, not a send() from it: pull only reads, so a stamp minted here would not be kept and a
    // later push answer (which carries the stored clock) could be smaller. The stored clock is the max of everything
    // admitted, and a device merging it (observeServerHlc) stamps its next edit after all of that.
    const serverHlc = format(await loadServerClock(tx));
    return {
      records: records.map(toSnapshot),
      conflicts: conflicts.map(toConflictSummary),
      ...(removed ? { removed } : {}),
      checkpoint: pageEnd,
      hasMore,
      serverHlc,
    };
  });
}

/**
 * Ids the field user lost from their scope with a change sequence in (after, upTo], except records that are in
 * their scope again (given back later: a later page brings the record itself, and the device keeps its copy).
 */
async function removedFromScope(tx: SyncTx, actor: Actor, after: number, upTo: number): Promise<string[]> {
  const userId = actor.scope.userId;
  if (userId === null || upTo <= after) return [];
  const ids = [...new Set((await tx.listScopeRemovals(userId, after, upTo)).map((row) => row.recordId))];
  if (ids.length === 0) return [];
  const back = new Set((await tx.getRecords(ids)).filter((record) => !record.deleted && recordInScope(record, actor.scope)).map((r) => r.id));
  return ids.filter((id) => !back.has(id));
}

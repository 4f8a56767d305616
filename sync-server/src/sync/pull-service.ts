// Builds one pull page: the records in the actor's scope changed after the checkpoint, with their open conflicts.
import { format, send } from '../../../src/protocol/hlc.ts';
import { PullRequestSchema, type PullRequest, type PullResponse } from '../../../src/protocol/pull.ts';
import { PROTOCOL_VERSION } from '../../../src/protocol/version.ts';
import { toConflictSummary, toSnapshot } from './record-mapping.ts';
import { loadServerClock } from './server-clock.ts';
import type { Actor, SyncDeps } from './types.ts';

export class PullRequestError extends Error {
  constructor(readonly code: 'E_PROTOCOL_VERSION' | 'E_BAD_REQUEST', message: string) {
    super(message);
  }
}

/**
 * Records come in change-sequence order; the checkpoint is the last one included, so the next page
 * starts right after it. Throws PullRequestError (400) for a wrong version or a malformed request.
 */
export async function buildPull(deps: SyncDeps, actor: Actor, request: PullRequest): Promise<PullResponse> {
  if (request?.protocolVersion !== PROTOCOL_VERSION) throw new PullRequestError('E_PROTOCOL_VERSION', `protocol version ${String(request?.protocolVersion)} is not ${PROTOCOL_VERSION}`);
  const parsed = PullRequestSchema.safeParse(request);
  if (!parsed.success) throw new PullRequestError('E_BAD_REQUEST', parsed.error.issues[0]?.message ?? 'invalid pull');
  const { checkpoint, limit } = parsed.data;
  const now = (deps.now ?? (() => new Date()))();
  return deps.store.transaction(async (tx) => {
    const page = await tx.listChanges(checkpoint, limit + 1, actor.scope);
    const hasMore = page.length > limit;
    const records = page.slice(0, limit);
    const conflicts = records.length > 0 ? await tx.listConflicts({ recordIds: records.map((r) => r.id), status: 'open' }) : [];
    // The clock is only read here; send() gives a stamp at least as late as everything admitted so far.
    const serverHlc = format(send(await loadServerClock(tx), now.getTime()));
    return {
      records: records.map(toSnapshot),
      conflicts: conflicts.map(toConflictSummary),
      checkpoint: records.length > 0 ? records[records.length - 1]!.changeSeq : checkpoint,
      hasMore,
      serverHlc,
    };
  });
}

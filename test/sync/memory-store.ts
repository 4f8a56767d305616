// An in-memory SyncStore for fast sync tests: transactions run one at a time on a copy that replaces the state only on success.
import type {
  ApiTokenRow, AuditEntry, ConflictItem, DeviceRow, RecordEditRow, RecordListFilter, RecordListItem, RevisionRow, Scope, ScopeRemovalRow, ServerRecord, StoredOp, SyncStore,
  SyncTx, TokenRow, UserRow, BlobRow, WebhookDeliveryRow, WebhookRow,
} from '../../sync-server/src/storage/sync-store.ts';
import { foldSearchText } from '../../sync-server/src/storage/search-text.ts';
import { storableText } from '../../sync-server/src/storage/text-column.ts';

interface State {
  seq: number;
  auditSeq: number;
  audit: AuditEntry[];
  /** Keyed by `${recordId}#${revision}`. */
  revisions: Map<string, RevisionRow>;
  apiTokens: Map<string, ApiTokenRow>;
  webhooks: Map<string, WebhookRow>;
  deliveries: Map<string, WebhookDeliveryRow>;
  ops: Map<string, StoredOp>;
  records: Map<string, ServerRecord>;
  conflicts: Map<string, ConflictItem>;
  users: Map<string, UserRow>;
  devices: Map<string, DeviceRow>;
  tokens: Map<string, TokenRow>;
  blobs: Map<string, BlobRow>;
  meta: Map<string, unknown>;
  /** Keyed by `${userId}#${changeSeq}#${recordId}` (the SQL primary key). */
  scopeRemovals: Map<string, ScopeRemovalRow>;
  /** Blob refs, uploaders, unfinished uploads (memory-blob-tx.ts). */
  blobAccess: MemoryBlobState;
  /** Login limiter counters by key. */
  loginAttempts: Map<string, { count: number; windowStart: string }>;
}

import { emptyBlobState, memoryBlobTx, type MemoryBlobState } from './memory-blob-tx.ts';

const copy = <T>(value: T): T => structuredClone(value);

function emptyState(): State {
  return {
    seq: 0, ops: new Map(), records: new Map(), conflicts: new Map(), users: new Map(),
    devices: new Map(), tokens: new Map(), blobs: new Map(), meta: new Map(),
    auditSeq: 0, audit: [], revisions: new Map(), apiTokens: new Map(), webhooks: new Map(), deliveries: new Map(),
    scopeRemovals: new Map(), blobAccess: emptyBlobState(), loginAttempts: new Map(),
  };
}

/** Same semantics as the SQL adapters: substring of the folded (NFKC, lower-case) title, subtitle or id. */
const containsFolded = (haystack: string, needle: string): boolean => foldSearchText(haystack).includes(foldSearchText(needle));

/** (updatedAt DESC, id DESC), the review list's order. */
const newestFirst = (a: ServerRecord, b: ServerRecord): number =>
  a.updatedAt !== b.updatedAt ? (a.updatedAt < b.updatedAt ? 1 : -1) : a.id === b.id ? 0 : a.id < b.id ? 1 : -1;

function matchesListFilter(state: State, f: RecordListFilter, r: ServerRecord): boolean {
  const s = r.summary;
  const openConflicts = () => [...state.conflicts.values()].some((c) => c.recordId === r.id && c.status === 'open');
  const checks: (() => boolean)[] = [
    () => f.formId === undefined || r.formId === f.formId,
    () => !f.statuses || f.statuses.includes(r.status),
    () => f.assigneeId === undefined || r.assigneeId === f.assigneeId,
    () => f.ownerId === undefined || r.ownerId === f.ownerId,
    () => !f.bbox || (s?.lat != null && s.lon != null && s.lon >= f.bbox[0] && s.lat >= f.bbox[1] && s.lon <= f.bbox[2] && s.lat <= f.bbox[3]),
    () => f.updatedFrom === undefined || r.updatedAt >= f.updatedFrom,
    () => f.updatedTo === undefined || r.updatedAt <= f.updatedTo,
    () => f.hasWarnings === undefined || ((s?.warningCount ?? 0) > 0) === f.hasWarnings,
    () => f.hasErrors === undefined || ((s?.errorCount ?? 0) > 0) === f.hasErrors,
    () => f.hasOpenConflicts === undefined || openConflicts() === f.hasOpenConflicts,
    () => !f.text || containsFolded(s?.title ?? '', f.text) || containsFolded(s?.subtitle ?? '', f.text) || containsFolded(r.id, f.text),
  ];
  return checks.every((check) => check());
}

function toListItem(state: State, record: ServerRecord): RecordListItem {
  const { answers: _answers, fields: _fields, summary, ...head } = copy(record);
  const openConflicts = [...state.conflicts.values()].filter((c) => c.recordId === record.id && c.status === 'open').length;
  return { ...head, summary: summary ?? null, openConflicts };
}

function inScope(scope: Scope, record: ServerRecord): boolean {
  if (!scope.formIds.includes(record.formId)) return false;
  return scope.userId === null || record.ownerId === scope.userId || record.assigneeId === scope.userId;
}

function txOver(state: State): SyncTx {
  return {
    ...memoryBlobTx(state.blobAccess, state.blobs, state.records),
    async getOps(opIds) { return opIds.flatMap((id) => (state.ops.has(id) ? [copy(state.ops.get(id)!)] : [])); },
    async listRecordEdits(recordId) {
      const groups = new Map<string, RecordEditRow>();
      for (const op of state.ops.values()) {
        if (op.recordId !== recordId) continue;
        const key = JSON.stringify([op.userId, op.path]);
        const row = groups.get(key);
        if (!row) groups.set(key, { userId: op.userId, path: op.path, firstAt: op.receivedAt, lastAt: op.receivedAt, ops: 1 });
        else groups.set(key, { ...row, firstAt: op.receivedAt < row.firstAt ? op.receivedAt : row.firstAt, lastAt: op.receivedAt > row.lastAt ? op.receivedAt : row.lastAt, ops: row.ops + 1 });
      }
      const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
      return [...groups.values()].sort((a, b) => order(a.firstAt, b.firstAt) || order(a.userId, b.userId) || order(a.path, b.path));
    },
    async insertOps(ops) {
      for (const op of ops) {
        if (state.ops.has(op.opId)) throw new Error(`duplicate op ${op.opId}`);
        state.ops.set(op.opId, copy(op));
      }
    },
    async getRecords(ids) { return ids.flatMap((id) => (state.records.has(id) ? [copy(state.records.get(id)!)] : [])); },
    async putRecord(record) {
      const stored = copy(record);
      // As the SQL adapters store a title (text columns hold no NUL or unpaired surrogate).
      if (stored.summary) {
        stored.summary.title = storableText(stored.summary.title);
        stored.summary.subtitle = storableText(stored.summary.subtitle ?? null);
      }
      state.records.set(record.id, stored);
    },
    async nextChangeSeq() { return ++state.seq; },
    async listChanges(after, limit, scope) {
      return [...state.records.values()]
        .filter((r) => r.changeSeq > after && inScope(scope, r))
        .sort((a, b) => a.changeSeq - b.changeSeq)
        .slice(0, limit)
        .map(copy);
    },
    async insertScopeRemoval(row) {
      state.scopeRemovals.set(`${row.userId}#${row.changeSeq}#${row.recordId}`, copy(row));
    },
    async listScopeRemovals(userId, after, upTo) {
      return [...state.scopeRemovals.values()]
        .filter((r) => r.userId === userId && r.changeSeq > after && r.changeSeq <= upTo)
        .sort((a, b) => a.changeSeq - b.changeSeq || (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0))
        .map(copy);
    },
    async insertConflict(conflict) {
      if (state.conflicts.has(conflict.id)) throw new Error(`duplicate conflict ${conflict.id}`);
      state.conflicts.set(conflict.id, copy(conflict));
    },
    async updateConflict(conflict) {
      if (!state.conflicts.has(conflict.id)) throw new Error(`no conflict ${conflict.id}`);
      state.conflicts.set(conflict.id, copy(conflict));
    },
    async getConflict(id) { return state.conflicts.has(id) ? copy(state.conflicts.get(id)!) : null; },
    async listConflicts(filter) {
      const list = [...state.conflicts.values()]
        .filter((c) => (!filter.recordIds || filter.recordIds.includes(c.recordId)) && (!filter.status || c.status === filter.status))
        .sort((a, b) => a.changeSeq - b.changeSeq || (a.id < b.id ? -1 : 1));
      return list.slice(0, filter.limit ?? list.length).map(copy);
    },
    async getUserByName(username) { return copy([...state.users.values()].find((u) => u.username === username) ?? null); },
    async getUser(id) { return copy(state.users.get(id) ?? null); },
    async putUser(user) { state.users.set(user.id, copy(user)); },
    async listUsers() { return [...state.users.values()].map(copy); },
    async getDevice(id) { return copy(state.devices.get(id) ?? null); },
    async putDevice(device) { state.devices.set(device.id, copy(device)); },
    async listDevices(userId) { return [...state.devices.values()].filter((d) => !userId || d.userId === userId).map(copy); },
    async getToken(hash) { return copy(state.tokens.get(hash) ?? null); },
    async putToken(token) { state.tokens.set(token.tokenHash, copy(token)); },
    async revokeUserTokens(userId, at) {
      const live = [...state.tokens.values()].filter((t) => t.userId === userId && !t.revokedAt);
      for (const t of live) state.tokens.set(t.tokenHash, { ...t, revokedAt: at });
      return live.length;
    },
    async bumpLoginAttempts(key, at, windowCutoff) {
      const old = state.loginAttempts.get(key);
      const next = !old || old.windowStart <= windowCutoff ? { count: 1, windowStart: at } : { count: old.count + 1, windowStart: old.windowStart };
      state.loginAttempts.set(key, next);
      return { ...next };
    },
    async pruneLoginAttempts(windowCutoff) {
      const old = [...state.loginAttempts].filter(([, v]) => v.windowStart <= windowCutoff).map(([k]) => k);
      for (const k of old) state.loginAttempts.delete(k);
      return old.length;
    },
    async releaseLoginAttempt(key, reset) {
      const old = state.loginAttempts.get(key);
      if (reset) state.loginAttempts.delete(key);
      else if (old) state.loginAttempts.set(key, { ...old, count: Math.max(old.count - 1, 0) });
    },
    async getBlob(hash) { return copy(state.blobs.get(hash) ?? null); },
    async putBlob(blob) { state.blobs.set(blob.hash, copy(blob)); },
    async getMeta(key) { return state.meta.has(key) ? copy(state.meta.get(key)) : null; },
    async setMeta(key, value) { state.meta.set(key, copy(value)); },
    async listRecordSummaries(filter, scope) {
      const matching = [...state.records.values()]
        .filter((r) => inScope(scope, r) && matchesListFilter(state, filter, r))
        .sort(newestFirst);
      const after = filter.after;
      const page = after
        ? matching.filter((r) => r.updatedAt < after.updatedAt || (r.updatedAt === after.updatedAt && r.id < after.id))
        : matching;
      return { items: page.slice(0, Math.max(0, filter.limit)).map((r) => toListItem(state, r)), total: matching.length };
    },
    async appendAudit(entries) {
      for (const entry of entries) state.audit.push({ ...copy(entry), actor: storableText(entry.actor), seq: ++state.auditSeq });
    },
    async listAudit(f) {
      return state.audit
        .filter((e) => (f.userId === undefined || e.userId === f.userId) && (f.recordId === undefined || e.recordId === f.recordId)
          && (f.action === undefined || e.action === f.action) && (f.from === undefined || e.at >= f.from)
          && (f.to === undefined || e.at <= f.to) && (f.beforeSeq === undefined || e.seq < f.beforeSeq))
        .sort((a, b) => b.seq - a.seq)
        .slice(0, f.limit)
        .map(copy);
    },
    async insertRevision(row) {
      const key = `${row.recordId}#${row.revision}`;
      if (state.revisions.has(key)) throw new Error(`duplicate revision ${key}`);
      state.revisions.set(key, copy(row));
    },
    async updateRevision(row) {
      const key = `${row.recordId}#${row.revision}`;
      // Like SQL UPDATE … WHERE: a missing row changes nothing.
      if (state.revisions.has(key)) state.revisions.set(key, copy(row));
    },
    async listRevisions(recordId) {
      return [...state.revisions.values()].filter((r) => r.recordId === recordId).sort((a, b) => a.revision - b.revision).map(copy);
    },
    async listApprovedRevisions(after, limit, formIds) {
      return [...state.revisions.values()]
        .filter((r) => r.approvedSeq !== null && r.approvedSeq > after && (!formIds || formIds.includes(r.formId)))
        .sort((a, b) => a.approvedSeq! - b.approvedSeq!)
        .slice(0, Math.max(0, limit))
        .map(copy);
    },
    async putApiToken(row) {
      if ([...state.apiTokens.values()].some((t) => t.tokenHash === row.tokenHash && t.id !== row.id)) throw new Error('duplicate token hash');
      state.apiTokens.set(row.id, copy(row));
    },
    async getApiTokenByHash(tokenHash) { return copy([...state.apiTokens.values()].find((t) => t.tokenHash === tokenHash) ?? null); },
    async listApiTokens() {
      return [...state.apiTokens.values()].sort((a, b) => (a.createdAt !== b.createdAt ? (a.createdAt < b.createdAt ? -1 : 1) : a.id < b.id ? -1 : 1)).map(copy);
    },
    async putWebhook(row) { state.webhooks.set(row.id, copy(row)); },
    async getWebhook(id) { return copy(state.webhooks.get(id) ?? null); },
    async listWebhooks() {
      return [...state.webhooks.values()].sort((a, b) => (a.createdAt !== b.createdAt ? (a.createdAt < b.createdAt ? -1 : 1) : a.id < b.id ? -1 : 1)).map(copy);
    },
    async putDelivery(row) {
      // The SQL schema references webhooks (id).
      if (!state.webhooks.has(row.webhookId)) throw new Error(`no webhook ${row.webhookId}`);
      state.deliveries.set(row.id, copy(row));
    },
    async getDelivery(id) { return copy(state.deliveries.get(id) ?? null); },
    async listDeliveries(f) {
      return [...state.deliveries.values()]
        .filter((d) => (f.webhookId === undefined || d.webhookId === f.webhookId) && (f.status === undefined || d.status === f.status))
        .sort((a, b) => (a.createdAt !== b.createdAt ? (a.createdAt < b.createdAt ? 1 : -1) : a.id < b.id ? 1 : -1))
        .slice(0, f.limit)
        .map(copy);
    },
  };
}

export interface MemoryStore extends SyncStore {
  /** A deep copy of everything stored (tests compare before/after). */
  dump(): { seq: number; ops: StoredOp[]; records: ServerRecord[]; conflicts: ConflictItem[]; meta: Record<string, unknown> };
}

export function openMemoryStore(): MemoryStore {
  let state = emptyState();
  let queue: Promise<unknown> = Promise.resolve();
  return {
    kind: 'sqlite',
    async migrate() {},
    transaction<T>(fn: (tx: SyncTx) => Promise<T>): Promise<T> {
      const run = async () => {
        const draft = copy(state);
        const result = await fn(txOver(draft));
        state = draft;
        return result;
      };
      const next = queue.then(run, run);
      queue = next.catch(() => undefined);
      return next;
    },
    async close() {},
    dump() {
      return {
        seq: state.seq, ops: [...state.ops.values()].map(copy), records: [...state.records.values()].map(copy),
        conflicts: [...state.conflicts.values()].map(copy), meta: Object.fromEntries([...state.meta].map(([k, v]) => [k, copy(v)])),
      };
    },
  };
}

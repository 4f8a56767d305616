// An in-memory SyncStore for fast sync tests: transactions run one at a time on a copy that replaces the state only on success.
import type {
  ConflictItem, DeviceRow, Scope, ServerRecord, StoredOp, SyncStore, SyncTx, TokenRow, UserRow, BlobRow,
} from '../../sync-server/src/storage/sync-store.ts';

interface State {
  seq: number;
  ops: Map<string, StoredOp>;
  records: Map<string, ServerRecord>;
  conflicts: Map<string, ConflictItem>;
  users: Map<string, UserRow>;
  devices: Map<string, DeviceRow>;
  tokens: Map<string, TokenRow>;
  blobs: Map<string, BlobRow>;
  meta: Map<string, unknown>;
}

const copy = <T>(value: T): T => structuredClone(value);

function emptyState(): State {
  return {
    seq: 0, ops: new Map(), records: new Map(), conflicts: new Map(), users: new Map(),
    devices: new Map(), tokens: new Map(), blobs: new Map(), meta: new Map(),
  };
}

function inScope(scope: Scope, record: ServerRecord): boolean {
  if (!scope.formIds.includes(record.formId)) return false;
  return scope.userId === null || record.ownerId === scope.userId || record.assigneeId === scope.userId;
}

function txOver(state: State): SyncTx {
  return {
    async getOps(opIds) { return opIds.flatMap((id) => (state.ops.has(id) ? [copy(state.ops.get(id)!)] : [])); },
    async insertOps(ops) {
      for (const op of ops) {
        if (state.ops.has(op.opId)) throw new Error(`duplicate op ${op.opId}`);
        state.ops.set(op.opId, copy(op));
      }
    },
    async getRecords(ids) { return ids.flatMap((id) => (state.records.has(id) ? [copy(state.records.get(id)!)] : [])); },
    async putRecord(record) { state.records.set(record.id, copy(record)); },
    async nextChangeSeq() { return ++state.seq; },
    async listChanges(after, limit, scope) {
      return [...state.records.values()]
        .filter((r) => r.changeSeq > after && inScope(scope, r))
        .sort((a, b) => a.changeSeq - b.changeSeq)
        .slice(0, limit)
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
    async getBlob(hash) { return copy(state.blobs.get(hash) ?? null); },
    async putBlob(blob) { state.blobs.set(blob.hash, copy(blob)); },
    async getMeta(key) { return state.meta.has(key) ? copy(state.meta.get(key)) : null; },
    async setMeta(key, value) { state.meta.set(key, copy(value)); },
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

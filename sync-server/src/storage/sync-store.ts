// SyncStore: the server's storage interface, implemented by sqlite/ (embedded default) and postgres/ (scale); one conformance suite tests both.
//
// Transaction guarantees (every adapter must keep them; test/conformance checks each one):
// 1. transaction(fn) runs fn atomically: every write inside commits together, or none does when fn
//    throws (the error is rethrown unchanged). Nothing outside a transaction writes.
// 2. Transactions are serializable with respect to each other for the rows they touch: two pushes to
//    the same record (from two server processes sharing one PostgreSQL) never both read the same old
//    field state and both write (SQLite: one writer at a time, BEGIN IMMEDIATE; PostgreSQL: the
//    change-sequence row lock taken by nextChangeSeq() plus SELECT … FOR UPDATE on records).
// 3. Change sequence numbers (nextChangeSeq) increase strictly and become VISIBLE in increasing
//    order: a reader that sees seq N also sees every seq < N. This is what lets a pull checkpoint
//    never skip a change. (SQLite: single writer. PostgreSQL: the counter row is locked until commit,
//    so the transaction holding seq N commits before any transaction can take N+1.)
// 4. Reads inside a transaction see that transaction's own writes.
// 5. JSON values round-trip exactly (objects, arrays, strings incl. any Unicode, numbers, booleans, null).
// 6. PostgreSQL may RE-RUN fn after a serialization failure, a deadlock or a racing insert of the same opId
//    (bounded, then E_STORE_RETRIES), so fn must change state only through tx. To avoid needless deadlock
//    retries, lock records (getRecords) before taking a change sequence (nextChangeSeq).
// 7. Do not call transaction() inside a transaction (SQLite serializes them per store: it would wait forever).
// Opening: openStore() in ./index.ts (PostgreSQL when DATABASE_URL is set, else SQLite); see docs/STORAGE.md.

/** A field's server-side state inside a record. */
export interface FieldMeta {
  /** Change sequence at which the field last changed (the "version" devices send back as baseVersion). */
  version: number;
  /** HLC of the op that set it (after the server's admit() clamp). */
  hlc: string;
  deviceId: string;
  opId: string;
}

export type ServerRecordStatus = 'draft' | 'submitted' | 'returned' | 'approved';

export interface ServerRecord {
  id: string;
  formId: string;
  formVersion: number;
  status: ServerRecordStatus;
  /** User who created it (device's user at @create). */
  ownerId: string;
  /** User the office assigned it to (may be null). */
  assigneeId: string | null;
  deleted: boolean;
  answers: Record<string, unknown>;
  /** Answer path (or '@status' / '@delete' / record metadata path) → its meta. */
  fields: Record<string, FieldMeta>;
  /** Change sequence of the last change to this record (pull orders by it). */
  changeSeq: number;
  createdAt: string;
  updatedAt: string;
}

export type OpOutcome = 'applied' | 'noop' | 'merged' | 'conflict' | 'rejected';

/** Every op the server has accepted or rejected, by opId: a retried op is answered from here (idempotency). */
export interface StoredOp {
  opId: string;
  deviceId: string;
  userId: string;
  recordId: string;
  path: string;
  value: unknown;
  /** HLC as sent by the device, and as admitted by the server. */
  hlc: string;
  admittedHlc: string;
  baseVersion: number;
  outcome: OpOutcome;
  /** Coded reason when rejected, or the conflict id. */
  code: string | null;
  conflictId: string | null;
  changeSeq: number | null;
  receivedAt: string;
}

export interface ConflictCandidate {
  value: unknown;
  opId: string;
  deviceId: string;
  userId: string;
  hlc: string;
  at: string;
}

export interface ConflictItem {
  id: string;
  recordId: string;
  path: string;
  kind: 'same-field' | 'edit-delete' | 'locked-record' | 'rule';
  candidates: ConflictCandidate[];
  /** The deterministic value every replica shows until a human resolves it. */
  provisional: unknown;
  status: 'open' | 'resolved';
  resolution: { value: unknown; by: string; reason: string; at: string } | null;
  createdAt: string;
  changeSeq: number;
}

export type Role =
  | 'care_assessor' | 'ambulance_crew' | 'hospital' | 'disaster_surveyor'
  | 'vacant_house_surveyor' | 'gis_staff' | 'supervisor' | 'admin';

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** scrypt hash, "scrypt$N$r$p$salt$hash" (base64). */
  passwordHash: string;
  disabled: boolean;
  createdAt: string;
}

export interface DeviceRow {
  id: string;
  userId: string;
  label: string;
  registeredAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
}

export interface TokenRow {
  /** SHA-256 of the bearer token (the token itself is never stored). */
  tokenHash: string;
  userId: string;
  deviceId: string;
  issuedAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

export interface BlobRow {
  hash: string;
  size: number;
  mime: string;
  /** Where the bytes are (file path relative to the blob folder). */
  location: string;
  uploadedBy: string;
  createdAt: string;
}

/** What a user may see: all records of the forms, or only their own/assigned ones. */
export interface Scope {
  formIds: string[];
  /** null = every record of those forms (supervisor); otherwise records owned by or assigned to this user. */
  userId: string | null;
}

export interface SyncTx {
  // ops log
  getOps(opIds: string[]): Promise<StoredOp[]>;
  insertOps(ops: StoredOp[]): Promise<void>;
  // records (PostgreSQL locks the rows FOR UPDATE)
  getRecords(ids: string[]): Promise<ServerRecord[]>;
  putRecord(record: ServerRecord): Promise<void>;
  /** Allocates the next change sequence number (see guarantee 3). */
  nextChangeSeq(): Promise<number>;
  /** Records in scope with changeSeq > after, ordered by changeSeq, at most limit. */
  listChanges(after: number, limit: number, scope: Scope): Promise<ServerRecord[]>;
  // conflicts
  insertConflict(conflict: ConflictItem): Promise<void>;
  updateConflict(conflict: ConflictItem): Promise<void>;
  getConflict(id: string): Promise<ConflictItem | null>;
  listConflicts(filter: { recordIds?: string[]; status?: 'open' | 'resolved'; limit?: number }): Promise<ConflictItem[]>;
  // accounts
  getUserByName(username: string): Promise<UserRow | null>;
  getUser(id: string): Promise<UserRow | null>;
  putUser(user: UserRow): Promise<void>;
  listUsers(): Promise<UserRow[]>;
  getDevice(id: string): Promise<DeviceRow | null>;
  putDevice(device: DeviceRow): Promise<void>;
  listDevices(userId?: string): Promise<DeviceRow[]>;
  getToken(tokenHash: string): Promise<TokenRow | null>;
  putToken(token: TokenRow): Promise<void>;
  // blobs
  getBlob(hash: string): Promise<BlobRow | null>;
  putBlob(blob: BlobRow): Promise<void>;
  // small server state (e.g. the server's HLC), JSON values
  /** null when the key was never set. */
  getMeta(key: string): Promise<unknown>;
  setMeta(key: string, value: unknown): Promise<void>;
}

export interface SyncStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Creates or upgrades the schema (date-prefixed migrations, recorded in a migrations table). */
  migrate(): Promise<void>;
  transaction<T>(fn: (tx: SyncTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

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
import type { BlobTx } from './blob-store.ts';

export type { BlobTx, BlobUploadRow } from './blob-store.ts';

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
  /** Derived review-queue columns (written by the services); undefined when never set. */
  summary?: RecordSummary;
}

/** Derived, indexed columns of a record for the review queue (computed by the services, not the store). */
export interface RecordSummary {
  /** The record's title (engine recordTitle: the form's recordTitle.title, or the first text answer), null when empty. */
  title: string | null;
  /** The form's recordTitle.subtitle (e.g. 申請番号), null when empty or absent from rows written before it existed. */
  subtitle?: string | null;
  /** First geopoint answer. */
  lat: number | null;
  lon: number | null;
  /** Engine errors / warnings at the last write. */
  errorCount: number;
  warningCount: number;
  /** ISO time of the latest submit. */
  submittedAt: string | null;
  /** Latest revision number (0 = never submitted). */
  revision: number;
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
  /** Set by an admin's reset: every route but the password change refuses until the user picks a new one (absent = false). */
  mustChangePassword?: boolean;
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
  /** Last request with this token (written at most once a minute): office sessions expire when idle. */
  lastUsedAt?: string | null;
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

export type AuditAction =
  | 'sign_in' | 'sign_in_failed' | 'sign_out' | 'record_view' | 'record_change' | 'review' | 'conflict_resolve'
  | 'export' | 'download' | 'handoff_read' | 'token_create' | 'token_revoke' | 'webhook_change' | 'webhook_replay' | 'device_revoke'
  | 'user_create' | 'user_update' | 'user_disable' | 'user_enable' | 'password_reset' | 'password_change';

/** One line of the append-only audit log (the schema refuses UPDATE and DELETE). */
export interface AuditEntry {
  /** Assigned by the store, strictly increasing. */
  seq: number;
  at: string;
  /** The user, or null for an API token. */
  userId: string | null;
  /** Username or "token:<name>". */
  actor: string;
  action: AuditAction;
  recordId: string | null;
  detail: Record<string, unknown>;
  ip: string | null;
}

export interface AuditFilter {
  userId?: string;
  recordId?: string;
  action?: AuditAction;
  /** ISO, inclusive bounds on at. */
  from?: string;
  to?: string;
  /** Only entries with seq < beforeSeq (paging backwards, newest first). */
  beforeSeq?: number;
  limit: number;
}

/** One submitted version of a record (revision 1 = first submit; each resubmit or post-approval edit adds one). */
export interface RevisionRow {
  recordId: string;
  revision: number;
  formId: string;
  formVersion: number;
  /** Snapshot at submit, '@' keys removed. */
  answers: Record<string, unknown>;
  submittedBy: string;
  submittedAt: string;
  /** Change seq of the submit. */
  changeSeq: number;
  status: 'submitted' | 'returned' | 'approved' | 'superseded';
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
  /** Change sequence taken by the approval transaction: the hand-off feed cursor (visible in order, guarantee 3). */
  approvedSeq: number | null;
}

export type ApiScope = 'handoff:read' | 'export:read' | 'records:read' | 'audit:read';

export interface ApiTokenRow {
  id: string;
  name: string;
  /** SHA-256 hex of the secret; the secret is shown once. */
  tokenHash: string;
  scopes: ApiScope[];
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  /** Refused from this time on; null or absent = never expires. */
  expiresAt?: string | null;
}

export interface WebhookRow {
  id: string;
  url: string;
  secret: string;
  description: string;
  active: boolean;
  /** Last hand-off cursor handled (delivered or dead-lettered). */
  cursor: number;
  createdBy: string;
  createdAt: string;
}

export interface WebhookDeliveryRow {
  id: string;
  webhookId: string;
  cursor: number;
  recordId: string;
  revision: number;
  status: 'delivered' | 'dead' | 'replayed';
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface RecordListFilter {
  formId?: string;
  statuses?: ServerRecordStatus[];
  assigneeId?: string;
  ownerId?: string;
  bbox?: [minLon: number, minLat: number, maxLon: number, maxLat: number];
  /** ISO, inclusive bounds on updatedAt. */
  updatedFrom?: string;
  updatedTo?: string;
  hasWarnings?: boolean;
  hasErrors?: boolean;
  hasOpenConflicts?: boolean;
  /** Substring of summary.title, summary.subtitle or record id, after NFKC + lower-case folding of both sides (search-text.ts). */
  text?: string;
  /** Keyset pagination, newest first: items strictly after this (updatedAt, id) pair in (updatedAt DESC, id DESC) order. */
  after?: { updatedAt: string; id: string };
  limit: number;
}

/** A record without answers/fields for the list (summary null when the record has none). */
export type RecordListItem = Omit<ServerRecord, 'answers' | 'fields' | 'summary'> & { summary: RecordSummary | null; openConflicts: number };

/** A record left this field user's scope in the write that took changeSeq (e.g. a case reassigned away from them). */
export interface ScopeRemovalRow {
  userId: string;
  recordId: string;
  changeSeq: number;
}

/** Who wrote one answer path of a record through push (from the ops log): the review's "who edited this" and its self-approval check. */
export interface RecordEditRow {
  userId: string;
  path: string;
  firstAt: string;
  lastAt: string;
  /** Ops of this user on this path (no-ops included). */
  ops: number;
}

/** What a user may see: all records of the forms, or only their own/assigned ones. */
export interface Scope {
  formIds: string[];
  /** null = every record of those forms (supervisor); otherwise records owned by or assigned to this user. */
  userId: string | null;
}

export interface SyncTx extends BlobTx {
  // ops log
  getOps(opIds: string[]): Promise<StoredOp[]>;
  insertOps(ops: StoredOp[]): Promise<void>;
  /** One row per (user, path) of the record's ops, ordered by firstAt then userId then path. */
  listRecordEdits(recordId: string): Promise<RecordEditRow[]>;
  // records (PostgreSQL locks the rows FOR UPDATE)
  getRecords(ids: string[]): Promise<ServerRecord[]>;
  putRecord(record: ServerRecord): Promise<void>;
  /** Allocates the next change sequence number (see guarantee 3). */
  nextChangeSeq(): Promise<number>;
  /** Records in scope with changeSeq > after, ordered by changeSeq, at most limit. */
  listChanges(after: number, limit: number, scope: Scope): Promise<ServerRecord[]>;
  // scope removals (a record left a field user's scope; their devices forget it at the next pull)
  /** Inserting the same (userId, recordId, changeSeq) twice is a no-op. */
  insertScopeRemoval(row: ScopeRemovalRow): Promise<void>;
  /** The user's removals with after < changeSeq <= upTo, ascending changeSeq (then recordId). */
  listScopeRemovals(userId: string, after: number, upTo: number): Promise<ScopeRemovalRow[]>;
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
  /** Sets revokedAt on every live token of the user; the number of tokens revoked. */
  revokeUserTokens(userId: string, at: string): Promise<number>;
  // login limiter (auth/login-limiter.ts): one fixed-window counter per key, shared by every process on the database
  /**
   * ONE atomic step: adds 1 to the key's counter (starting a new window at `at` when the stored one began at or before
   * `windowCutoff`) and returns the new count and its window start. Racing callers each see a distinct count.
   */
  bumpLoginAttempts(key: string, at: string, windowCutoff: string): Promise<{ count: number; windowStart: string }>;
  /** Takes one attempt back (never below 0), or forgets the key when `reset`. */
  releaseLoginAttempt(key: string, reset: boolean): Promise<void>;
  /** Deletes the counters whose window started at or before `windowCutoff` (they count nothing any more); how many. */
  pruneLoginAttempts(windowCutoff: string): Promise<number>;
  // blobs
  getBlob(hash: string): Promise<BlobRow | null>;
  putBlob(blob: BlobRow): Promise<void>;
  // small server state (e.g. the server's HLC), JSON values
  /** null when the key was never set. */
  getMeta(key: string): Promise<unknown>;
  setMeta(key: string, value: unknown): Promise<void>;
  // back office: review list, audit log (append-only), revisions, API tokens, webhooks
  /**
   * Records in scope (as listChanges: forms; owner or assignee for a field user) matching the filter, newest first by
   * (updatedAt DESC, id DESC); deleted records included. total counts the same filter without after/limit.
   */
  listRecordSummaries(filter: RecordListFilter, scope: Scope): Promise<{ items: RecordListItem[]; total: number }>;
  appendAudit(entries: Omit<AuditEntry, 'seq'>[]): Promise<void>;
  /** Newest first (seq DESC). */
  listAudit(filter: AuditFilter): Promise<AuditEntry[]>;
  insertRevision(row: RevisionRow): Promise<void>;
  updateRevision(row: RevisionRow): Promise<void>;
  /** Ascending revision. */
  listRevisions(recordId: string): Promise<RevisionRow[]>;
  /** approvedSeq > after, ascending approvedSeq, at most limit; formIds restricts the forms when given. */
  listApprovedRevisions(after: number, limit: number, formIds?: string[]): Promise<RevisionRow[]>;
  /** Upsert by id. */
  putApiToken(row: ApiTokenRow): Promise<void>;
  getApiTokenByHash(tokenHash: string): Promise<ApiTokenRow | null>;
  /** Oldest first (createdAt, id). */
  listApiTokens(): Promise<ApiTokenRow[]>;
  /** Upsert by id. */
  putWebhook(row: WebhookRow): Promise<void>;
  getWebhook(id: string): Promise<WebhookRow | null>;
  /** Oldest first (createdAt, id). */
  listWebhooks(): Promise<WebhookRow[]>;
  /** Upsert by id. */
  putDelivery(row: WebhookDeliveryRow): Promise<void>;
  getDelivery(id: string): Promise<WebhookDeliveryRow | null>;
  /** Newest first (createdAt DESC, id DESC). */
  listDeliveries(filter: { webhookId?: string; status?: WebhookDeliveryRow['status']; limit: number }): Promise<WebhookDeliveryRow[]>;
}

export interface SyncStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Creates or upgrades the schema (date-prefixed migrations, recorded in a migrations table). */
  migrate(): Promise<void>;
  transaction<T>(fn: (tx: SyncTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

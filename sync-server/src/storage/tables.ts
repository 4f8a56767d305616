// Column lists of the upserted tables and the one upsert statement both dialects share (INSERT … ON CONFLICT DO UPDATE).
export interface TableShape {
  name: string;
  key: string;
  columns: readonly string[];
}

export const RECORDS: TableShape = {
  name: 'records', key: 'id',
  columns: [
    'id', 'form_id', 'form_version', 'status', 'owner_id', 'assignee_id', 'deleted', 'answers', 'fields', 'change_seq', 'created_at', 'updated_at',
    // review-queue summary (migration 2026-11-29-back-office)
    'has_summary', 'title', 'lat', 'lon', 'error_count', 'warning_count', 'submitted_at', 'revision', 'search_text',
    // migration 2026-12-06-record-subtitle
    'subtitle',
  ],
};
export const OPS: TableShape = {
  name: 'ops', key: 'op_id',
  columns: ['op_id', 'device_id', 'user_id', 'record_id', 'path', 'value', 'hlc', 'admitted_hlc', 'base_version', 'outcome', 'code', 'conflict_id', 'change_seq', 'received_at'],
};
export const CONFLICTS: TableShape = {
  name: 'conflicts', key: 'id',
  columns: ['id', 'record_id', 'path', 'kind', 'candidates', 'provisional', 'status', 'resolution', 'created_at', 'change_seq'],
};
export const USERS: TableShape = {
  name: 'users', key: 'id', columns: ['id', 'username', 'display_name', 'role', 'password_hash', 'disabled', 'created_at', 'must_change_password'],
};
export const DEVICES: TableShape = {
  name: 'devices', key: 'id', columns: ['id', 'user_id', 'label', 'registered_at', 'last_seen_at', 'revoked_at'],
};
export const TOKENS: TableShape = {
  name: 'tokens', key: 'token_hash', columns: ['token_hash', 'user_id', 'device_id', 'issued_at', 'expires_at', 'revoked_at', 'last_used_at'],
};
export const BLOBS: TableShape = {
  name: 'blobs', key: 'hash', columns: ['hash', 'size', 'mime', 'location', 'uploaded_by', 'created_at'],
};

/** Primary key (record_id, revision): inserted once, then updated in place (status, decision, approved_seq). */
export const REVISIONS: TableShape = {
  name: 'revisions', key: 'record_id, revision',
  columns: [
    'record_id', 'revision', 'form_id', 'form_version', 'answers', 'submitted_by', 'submitted_at', 'change_seq', 'status',
    'decided_by', 'decided_at', 'reason', 'approved_seq',
  ],
};
/** Append-only; seq is assigned by the database, so it is not among the written columns. */
export const AUDIT_LOG: TableShape = {
  name: 'audit_log', key: 'seq', columns: ['at', 'user_id', 'actor', 'action', 'record_id', 'detail', 'ip'],
};
export const API_TOKENS: TableShape = {
  name: 'api_tokens', key: 'id', columns: ['id', 'name', 'token_hash', 'scopes', 'created_by', 'created_at', 'revoked_at', 'last_used_at', 'expires_at'],
};
export const WEBHOOKS: TableShape = {
  name: 'webhooks', key: 'id', columns: ['id', 'url', 'secret', 'description', 'active', 'cursor', 'created_by', 'created_at'],
};
export const WEBHOOK_DELIVERIES: TableShape = {
  name: 'webhook_deliveries', key: 'id',
  columns: ['id', 'webhook_id', 'cursor', 'record_id', 'revision', 'status', 'attempts', 'last_status', 'last_error', 'created_at', 'updated_at'],
};

/** placeholder(i, column) renders the i-th (0-based) parameter: "@column" for SQLite, "$1" for PostgreSQL. */
export function upsertSql(t: TableShape, placeholder: (i: number, column: string) => string): string {
  const cols = t.columns.join(', ');
  const values = t.columns.map((c, i) => placeholder(i, c)).join(', ');
  const updates = t.columns.filter((c) => c !== t.key).map((c) => `${c} = excluded.${c}`).join(', ');
  return `INSERT INTO ${t.name} (${cols}) VALUES (${values}) ON CONFLICT (${t.key}) DO UPDATE SET ${updates}`;
}

/** Plain insert (the ops log is append-only: a second insert of an opId is an error, never an overwrite). */
export function insertSql(t: TableShape, placeholder: (i: number, column: string) => string): string {
  return `INSERT INTO ${t.name} (${t.columns.join(', ')}) VALUES (${t.columns.map((c, i) => placeholder(i, c)).join(', ')})`;
}

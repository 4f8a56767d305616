// SyncTx over one pg client inside BEGIN … COMMIT: record reads lock rows (advisory lock per id + FOR UPDATE), counter row for seqs.
import type pg from 'pg';
import type { SyncTx, Scope, StoredOp, ConflictItem } from '../sync-store.ts';
import { ChangeCounter } from '../change-counter.ts';
import { postgresBlobTx } from './postgres-blob-tx.ts';
import { BUMP_LOGIN_ATTEMPTS } from '../login-attempts-sql.ts';
import { fromJsonText, toJsonText } from '../json-column.ts';
import { buildRecordListSql, type ListDialect } from '../record-list-query.ts';
import {
  type Row, apiTokenFromRow, apiTokenToParams, auditFromRow, auditToParams, blobFromRow, blobToParams, conflictFromRow, conflictToParams,
  deliveryFromRow, deliveryToParams, deviceFromRow, deviceToParams, opFromRow, opToParams, recordEditFromRow, recordFromRow, recordListItemFromRow,
  recordToParams, revisionFromRow, revisionToParams, scopeRemovalFromRow, tokenFromRow, tokenToParams, userFromRow, userToParams, webhookFromRow, webhookToParams,
} from '../rows.ts';
import {
  API_TOKENS, AUDIT_LOG, BLOBS, CONFLICTS, DEVICES, OPS, RECORDS, REVISIONS, TOKENS, USERS, WEBHOOKS, WEBHOOK_DELIVERIES, type TableShape,
  insertSql, upsertSql,
} from '../tables.ts';

/** The shared upsert with PostgreSQL placeholders ($1 key, $2 at, $3 cutoff). */
const BUMP_LOGIN_ATTEMPTS_PG = BUMP_LOGIN_ATTEMPTS.replaceAll('@key', '$1').replaceAll('@at', '$2').replaceAll('@cutoff', '$3');

const positional = (i: number): string => `$${i + 1}`;
const valuesOf = (t: TableShape, row: Row): unknown[] => t.columns.map((c) => row[c]);

/** Advisory-lock class for record ids: locks ids that do not exist yet too, so two creates of one record serialize. */
const RECORD_LOCK_CLASS = 0x67656e; // "gen"

const SQL = {
  insertConflict: insertSql(CONFLICTS, positional),
  updateConflict: `UPDATE conflicts SET ${CONFLICTS.columns.slice(1).map((c, i) => `${c} = $${i + 2}`).join(', ')} WHERE id = $1`,
  putUser: upsertSql(USERS, positional),
  putDevice: upsertSql(DEVICES, positional),
  putToken: upsertSql(TOKENS, positional),
  putBlob: upsertSql(BLOBS, positional),
  insertRevision: insertSql(REVISIONS, positional),
  updateRevision: `UPDATE revisions SET ${REVISIONS.columns.slice(2).map((c, i) => `${c} = $${i + 3}`).join(', ')} WHERE record_id = $1 AND revision = $2`,
  putApiToken: upsertSql(API_TOKENS, positional),
  putWebhook: upsertSql(WEBHOOKS, positional),
  putDelivery: upsertSql(WEBHOOK_DELIVERIES, positional),
};

export const POSTGRES_LIST: ListDialect = {
  placeholder: (n) => `$${n}`,
  inList: (column, placeholder) => `${column} = ANY(${placeholder}::text[])`,
  listValue: (values) => [...values],
  // PostgreSQL has statistics (autovacuum's ANALYZE) and picks between records_review and records_scope itself.
  indexHint: () => '',
};

/** Same reasoning as the SQLite adapter: each side of the union walks its own index and stops after `limit`. */
const LIST_CHANGES_OF_USER = `SELECT * FROM records WHERE id IN (
    (SELECT id FROM records WHERE owner_id = $4 AND change_seq > $1 AND form_id = ANY($2::text[]) ORDER BY change_seq LIMIT $3)
    UNION
    (SELECT id FROM records WHERE assignee_id = $4 AND change_seq > $1 AND form_id = ANY($2::text[]) ORDER BY change_seq LIMIT $3)
  ) ORDER BY change_seq LIMIT $3`;

/** Column types of the bulk-written tables (json travels as text and is cast per element). */
const COLUMN_TYPES: Record<string, Record<string, string>> = {
  records: {
    id: 'text', form_id: 'text', form_version: 'integer', status: 'text', owner_id: 'text', assignee_id: 'text', deleted: 'boolean',
    answers: 'json', fields: 'json', change_seq: 'bigint', created_at: 'text', updated_at: 'text',
    has_summary: 'boolean', title: 'text', lat: 'double precision', lon: 'double precision', error_count: 'integer',
    warning_count: 'integer', submitted_at: 'text', revision: 'integer', search_text: 'text', subtitle: 'text',
  },
  audit_log: { at: 'text', user_id: 'text', actor: 'text', action: 'text', record_id: 'text', detail: 'json', ip: 'text' },
  ops: {
    op_id: 'text', device_id: 'text', user_id: 'text', record_id: 'text', path: 'text', value: 'json', hlc: 'text', admitted_hlc: 'text',
    base_version: 'bigint', outcome: 'text', code: 'text', conflict_id: 'text', change_seq: 'bigint', received_at: 'text',
  },
};

/**
 * Many rows in one statement with ONE parameter: the rows as a JSON array, expanded by json_to_recordset. A VALUES
 * list with thousands of parameters costs the server more to parse and plan than the rows cost to write, and one
 * array parameter per column made the driver escape every element into an array literal in JavaScript (a fifth
 * of a push's CPU time); JSON.stringify does the same job natively.
 */
async function insertRows(client: pg.PoolClient, t: TableShape, rowsToWrite: Row[], upsert: boolean): Promise<void> {
  if (rowsToWrite.length === 0) return;
  const types = COLUMN_TYPES[t.name]!;
  // JSON columns arrive as their text (the shared row mappers serialize them) and are cast back per row.
  const recordset = t.columns.map((c) => `${c} ${types[c] === 'json' ? 'text' : types[c]}`).join(', ');
  const select = t.columns.map((c) => (types[c] === 'json' ? `${c}::json` : c)).join(', ');
  const template = (upsert ? upsertSql : insertSql)(t, positional);
  const tail = upsert ? template.slice(template.indexOf(' ON CONFLICT ')) : '';
  const sql = `INSERT INTO ${t.name} (${t.columns.join(', ')}) SELECT ${select} FROM json_to_recordset($1::json) AS u(${recordset})${tail}`;
  await client.query(sql, [JSON.stringify(rowsToWrite)]);
}

export interface PostgresTransaction {
  tx: SyncTx;
  /** Writes what the transaction kept in memory (buffered records, the change counter); call right before COMMIT. */
  beforeCommit(): Promise<void>;
}

/**
 * putRecord is buffered and written as one multi-row upsert before the next record read and before COMMIT (a push
 * of 500 records costs a few round trips, not 500). A failing write therefore surfaces at that point, still
 * inside the transaction, which then rolls back as a whole.
 */
export function createPostgresTx(client: pg.PoolClient): PostgresTransaction {
  const rows = async (sql: string, params: unknown[] = []): Promise<Row[]> => (await client.query(sql, params)).rows as Row[];
  const first = async (sql: string, params: unknown[]): Promise<Row | undefined> => (await rows(sql, params))[0];
  const counter = new ChangeCounter(async () => Number((await first('UPDATE change_counter SET value = value WHERE id = 1 RETURNING value', []))!.value));
  // Kept as column values: serializing at putRecord time snapshots the record, as an immediate write would.
  const pendingRecords = new Map<string, Row>();
  const flushRecords = async () => {
    if (pendingRecords.size === 0) return;
    const batch = [...pendingRecords.values()];
    pendingRecords.clear();
    await insertRows(client, RECORDS, batch, true);
  };
  const beforeCommit = async () => {
    await flushRecords();
    const value = counter.pendingWrite();
    if (value !== null) await client.query('UPDATE change_counter SET value = $1 WHERE id = 1', [value]);
    counter.markWritten();
  };
  return { tx: postgresTx(client, rows, first, counter, pendingRecords, flushRecords), beforeCommit };
}

function postgresTx(
  client: pg.PoolClient,
  rows: (sql: string, params?: unknown[]) => Promise<Row[]>,
  first: (sql: string, params: unknown[]) => Promise<Row | undefined>,
  counter: ChangeCounter,
  pendingRecords: Map<string, Row>,
  flushRecords: () => Promise<void>,
): SyncTx {
  return {
    ...postgresBlobTx(rows, flushRecords),
    async getOps(opIds) {
      return opIds.length ? (await rows('SELECT * FROM ops WHERE op_id = ANY($1::text[])', [opIds])).map(opFromRow) : [];
    },
    async listRecordEdits(recordId) {
      const found = await rows(`SELECT user_id, path, MIN(received_at) AS first_at, MAX(received_at) AS last_at, COUNT(*) AS ops FROM ops
        WHERE record_id = $1 GROUP BY user_id, path ORDER BY first_at, user_id, path`, [recordId]);
      return found.map(recordEditFromRow);
    },
    async insertOps(ops: StoredOp[]) {
      await insertRows(client, OPS, ops.map(opToParams), false);
    },
    async getRecords(ids) {
      if (!ids.length) return [];
      await flushRecords();
      const sorted = [...new Set(ids)].sort();
      // Sorted lock order keeps two transactions locking overlapping sets from deadlocking each other.
      await client.query(`SELECT pg_advisory_xact_lock(${RECORD_LOCK_CLASS}, hashtext(id)) FROM unnest($1::text[]) WITH ORDINALITY AS t(id, n) ORDER BY n`, [sorted]);
      return (await rows('SELECT * FROM records WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE', [sorted])).map(recordFromRow);
    },
    async putRecord(record) {
      pendingRecords.set(record.id, recordToParams(record));
    },
    async nextChangeSeq() {
      // The row lock is held until COMMIT: seq N+1 cannot be handed out before seq N is committed (guarantee 3).
      return counter.next();
    },
    async listChanges(after: number, limit: number, scope: Scope) {
      if (scope.formIds.length === 0 || limit <= 0) return [];
      await flushRecords();
      const result = scope.userId === null
        ? await rows('SELECT * FROM records WHERE change_seq > $1 AND form_id = ANY($2::text[]) ORDER BY change_seq LIMIT $3', [after, scope.formIds, limit])
        : await rows(LIST_CHANGES_OF_USER, [after, scope.formIds, limit, scope.userId]);
      return result.map(recordFromRow);
    },
    async insertScopeRemoval(row) {
      await client.query(`INSERT INTO scope_removals (user_id, record_id, change_seq) VALUES ($1, $2, $3)
        ON CONFLICT (user_id, change_seq, record_id) DO NOTHING`, [row.userId, row.recordId, row.changeSeq]);
    },
    async listScopeRemovals(userId, after, upTo) {
      const result = await rows(`SELECT * FROM scope_removals WHERE user_id = $1 AND change_seq > $2 AND change_seq <= $3
        ORDER BY change_seq, record_id`, [userId, after, upTo]);
      return result.map(scopeRemovalFromRow);
    },
    async insertConflict(conflict: ConflictItem) {
      await client.query(SQL.insertConflict, valuesOf(CONFLICTS, conflictToParams(conflict)));
    },
    async updateConflict(conflict: ConflictItem) {
      await client.query(SQL.updateConflict, valuesOf(CONFLICTS, conflictToParams(conflict)));
    },
    async getConflict(id) {
      const row = await first('SELECT * FROM conflicts WHERE id = $1', [id]);
      return row ? conflictFromRow(row) : null;
    },
    async listConflicts(filter) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (filter.recordIds) {
        if (filter.recordIds.length === 0) return [];
        params.push(filter.recordIds);
        where.push(`record_id = ANY($${params.length}::text[])`);
      }
      if (filter.status) {
        params.push(filter.status);
        where.push(`status = $${params.length}`);
      }
      let sql = `SELECT * FROM conflicts ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY change_seq, id`;
      if (filter.limit !== undefined) {
        params.push(filter.limit);
        sql += ` LIMIT $${params.length}`;
      }
      return (await rows(sql, params)).map(conflictFromRow);
    },
    async getUserByName(username) {
      const row = await first('SELECT * FROM users WHERE username = $1', [username]);
      return row ? userFromRow(row) : null;
    },
    async getUser(id) {
      const row = await first('SELECT * FROM users WHERE id = $1', [id]);
      return row ? userFromRow(row) : null;
    },
    async putUser(user) {
      await client.query(SQL.putUser, valuesOf(USERS, userToParams(user)));
    },
    async listUsers() {
      return (await rows('SELECT * FROM users ORDER BY username')).map(userFromRow);
    },
    async getDevice(id) {
      const row = await first('SELECT * FROM devices WHERE id = $1', [id]);
      return row ? deviceFromRow(row) : null;
    },
    async putDevice(device) {
      await client.query(SQL.putDevice, valuesOf(DEVICES, deviceToParams(device)));
    },
    async listDevices(userId) {
      const result = userId === undefined
        ? await rows('SELECT * FROM devices ORDER BY registered_at, id')
        : await rows('SELECT * FROM devices WHERE user_id = $1 ORDER BY registered_at, id', [userId]);
      return result.map(deviceFromRow);
    },
    async getToken(tokenHash) {
      const row = await first('SELECT * FROM tokens WHERE token_hash = $1', [tokenHash]);
      return row ? tokenFromRow(row) : null;
    },
    async putToken(token) {
      await client.query(SQL.putToken, valuesOf(TOKENS, tokenToParams(token)));
    },
    async revokeUserTokens(userId, at) {
      const result = await client.query('UPDATE tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL', [userId, at]);
      return result.rowCount ?? 0;
    },
    async bumpLoginAttempts(key, at, windowCutoff) {
      // One statement: the row lock of the upsert makes racing logins (in any process) take turns on this key.
      const row = await first(BUMP_LOGIN_ATTEMPTS_PG, [key, at, windowCutoff]);
      return { count: Number(row!.count), windowStart: String(row!.window_start) };
    },
    async pruneLoginAttempts(windowCutoff) {
      return (await client.query('DELETE FROM login_attempts WHERE window_start <= $1', [windowCutoff])).rowCount ?? 0;
    },
    async releaseLoginAttempt(key, reset) {
      await client.query(reset ? 'DELETE FROM login_attempts WHERE key = $1' : 'UPDATE login_attempts SET count = GREATEST(count - 1, 0) WHERE key = $1', [key]);
    },
    async getBlob(hash) {
      const row = await first('SELECT * FROM blobs WHERE hash = $1', [hash]);
      return row ? blobFromRow(row) : null;
    },
    async putBlob(blob) {
      await client.query(SQL.putBlob, valuesOf(BLOBS, blobToParams(blob)));
    },
    async getMeta(key) {
      const row = await first('SELECT value FROM meta WHERE key = $1', [key]);
      return row ? fromJsonText(row.value as string) : null;
    },
    async setMeta(key, value) {
      await client.query('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, toJsonText(value)]);
    },
    async listRecordSummaries(filter, scope) {
      const q = buildRecordListSql(filter, scope, POSTGRES_LIST);
      if (!q) return { items: [], total: 0 };
      await flushRecords();
      const total = Number((await first(q.total, q.totalParams))!.n);
      // No match (a mistyped search): skip the page, which would walk the whole index a second time.
      const items = filter.limit > 0 && total > 0 ? (await rows(q.page, q.pageParams)).map(recordListItemFromRow) : [];
      return { items, total };
    },
    async appendAudit(entries) {
      // One multi-row insert; rows get their seq in array order.
      await insertRows(client, AUDIT_LOG, entries.map(auditToParams), false);
    },
    async listAudit(filter) {
      const where: string[] = [];
      const params: unknown[] = [];
      const add = (column: string, op: string, value: unknown) => {
        params.push(value);
        where.push(`${column} ${op} $${params.length}`);
      };
      if (filter.userId !== undefined) add('user_id', '=', filter.userId);
      if (filter.recordId !== undefined) add('record_id', '=', filter.recordId);
      if (filter.action !== undefined) add('action', '=', filter.action);
      if (filter.from !== undefined) add('at', '>=', filter.from);
      if (filter.to !== undefined) add('at', '<=', filter.to);
      if (filter.beforeSeq !== undefined) add('seq', '<', filter.beforeSeq);
      params.push(filter.limit);
      const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT $${params.length}`;
      return (await rows(sql, params)).map(auditFromRow);
    },
    async insertRevision(row) {
      await client.query(SQL.insertRevision, valuesOf(REVISIONS, revisionToParams(row)));
    },
    async updateRevision(row) {
      await client.query(SQL.updateRevision, valuesOf(REVISIONS, revisionToParams(row)));
    },
    async listRevisions(recordId) {
      return (await rows('SELECT * FROM revisions WHERE record_id = $1 ORDER BY revision', [recordId])).map(revisionFromRow);
    },
    async listApprovedRevisions(after, limit, formIds) {
      if (limit <= 0 || (formIds && formIds.length === 0)) return [];
      const result = formIds
        ? await rows(`SELECT * FROM revisions WHERE approved_seq IS NOT NULL AND approved_seq > $1 AND form_id = ANY($3::text[])
            ORDER BY approved_seq LIMIT $2`, [after, limit, formIds])
        : await rows('SELECT * FROM revisions WHERE approved_seq IS NOT NULL AND approved_seq > $1 ORDER BY approved_seq LIMIT $2', [after, limit]);
      return result.map(revisionFromRow);
    },
    async putApiToken(row) {
      await client.query(SQL.putApiToken, valuesOf(API_TOKENS, apiTokenToParams(row)));
    },
    async getApiTokenByHash(tokenHash) {
      const row = await first('SELECT * FROM api_tokens WHERE token_hash = $1', [tokenHash]);
      return row ? apiTokenFromRow(row) : null;
    },
    async listApiTokens() {
      return (await rows('SELECT * FROM api_tokens ORDER BY created_at, id')).map(apiTokenFromRow);
    },
    async putWebhook(row) {
      await client.query(SQL.putWebhook, valuesOf(WEBHOOKS, webhookToParams(row)));
    },
    async getWebhook(id) {
      const row = await first('SELECT * FROM webhooks WHERE id = $1', [id]);
      return row ? webhookFromRow(row) : null;
    },
    async listWebhooks() {
      return (await rows('SELECT * FROM webhooks ORDER BY created_at, id')).map(webhookFromRow);
    },
    async putDelivery(row) {
      await client.query(SQL.putDelivery, valuesOf(WEBHOOK_DELIVERIES, deliveryToParams(row)));
    },
    async getDelivery(id) {
      const row = await first('SELECT * FROM webhook_deliveries WHERE id = $1', [id]);
      return row ? deliveryFromRow(row) : null;
    },
    async listDeliveries(filter) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (filter.webhookId !== undefined) {
        params.push(filter.webhookId);
        where.push(`webhook_id = $${params.length}`);
      }
      if (filter.status !== undefined) {
        params.push(filter.status);
        where.push(`status = $${params.length}`);
      }
      params.push(filter.limit);
      const sql = `SELECT * FROM webhook_deliveries ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`;
      return (await rows(sql, params)).map(deliveryFromRow);
    },
  };
}

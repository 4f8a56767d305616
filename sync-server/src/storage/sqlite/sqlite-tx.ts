// SyncTx over one better-sqlite3 connection: prepared statements, run synchronously inside the caller's BEGIN IMMEDIATE.
import type Database from 'better-sqlite3';
import type { SyncTx, Scope, ServerRecord, StoredOp, ConflictItem } from '../sync-store.ts';
import { ChangeCounter } from '../change-counter.ts';
import { sqliteBlobTx } from './sqlite-blob-tx.ts';
import { BUMP_LOGIN_ATTEMPTS } from '../login-attempts-sql.ts';
import { fromJsonText, toJsonText } from '../json-column.ts';
import { buildRecordListSql, countIndexFor, type ListDialect } from '../record-list-query.ts';
import {
  type Row, apiTokenFromRow, apiTokenToParams, auditFromRow, auditToParams, blobFromRow, blobToParams, conflictFromRow, conflictToParams,
  deliveryFromRow, deliveryToParams, deviceFromRow, deviceToParams, opFromRow, opToParams, recordEditFromRow, recordFromRow, recordListItemFromRow,
  recordToParams, revisionFromRow, revisionToParams, scopeRemovalFromRow, tokenFromRow, tokenToParams, userFromRow, userToParams, webhookFromRow, webhookToParams,
} from '../rows.ts';
import {
  API_TOKENS, AUDIT_LOG, BLOBS, CONFLICTS, DEVICES, OPS, RECORDS, REVISIONS, TOKENS, USERS, WEBHOOKS, WEBHOOK_DELIVERIES, insertSql, upsertSql,
} from '../tables.ts';

const named = (_i: number, c: string): string => `@${c}`;

/** Ops per multi-row INSERT: one statement call binds OPS_PER_INSERT × 14 values (well under SQLite's 32,766 limit). */
export const OPS_PER_INSERT = 50;

const insertOpsSql = (rows: number): string => {
  const row = `(${OPS.columns.map(() => '?').join(', ')})`;
  return `INSERT INTO ops (${OPS.columns.join(', ')}) VALUES ${Array.from({ length: rows }, () => row).join(', ')}`;
};

/**
 * The first `limit` of (owned ∪ assigned) by change_seq is inside (first `limit` owned) ∪ (first `limit` assigned),
 * so each side walks its own (user, change_seq) index in order and stops early; an OR would read every remaining
 * record of the user and sort them, on every page.
 */
const LIST_CHANGES_OF_USER = `SELECT * FROM records WHERE id IN (
    SELECT id FROM (SELECT id FROM records WHERE owner_id = @user AND change_seq > @after
      AND form_id IN (SELECT value FROM json_each(@forms)) ORDER BY change_seq LIMIT @limit)
    UNION
    SELECT id FROM (SELECT id FROM records WHERE assignee_id = @user AND change_seq > @after
      AND form_id IN (SELECT value FROM json_each(@forms)) ORDER BY change_seq LIMIT @limit)
  ) ORDER BY change_seq LIMIT @limit`;

export const SQLITE_LIST: ListDialect = {
  placeholder: () => '?',
  inList: (column, placeholder) => `${column} IN (SELECT value FROM json_each(${placeholder}))`,
  listValue: (values) => JSON.stringify(values),
  // The embedded store has no planner statistics (it never runs ANALYZE), and without them SQLite prefers an
  // equality index plus a sort of every match (380 ms over 100,000 records) to the ordered walk (< 5 ms). Pages
  // always walk records_review; counts take the narrowest index that covers the filter (docs/STORAGE.md).
  indexHint: (query, filter) => {
    const index = query === 'page' ? 'records_review' : countIndexFor(filter);
    return index ? `INDEXED BY ${index}` : '';
  },
};

/** Prepares every statement once per connection. */
export function prepareSqliteStatements(db: Database.Database) {
  const p = (sql: string) => db.prepare(sql);
  return {
    getOps: p('SELECT * FROM ops WHERE op_id IN (SELECT value FROM json_each(?))'),
    listRecordEdits: p(`SELECT user_id, path, MIN(received_at) AS first_at, MAX(received_at) AS last_at, COUNT(*) AS ops FROM ops
      WHERE record_id = ? GROUP BY user_id, path ORDER BY first_at, user_id, path`),
    insertOp: p(insertSql(OPS, named)),
    insertOpsChunk: p(insertOpsSql(OPS_PER_INSERT)),
    getRecords: p('SELECT * FROM records WHERE id IN (SELECT value FROM json_each(?))'),
    putRecord: p(upsertSql(RECORDS, named)),
    readCounter: p('SELECT value FROM change_counter WHERE id = 1'),
    writeCounter: p('UPDATE change_counter SET value = ? WHERE id = 1'),
    listChangesAll: p(`SELECT * FROM records WHERE change_seq > @after AND form_id IN (SELECT value FROM json_each(@forms))
      ORDER BY change_seq LIMIT @limit`),
    listChangesUser: p(LIST_CHANGES_OF_USER),
    insertScopeRemoval: p(`INSERT INTO scope_removals (user_id, record_id, change_seq) VALUES (?, ?, ?)
      ON CONFLICT (user_id, change_seq, record_id) DO NOTHING`),
    listScopeRemovals: p(`SELECT * FROM scope_removals WHERE user_id = ? AND change_seq > ? AND change_seq <= ?
      ORDER BY change_seq, record_id`),
    insertConflict: p(insertSql(CONFLICTS, named)),
    updateConflict: p(`UPDATE conflicts SET ${CONFLICTS.columns.filter((c) => c !== 'id').map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`),
    getConflict: p('SELECT * FROM conflicts WHERE id = ?'),
    getUserByName: p('SELECT * FROM users WHERE username = ?'),
    getUser: p('SELECT * FROM users WHERE id = ?'),
    putUser: p(upsertSql(USERS, named)),
    listUsers: p('SELECT * FROM users ORDER BY username'),
    getDevice: p('SELECT * FROM devices WHERE id = ?'),
    putDevice: p(upsertSql(DEVICES, named)),
    listDevices: p('SELECT * FROM devices ORDER BY registered_at, id'),
    listDevicesOf: p('SELECT * FROM devices WHERE user_id = ? ORDER BY registered_at, id'),
    getToken: p('SELECT * FROM tokens WHERE token_hash = ?'),
    putToken: p(upsertSql(TOKENS, named)),
    getBlob: p('SELECT * FROM blobs WHERE hash = ?'),
    putBlob: p(upsertSql(BLOBS, named)),
    getMeta: p('SELECT value FROM meta WHERE key = ?'),
    setMeta: p('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    insertAudit: p(insertSql(AUDIT_LOG, named)),
    insertRevision: p(insertSql(REVISIONS, named)),
    updateRevision: p(`UPDATE revisions SET ${REVISIONS.columns.filter((c) => c !== 'record_id' && c !== 'revision').map((c) => `${c} = @${c}`).join(', ')}
      WHERE record_id = @record_id AND revision = @revision`),
    listRevisions: p('SELECT * FROM revisions WHERE record_id = ? ORDER BY revision'),
    listApproved: p(`SELECT * FROM revisions WHERE approved_seq IS NOT NULL AND approved_seq > ? ORDER BY approved_seq LIMIT ?`),
    listApprovedOfForms: p(`SELECT * FROM revisions WHERE approved_seq IS NOT NULL AND approved_seq > ?
      AND form_id IN (SELECT value FROM json_each(?)) ORDER BY approved_seq LIMIT ?`),
    putApiToken: p(upsertSql(API_TOKENS, named)),
    getApiTokenByHash: p('SELECT * FROM api_tokens WHERE token_hash = ?'),
    listApiTokens: p('SELECT * FROM api_tokens ORDER BY created_at, id'),
    putWebhook: p(upsertSql(WEBHOOKS, named)),
    getWebhook: p('SELECT * FROM webhooks WHERE id = ?'),
    listWebhooks: p('SELECT * FROM webhooks ORDER BY created_at, id'),
    putDelivery: p(upsertSql(WEBHOOK_DELIVERIES, named)),
    getDelivery: p('SELECT * FROM webhook_deliveries WHERE id = ?'),
    /** Statements whose text depends on the call (listConflicts filters), prepared on first use and kept. */
    byText: new Map<string, Database.Statement>(),
  };
}

export type SqliteStatements = ReturnType<typeof prepareSqliteStatements>;

export interface SqliteTransaction {
  tx: SyncTx;
  /** Writes what the transaction kept in memory (the change counter); call right before COMMIT. */
  beforeCommit(): void;
}

/** One per transaction (it holds the transaction's change counter); statements are shared by the connection. */
export function createSqliteTx(db: Database.Database, s: SqliteStatements): SqliteTransaction {
  const counter = new ChangeCounter(async () => Number((s.readCounter.get() as Row).value));
  const beforeCommit = () => {
    const value = counter.pendingWrite();
    if (value !== null) s.writeCounter.run(value);
    counter.markWritten();
  };
  return { tx: sqliteTx(db, s, counter), beforeCommit };
}

function sqliteTx(db: Database.Database, s: SqliteStatements, counter: ChangeCounter): SyncTx {
  const all = (stmt: Database.Statement, ...args: unknown[]): Row[] => stmt.all(...args) as Row[];
  const one = (stmt: Database.Statement, ...args: unknown[]): Row | undefined => stmt.get(...args) as Row | undefined;
  /** Statements whose text depends on the filter: prepared on first use and kept per connection. */
  const byText = (sql: string): Database.Statement => {
    let stmt = s.byText.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      s.byText.set(sql, stmt);
    }
    return stmt;
  };
  return {
    ...sqliteBlobTx(db),
    async getOps(opIds) {
      return opIds.length ? all(s.getOps, JSON.stringify(opIds)).map(opFromRow) : [];
    },
    async listRecordEdits(recordId) {
      return all(s.listRecordEdits, recordId).map(recordEditFromRow);
    },
    async insertOps(ops: StoredOp[]) {
      // Whole chunks through one multi-row statement (one bind per chunk), the remainder row by row; same rows either way.
      const whole = ops.length - (ops.length % OPS_PER_INSERT);
      for (let from = 0; from < whole; from += OPS_PER_INSERT) {
        const values: unknown[] = [];
        for (let i = from; i < from + OPS_PER_INSERT; i++) {
          const row = opToParams(ops[i]!);
          for (const column of OPS.columns) values.push(row[column]);
        }
        s.insertOpsChunk.run(values);
      }
      for (let i = whole; i < ops.length; i++) s.insertOp.run(opToParams(ops[i]!));
    },
    async getRecords(ids) {
      return ids.length ? all(s.getRecords, JSON.stringify(ids)).map(recordFromRow) : [];
    },
    async putRecord(record: ServerRecord) {
      s.putRecord.run(recordToParams(record));
    },
    async nextChangeSeq() {
      return counter.next();
    },
    async listChanges(after: number, limit: number, scope: Scope) {
      if (scope.formIds.length === 0 || limit <= 0) return [];
      const params = { after, limit, forms: JSON.stringify(scope.formIds) };
      const rows = scope.userId === null ? all(s.listChangesAll, params) : all(s.listChangesUser, { ...params, user: scope.userId });
      return rows.map(recordFromRow);
    },
    async insertScopeRemoval(row) {
      s.insertScopeRemoval.run(row.userId, row.recordId, row.changeSeq);
    },
    async listScopeRemovals(userId, after, upTo) {
      return all(s.listScopeRemovals, userId, after, upTo).map(scopeRemovalFromRow);
    },
    async insertConflict(conflict: ConflictItem) {
      s.insertConflict.run(conflictToParams(conflict));
    },
    async updateConflict(conflict: ConflictItem) {
      s.updateConflict.run(conflictToParams(conflict));
    },
    async getConflict(id) {
      const row = one(s.getConflict, id);
      return row ? conflictFromRow(row) : null;
    },
    async listConflicts(filter) {
      const where: string[] = [];
      const args: unknown[] = [];
      if (filter.recordIds) {
        if (filter.recordIds.length === 0) return [];
        where.push('record_id IN (SELECT value FROM json_each(?))');
        args.push(JSON.stringify(filter.recordIds));
      }
      if (filter.status) {
        where.push('status = ?');
        args.push(filter.status);
      }
      const sql = `SELECT * FROM conflicts ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY change_seq, id${filter.limit !== undefined ? ' LIMIT ?' : ''}`;
      if (filter.limit !== undefined) args.push(filter.limit);
      return all(byText(sql), ...args).map(conflictFromRow);
    },
    async getUserByName(username) {
      const row = one(s.getUserByName, username);
      return row ? userFromRow(row) : null;
    },
    async getUser(id) {
      const row = one(s.getUser, id);
      return row ? userFromRow(row) : null;
    },
    async putUser(user) {
      s.putUser.run(userToParams(user));
    },
    async listUsers() {
      return all(s.listUsers).map(userFromRow);
    },
    async getDevice(id) {
      const row = one(s.getDevice, id);
      return row ? deviceFromRow(row) : null;
    },
    async putDevice(device) {
      s.putDevice.run(deviceToParams(device));
    },
    async listDevices(userId) {
      return (userId === undefined ? all(s.listDevices) : all(s.listDevicesOf, userId)).map(deviceFromRow);
    },
    async getToken(tokenHash) {
      const row = one(s.getToken, tokenHash);
      return row ? tokenFromRow(row) : null;
    },
    async putToken(token) {
      s.putToken.run(tokenToParams(token));
    },
    async revokeUserTokens(userId, at) {
      return byText('UPDATE tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL').run(at, userId).changes;
    },
    async bumpLoginAttempts(key, at, windowCutoff) {
      const row = byText(BUMP_LOGIN_ATTEMPTS).get({ key, at, cutoff: windowCutoff }) as { count: number; window_start: string };
      return { count: Number(row.count), windowStart: row.window_start };
    },
    async pruneLoginAttempts(windowCutoff) {
      return byText('DELETE FROM login_attempts WHERE window_start <= ?').run(windowCutoff).changes;
    },
    async releaseLoginAttempt(key, reset) {
      byText(reset ? 'DELETE FROM login_attempts WHERE key = ?' : 'UPDATE login_attempts SET count = MAX(count - 1, 0) WHERE key = ?').run(key);
    },
    async getBlob(hash) {
      const row = one(s.getBlob, hash);
      return row ? blobFromRow(row) : null;
    },
    async putBlob(blob) {
      s.putBlob.run(blobToParams(blob));
    },
    async getMeta(key) {
      const row = one(s.getMeta, key);
      return row ? fromJsonText(row.value as string) : null;
    },
    async setMeta(key, value) {
      s.setMeta.run(key, toJsonText(value));
    },
    async listRecordSummaries(filter, scope) {
      const q = buildRecordListSql(filter, scope, SQLITE_LIST);
      if (!q) return { items: [], total: 0 };
      const total = Number((one(byText(q.total), ...q.totalParams) as Row).n);
      // No match (a mistyped search): skip the page, which would walk the whole index a second time.
      const items = filter.limit > 0 && total > 0 ? all(byText(q.page), ...q.pageParams).map(recordListItemFromRow) : [];
      return { items, total };
    },
    async appendAudit(entries) {
      for (const entry of entries) s.insertAudit.run(auditToParams(entry));
    },
    async listAudit(filter) {
      const where: string[] = [];
      const args: unknown[] = [];
      const add = (clause: string, value: unknown) => {
        where.push(clause);
        args.push(value);
      };
      if (filter.userId !== undefined) add('user_id = ?', filter.userId);
      if (filter.recordId !== undefined) add('record_id = ?', filter.recordId);
      if (filter.action !== undefined) add('action = ?', filter.action);
      if (filter.from !== undefined) add('at >= ?', filter.from);
      if (filter.to !== undefined) add('at <= ?', filter.to);
      if (filter.beforeSeq !== undefined) add('seq < ?', filter.beforeSeq);
      args.push(filter.limit);
      const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`;
      return all(byText(sql), ...args).map(auditFromRow);
    },
    async insertRevision(row) {
      s.insertRevision.run(revisionToParams(row));
    },
    async updateRevision(row) {
      s.updateRevision.run(revisionToParams(row));
    },
    async listRevisions(recordId) {
      return all(s.listRevisions, recordId).map(revisionFromRow);
    },
    async listApprovedRevisions(after, limit, formIds) {
      if (limit <= 0 || (formIds && formIds.length === 0)) return [];
      const rows = formIds ? all(s.listApprovedOfForms, after, JSON.stringify(formIds), limit) : all(s.listApproved, after, limit);
      return rows.map(revisionFromRow);
    },
    async putApiToken(row) {
      s.putApiToken.run(apiTokenToParams(row));
    },
    async getApiTokenByHash(tokenHash) {
      const row = one(s.getApiTokenByHash, tokenHash);
      return row ? apiTokenFromRow(row) : null;
    },
    async listApiTokens() {
      return all(s.listApiTokens).map(apiTokenFromRow);
    },
    async putWebhook(row) {
      s.putWebhook.run(webhookToParams(row));
    },
    async getWebhook(id) {
      const row = one(s.getWebhook, id);
      return row ? webhookFromRow(row) : null;
    },
    async listWebhooks() {
      return all(s.listWebhooks).map(webhookFromRow);
    },
    async putDelivery(row) {
      s.putDelivery.run(deliveryToParams(row));
    },
    async getDelivery(id) {
      const row = one(s.getDelivery, id);
      return row ? deliveryFromRow(row) : null;
    },
    async listDeliveries(filter) {
      const where: string[] = [];
      const args: unknown[] = [];
      if (filter.webhookId !== undefined) {
        where.push('webhook_id = ?');
        args.push(filter.webhookId);
      }
      if (filter.status !== undefined) {
        where.push('status = ?');
        args.push(filter.status);
      }
      args.push(filter.limit);
      const sql = `SELECT * FROM webhook_deliveries ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT ?`;
      return all(byText(sql), ...args).map(deliveryFromRow);
    },
  };
}

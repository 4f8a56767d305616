// RecordRepository: survey records on the device — create, autosave answers (record + outbox in ONE transaction), status, migration.
import { v7 as uuidv7 } from 'uuid';
import type { Answers, FormDefinition } from '../engine/types.ts';
import type { GenbaDb } from './db.ts';
import { DataError, toDataError } from './errors.ts';
import { decodeRecord, encodeRecord } from './recordCodec.ts';
import { appendToOutbox, type MetaPath } from './outbox.ts';
import { nextStamps } from './deviceClock.ts';
import { parseAnswerPath, setAnswerAt } from './answerPaths.ts';
import { baseVersionFor } from '../protocol/replica.ts';
import { migrateInPlace, type MigrateAnswersFn } from './recordMigration.ts';
import type { ReviewNote, ReviewReplies } from '../protocol/review-request.ts';
import type { ConflictNote } from './sync/conflictNotes.ts';

export type { MigrateAnswersFn, MigrationOutcome } from './recordMigration.ts';

export type RecordStatus = 'draft' | 'ready' | 'submitted';

export interface RecordRow {
  /** UUIDv7 made on the device. */
  id: string;
  formId: string;
  formVersion: number;
  /** Field id → value; groups nest as objects, repeats as arrays. */
  answers: Answers;
  /** Answer path → HLC of the last local change. */
  fieldClocks: Record<string, string>;
  status: RecordStatus;
  /** The engine's error count at the last save; "has errors" badge = draft && errorCount > 0. */
  errorCount: number;
  /** Warning code → the reason the user gave. */
  acknowledgedWarnings: Record<string, string>;
  /** Short display label computed by the UI. */
  title?: string;
  deviceId: string;
  createdAt: string;
  updatedAt: string;
  /** Answers as they were before each form-version migration: nothing is lost by migrating. */
  previousVersions?: { formVersion: number; answers: Answers; migratedAt: string }[];
  /** Answer path → the server's version of that field as last pulled; a local op carries it as baseVersion. */
  fieldVersions?: Record<string, number>;
  /** The server's changeSeq of this record as last pulled (base of record-level ops: status, delete). 0: never pulled. */
  serverVersion?: number;
  /** Answer paths with an open conflict on the server (shown as a badge until a supervisor resolves it). */
  openConflicts?: string[];
  /** Those conflicts' candidates as last pulled, so the field shows what the merge replaced (sync/conflictNotes.ts). */
  conflictNotes?: ConflictNote[];
  /** Conflicts the user has looked at on this device (conflictSeenKey): their field marker is cleared; device-only, never sent. */
  seenConflicts?: string[];
  /** The supervisor's latest review as last pulled (kept out of `answers` so the engine never sees it). */
  review?: ReviewNote;
  /** True while the server holds the record as returned for correction (差し戻し): a local draft to fix and finalize again. */
  returned?: boolean;
  /** Set once the record was finished on this device or the server held it as handed in: it is never deleted from the device again. */
  everSubmitted?: boolean;
  /** The assessor's answers to the comments of the return being corrected (local until the record is finished, then sent as '@reply'). */
  reviewReplies?: ReviewReplies;
  /** True while the server holds the record as approved (承認済み); locally it stays a read-only 'submitted'. */
  approved?: boolean;
}

/** Only a draft that never reached the office may be deleted on the device (差し戻し and resubmitted records never). */
export function isDeletableDraft(row: Pick<RecordRow, 'status' | 'returned' | 'review' | 'everSubmitted'>): boolean {
  return row.status === 'draft' && row.returned !== true && row.review === undefined && row.everSubmitted !== true;
}

export interface AnswerChange {
  path: string;
  value: unknown;
  /** Stored on the device only, never queued: a calculated answer, which the server computes itself. */
  localOnly?: boolean;
  /** What the outbox carries when it differs from `value` (a repeat without the calculated fields inside it). */
  outboxValue?: unknown;
}

export interface SaveSummary {
  errorCount: number;
  title?: string;
}

export interface CorruptRecord {
  id: string | undefined;
  message: string;
}

function checkErrorCount(errorCount: unknown): asserts errorCount is number {
  if (!Number.isInteger(errorCount) || (errorCount as number) < 0) {
    throw new DataError('E_ARGUMENT', `errorCount must be a non-negative integer, got ${String(errorCount)}`);
  }
}

/** The baseVersion a new op on `path` carries: what the device last pulled of it (the protocol's rule, src/protocol/replica.ts). */
export function baseVersionOf(row: RecordRow, path: string): number {
  return baseVersionFor({ fieldVersions: row.fieldVersions ?? {}, changeSeq: row.serverVersion ?? 0 }, path);
}

export class RecordRepository {
  constructor(
    private readonly db: GenbaDb,
    /** Injected so tests can model skewed or stopped device clocks. */
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Runs `work` in one rw transaction over records, outbox and settings; any failure rolls all of it back. */
  private async write<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction('rw', [this.db.records, this.db.outbox, this.db.settings], work);
    } catch (error) {
      throw toDataError(error);
    }
  }

  /** Reads and parses a record inside the current transaction. */
  private async load(id: string): Promise<RecordRow> {
    const raw = await this.db.records.get(id);
    if (raw === undefined) throw new DataError('E_RECORD_NOT_FOUND', `no record ${id}`);
    const decoded = decodeRecord(raw);
    if (!decoded.ok) throw new DataError('E_RECORD_CORRUPT', decoded.message);
    return decoded.row;
  }

  private async queueMeta(row: RecordRow, path: MetaPath, value: unknown, at: Date): Promise<void> {
    const baseVersion = baseVersionOf(row, path);
    const { stamps } = await nextStamps(this.db, 1, at.getTime());
    const stamp = stamps[0] as (typeof stamps)[0];
    await appendToOutbox(this.db, {
      opId: stamp.opId, recordId: row.id, formId: row.formId, formVersion: row.formVersion,
      path, value, hlc: stamp.hlc, baseVersion, createdAt: at.toISOString(),
    });
  }

  async create(formId: string, formVersion: number, answers: Answers = {}): Promise<RecordRow> {
    if (typeof formId !== 'string' || formId === '') throw new DataError('E_ARGUMENT', 'formId must be a non-empty string');
    if (!Number.isInteger(formVersion) || formVersion < 0) throw new DataError('E_ARGUMENT', `bad form version ${String(formVersion)}`);
    return this.write(async () => {
      const at = this.now();
      const iso = at.toISOString();
      const { deviceId, stamps } = await nextStamps(this.db, 1, at.getTime());
      const stamp = stamps[0] as (typeof stamps)[0];
      const row: RecordRow = {
        id: uuidv7(), formId, formVersion, answers,
        fieldClocks: Object.fromEntries(Object.keys(answers).map((path) => [path, stamp.hlc])),
        status: 'draft', errorCount: 0, acknowledgedWarnings: {}, deviceId, createdAt: iso, updatedAt: iso,
      };
      await this.db.records.add(encodeRecord(row));
      await appendToOutbox(this.db, {
        opId: stamp.opId, recordId: row.id, formId, formVersion, path: '@create', value: answers,
        hlc: stamp.hlc, baseVersion: 0, createdAt: iso,
      });
      return row;
    });
  }

  /** The record, or undefined; throws E_RECORD_CORRUPT (leaving the row stored) when it cannot be read. */
  async get(id: string): Promise<RecordRow | undefined> {
    const raw = await this.db.records.get(id);
    if (raw === undefined) return undefined;
    const decoded = decodeRecord(raw);
    if (!decoded.ok) throw new DataError('E_RECORD_CORRUPT', decoded.message);
    return decoded.row;
  }

  /** A form's readable records, newest first; unreadable rows are skipped here and reported by listCorrupt(). */
  async listByForm(formId: string): Promise<RecordRow[]> {
    const raws = await this.db.records
      .where('[formId+updatedAt]')
      .between([formId, ''], [formId, '\uffff'], true, true)
      .reverse()
      .toArray();
    const rows: RecordRow[] = [];
    for (const raw of raws) {
      const decoded = decodeRecord(raw);
      if (decoded.ok) rows.push(decoded.row);
    }
    return rows;
  }

  /** Records the office returned for correction (差し戻し) that wait for the assessor, newest first. */
  async listReturned(): Promise<RecordRow[]> {
    const rows: RecordRow[] = [];
    await this.db.records.each((raw) => {
      const decoded = decodeRecord(raw);
      if (decoded.ok && decoded.row.returned === true && decoded.row.status === 'draft') rows.push(decoded.row);
    });
    return rows.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
  }

  /** Rows that cannot be read (older or damaged), so the UI can flag them; they stay stored for repair. */
  async listCorrupt(): Promise<CorruptRecord[]> {
    const corrupt: CorruptRecord[] = [];
    await this.db.records.each((raw) => {
      const decoded = decodeRecord(raw);
      if (!decoded.ok) corrupt.push({ id: decoded.id, message: decoded.message });
    });
    return corrupt;
  }

  /** Number of stored records per form id, from the index only (rows are not loaded, so unreadable rows count too). */
  async countByForm(): Promise<Record<string, number>> {
    const keys = await this.db.records.orderBy('[formId+updatedAt]').keys();
    const counts: Record<string, number> = {};
    for (const key of keys) {
      const formId = String((key as unknown as [string, string])[0]);
      counts[formId] = (counts[formId] ?? 0) + 1;
    }
    return counts;
  }

  saveAnswer(id: string, path: string, value: unknown, summary: SaveSummary): Promise<RecordRow> {
    return this.saveAnswers(id, [{ path, value }], summary);
  }

  /**
   * Autosave: applies every change to the draft and queues one outbox entry per path, all in ONE
   * transaction (a keystroke on the same path folds into its unsent entry). Refuses non-drafts.
   */
  async saveAnswers(id: string, changes: AnswerChange[], summary: SaveSummary): Promise<RecordRow> {
    checkErrorCount(summary?.errorCount);
    if (!Array.isArray(changes) || changes.length === 0) throw new DataError('E_ARGUMENT', 'no changes to save');
    for (const change of changes) {
      if (!parseAnswerPath(change.path)) throw new DataError('E_PATH_INVALID', `not a valid answer path: "${String(change.path).slice(0, 100)}"`);
    }
    return this.write(async () => {
      const row = await this.load(id);
      if (row.status !== 'draft') throw new DataError('E_RECORD_STATUS', `record ${id} is ${row.status}; reopen it to edit`);
      let answers = row.answers;
      for (const change of changes) {
        const result = setAnswerAt(answers, change.path, change.value);
        if (!result.ok) throw new DataError(result.code, result.message);
        answers = result.answers;
      }
      const at = this.now();
      const iso = at.toISOString();
      const queued = changes.filter((change) => change.localOnly !== true);
      const { stamps } = queued.length > 0 ? await nextStamps(this.db, queued.length, at.getTime()) : { stamps: [] };
      const fieldClocks = { ...row.fieldClocks };
      queued.forEach((change, i) => { fieldClocks[change.path] = (stamps[i] as (typeof stamps)[0]).hlc; });
      const next: RecordRow = { ...row, answers, fieldClocks, errorCount: summary.errorCount, updatedAt: iso };
      if (summary.title !== undefined) next.title = summary.title;
      await this.db.records.put(encodeRecord(next));
      for (const [i, change] of queued.entries()) {
        const stamp = stamps[i] as (typeof stamps)[0];
        await appendToOutbox(this.db, {
          opId: stamp.opId, recordId: id, formId: row.formId, formVersion: row.formVersion, path: change.path,
          value: 'outboxValue' in change ? change.outboxValue : change.value, hlc: stamp.hlc, baseVersion: baseVersionOf(row, change.path), createdAt: iso,
        });
      }
      return next;
    });
  }

  async acknowledgeWarning(id: string, code: string, reason: string): Promise<RecordRow> {
    if (typeof code !== 'string' || code === '') throw new DataError('E_ARGUMENT', 'warning code must be a non-empty string');
    if (typeof reason !== 'string' || reason.trim() === '') throw new DataError('E_ARGUMENT', 'acknowledging a warning needs a reason');
    return this.write(async () => {
      const row = await this.load(id);
      if (row.status !== 'draft') throw new DataError('E_RECORD_STATUS', `record ${id} is ${row.status}; reopen it to edit`);
      const at = this.now();
      const next: RecordRow = { ...row, acknowledgedWarnings: { ...row.acknowledgedWarnings, [code]: reason }, updatedAt: at.toISOString() };
      await this.db.records.put(encodeRecord(next));
      await this.queueMeta(next, '@ack', { code, reason }, at);
      return next;
    });
  }

  /** The user looked at these conflicts (confirmed, or edited the field): their markers go. Device-only, no outbox entry. */
  async markConflictsSeen(id: string, keys: string[]): Promise<RecordRow> {
    return this.write(async () => {
      const row = await this.load(id);
      const seen = [...new Set([...(row.seenConflicts ?? []), ...keys])];
      if (seen.length === (row.seenConflicts ?? []).length) return row;
      const next: RecordRow = { ...row, seenConflicts: seen };
      await this.db.records.put(encodeRecord(next));
      return next;
    });
  }

  /** Keeps the assessor's answers to a return's comments on the device; finalize sends them. Only while the record is returned. */
  async saveReviewReplies(id: string, replies: ReviewReplies): Promise<RecordRow> {
    return this.write(async () => {
      const row = await this.load(id);
      if (row.status !== 'draft' || !row.returned || row.review?.at !== replies.reviewAt) {
        throw new DataError('E_RECORD_STATUS', `record ${id} is not waiting for a correction of the return at ${replies.reviewAt}`);
      }
      const next: RecordRow = { ...row, reviewReplies: replies, updatedAt: this.now().toISOString() };
      await this.db.records.put(encodeRecord(next));
      return next;
    });
  }

  /**
   * draft → ready. Refused with E_RECORD_INVALID while the engine still reports errors. A returned record sends the
   * assessor's answers to the return's comments ('@reply') just before its '@status', so the office sees them with it.
   */
  async finalize(id: string, errorCount: number): Promise<RecordRow> {
    checkErrorCount(errorCount);
    if (errorCount > 0) throw new DataError('E_RECORD_INVALID', `record ${id} still has ${errorCount} error(s); fix them before finishing`);
    return this.write(async () => {
      const row = await this.load(id);
      const replies = row.reviewReplies;
      if (row.status === 'draft' && row.returned && replies && replies.reviewAt === row.review?.at && replies.replies.length > 0) {
        await this.queueMeta(row, '@reply', replies, this.now());
      }
      return this.setStatus(id, 'draft', 'ready', { errorCount, everSubmitted: true });
    });
  }

  /** ready → draft, while the record has not been submitted. */
  reopen(id: string): Promise<RecordRow> {
    return this.setStatus(id, 'ready', 'draft', {});
  }

  private setStatus(id: string, from: RecordStatus, to: RecordStatus, extra: Partial<RecordRow>): Promise<RecordRow> {
    return this.write(async () => {
      const row = await this.load(id);
      if (row.status === to) return row;
      if (row.status !== from) throw new DataError('E_RECORD_STATUS', `record ${id} is ${row.status}, not ${from}`);
      const at = this.now();
      const next: RecordRow = { ...row, ...extra, status: to, updatedAt: at.toISOString() };
      await this.db.records.put(encodeRecord(next));
      await this.queueMeta(next, '@status', to, at);
      return next;
    });
  }

  /** Deletes a draft that was never submitted (what was finished belongs to the office) and queues '@delete'. */
  async remove(id: string): Promise<void> {
    await this.write(async () => {
      const row = await this.load(id);
      if (!isDeletableDraft(row)) throw new DataError('E_RECORD_STATUS', `only drafts never submitted can be deleted; record ${id} is ${row.status}${row.returned ? ' (returned)' : ''}`);
      await this.db.records.delete(id);
      await this.queueMeta(row, '@delete', null, this.now());
    });
  }

  /**
   * Moves a record to `form`'s version with the engine's declared migration, in one transaction;
   * the answers before migration stay in previousVersions. When the engine refuses
   * (E_MIGRATION_REFUSED, engine code in `detail`) the record is untouched: open it read-only.
   */
  async migrate(id: string, form: FormDefinition, migrate: MigrateAnswersFn): Promise<RecordRow> {
    return this.write(async () => {
      const row = await this.load(id);
      if (row.formVersion === form.version && row.formId === form.id) return row;
      const at = this.now();
      const next = migrateInPlace(row, form, migrate, at.toISOString());
      await this.db.records.put(encodeRecord(next));
      await this.queueMeta(next, '@migrate', { fromVersion: row.formVersion, toVersion: next.formVersion }, at);
      return next;
    });
  }

  /** Bulk write in ONE transaction, no outbox (rows come from the server's pull, or the benchmark). */
  async putMany(rows: RecordRow[]): Promise<void> {
    if (rows.length === 0) return;
    try {
      await this.db.transaction('rw', this.db.records, () => this.db.records.bulkPut(rows.map(encodeRecord)));
    } catch (error) {
      throw toDataError(error);
    }
  }
}

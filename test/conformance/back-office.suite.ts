// Back-office part of the ONE SyncStore conformance suite: record summaries and the review list, audit log, revisions, API tokens, webhooks.
import { describe, expect, it } from 'vitest';
import type {
  RecordListFilter, RecordListItem, Scope, ServerRecord, ServerRecordStatus, SyncTx,
} from '../../sync-server/src/storage/sync-store.ts';
import { TRICKY_JSON, aConflict, aDelivery, anApiToken, anAuditEntry, aRecord, aRevision, aSummary, aWebhook } from './fixtures.ts';

export interface BackOfficeContext {
  tx<T>(fn: (tx: SyncTx) => Promise<T>): Promise<T>;
  /** Runs one SQL statement on the database directly, around the adapter (what the schema itself refuses); null without a database. */
  rawExec: ((sql: string) => Promise<void>) | null;
}

const FORMS = ['field-check', 'care-assessment'];
const STATUSES: ServerRecordStatus[] = ['draft', 'submitted', 'returned', 'approved'];
const pad = (i: number) => String(i).padStart(2, '0');

/**
 * 40 records spread over every filterable column. Several share one updatedAt (the id breaks the tie);
 * every 5th has no summary; every 9th has no location; a few titles test case and LIKE wildcards.
 */
function seedRecords(): ServerRecord[] {
  return Array.from({ length: 40 }, (_, k) => {
    const i = k + 1;
    const title = i === 7 ? 'Alpha 見本' : i === 8 ? 'alpha-lower' : i === 12 ? '達成率 100%' : i === 14 ? 'ＢＥＴＡ棟 ３階' : `調査 ${i}`;
    return aRecord(`rec-${pad(i)}`, {
      formId: i % 4 === 0 ? 'care-assessment' : 'field-check',
      status: STATUSES[Math.floor(i / 3) % 4]!,
      ownerId: i % 2 ? 'u-odd' : 'u-even',
      assigneeId: i % 3 === 0 ? 'u-a' : i % 3 === 1 ? 'u-b' : null,
      deleted: i === 33,
      changeSeq: i,
      answers: { note: `回答 ${i}` },
      updatedAt: `2026-11-${pad(1 + (i % 13))}T09:00:00.000Z`,
      ...(i % 5 === 0 ? {} : {
        summary: aSummary({
          title,
          subtitle: i % 4 === 0 ? `申請番号 Ｒ７－${pad(i)}` : null,
          lat: i % 9 === 0 ? null : 35.6 + (i % 7) * 0.01,
          lon: i % 9 === 0 ? null : 139.7 + (i % 6) * 0.01,
          warningCount: i % 3 === 0 ? 2 : 0,
          errorCount: i % 7 === 0 ? 1 : 0,
          revision: i % 4,
        }),
      }),
    });
  });
}

/** Record id → open conflicts (rec-11 has only a resolved one). */
const OPEN_CONFLICTS: Record<string, number> = { 'rec-03': 2, 'rec-10': 1 };

/** The reference semantics, written independently of every adapter. */
function oracle(records: ServerRecord[], f: Omit<RecordListFilter, 'limit' | 'after'>, scope: Scope): string[] {
  const lower = (x: string) => x.normalize('NFKC').toLowerCase();
  return records
    .filter((r) => scope.formIds.includes(r.formId) && (scope.userId === null || r.ownerId === scope.userId || r.assigneeId === scope.userId))
    .filter((r) => f.formId === undefined || r.formId === f.formId)
    .filter((r) => !f.statuses || f.statuses.includes(r.status))
    .filter((r) => f.assigneeId === undefined || r.assigneeId === f.assigneeId)
    .filter((r) => f.ownerId === undefined || r.ownerId === f.ownerId)
    .filter((r) => !f.bbox || (r.summary?.lat != null && r.summary.lon != null && r.summary.lon >= f.bbox[0] && r.summary.lat >= f.bbox[1]
      && r.summary.lon <= f.bbox[2] && r.summary.lat <= f.bbox[3]))
    .filter((r) => f.updatedFrom === undefined || r.updatedAt >= f.updatedFrom)
    .filter((r) => f.updatedTo === undefined || r.updatedAt <= f.updatedTo)
    .filter((r) => f.hasWarnings === undefined || ((r.summary?.warningCount ?? 0) > 0) === f.hasWarnings)
    .filter((r) => f.hasErrors === undefined || ((r.summary?.errorCount ?? 0) > 0) === f.hasErrors)
    .filter((r) => f.hasOpenConflicts === undefined || (OPEN_CONFLICTS[r.id] !== undefined) === f.hasOpenConflicts)
    .filter((r) => !f.text || lower(r.summary?.title ?? '').includes(lower(f.text)) || lower(r.summary?.subtitle ?? '').includes(lower(f.text)) || lower(r.id).includes(lower(f.text)))
    .sort((a, b) => (a.updatedAt !== b.updatedAt ? (a.updatedAt < b.updatedAt ? 1 : -1) : a.id < b.id ? 1 : -1))
    .map((r) => r.id);
}

export function describeBackOfficeConformance(ctx: BackOfficeContext): void {
  const { tx } = ctx;

  describe('record summary columns', () => {
    it('round-trip a summary exactly, nulls included, through getRecords and listChanges', async () => {
      const full = aRecord('rec-1', { summary: aSummary({ title: '見本 太郎 宅 😀', subtitle: '申請番号 R7-0042', lat: 35.658581, lon: 139.745433, errorCount: 3, warningCount: 12, revision: 4 }) });
      const nulls = aRecord('rec-2', { summary: aSummary({ title: null, lat: null, lon: null, submittedAt: null, revision: 0 }) });
      await tx(async (t) => {
        await t.putRecord({ ...full, changeSeq: await t.nextChangeSeq() });
        await t.putRecord({ ...nulls, changeSeq: await t.nextChangeSeq() });
      });
      const [a, b] = await tx((t) => t.getRecords(['rec-1', 'rec-2']));
      expect(a).toEqual({ ...full, changeSeq: 1 });
      expect(b).toEqual({ ...nulls, changeSeq: 2 });
      const pulled = await tx((t) => t.listChanges(0, 10, { formIds: ['field-check'], userId: null }));
      expect(pulled.map((r) => r.summary)).toEqual([full.summary, nulls.summary]);
    });

    it('a record never written with a summary reads back without one, and writing one without a summary clears it', async () => {
      await tx(async (t) => t.putRecord(aRecord('rec-1', { changeSeq: await t.nextChangeSeq() })));
      const [plain] = await tx((t) => t.getRecords(['rec-1']));
      expect(plain).not.toHaveProperty('summary');
      expect(plain).toEqual(aRecord('rec-1', { changeSeq: 1 }));
      await tx(async (t) => t.putRecord(aRecord('rec-1', { changeSeq: await t.nextChangeSeq(), summary: aSummary({ warningCount: 1 }) })));
      expect((await tx((t) => t.getRecords(['rec-1'])))[0]!.summary).toEqual(aSummary({ warningCount: 1 }));
      await tx(async (t) => t.putRecord(aRecord('rec-1', { changeSeq: await t.nextChangeSeq() })));
      expect((await tx((t) => t.getRecords(['rec-1'])))[0]).not.toHaveProperty('summary');
      const { items } = await tx((t) => t.listRecordSummaries({ hasWarnings: true, limit: 10 }, { formIds: ['field-check'], userId: null }));
      expect(items).toEqual([]);
    });

    it('stores a title holding a NUL or an unpaired surrogate with U+FFFD in their place, and the answers exactly', async () => {
      const hostile = 'a\u0000b\uD800c\uDC00';
      const record = aRecord('rec-1', { answers: { name: hostile }, summary: aSummary({ title: hostile }) });
      await tx(async (t) => {
        await t.putRecord({ ...record, changeSeq: await t.nextChangeSeq() });
        await t.appendAudit([anAuditEntry({ actor: hostile, recordId: 'rec-1' })]);
      });
      const [back] = await tx((t) => t.getRecords(['rec-1']));
      expect(back?.summary?.title).toBe('a\uFFFDb\uFFFDc\uFFFD');
      expect(back?.answers).toEqual({ name: hostile });
      const { items } = await tx((t) => t.listRecordSummaries({ text: 'b\uFFFDc', limit: 10 }, { formIds: ['field-check'], userId: null }));
      expect(items.map((i) => i.id)).toEqual(['rec-1']);
      const audit = await tx((t) => t.listAudit({ recordId: 'rec-1', limit: 10 }));
      expect(audit.map((e) => e.actor)).toEqual(['a\uFFFDb\uFFFDc\uFFFD']);
    });
  });

  describe('listRecordSummaries', () => {
    const all: Scope = { formIds: FORMS, userId: null };
    const seed = async (): Promise<ServerRecord[]> => {
      const records = seedRecords();
      await tx(async (t) => {
        for (const r of records) await t.putRecord(r);
        await t.insertConflict(aConflict('c-1', { recordId: 'rec-03' }));
        await t.insertConflict(aConflict('c-2', { recordId: 'rec-03', path: 'other' }));
        await t.insertConflict(aConflict('c-3', { recordId: 'rec-10' }));
        await t.insertConflict(aConflict('c-4', { recordId: 'rec-11', status: 'resolved' }));
      });
      return records;
    };
    const list = (f: RecordListFilter, scope: Scope = all) => tx((t) => t.listRecordSummaries(f, scope));
    const ids = (items: RecordListItem[]) => items.map((r) => r.id);

    it('lists newest first by (updatedAt, id) with the record head, summary and open conflict count, without answers', async () => {
      const records = await seed();
      const { items, total } = await list({ limit: 100 });
      expect(total).toBe(40);
      expect(ids(items)).toEqual(oracle(records, {}, all));
      // Ties on updatedAt are broken by id, descending (rec-13, rec-26 and rec-39 share 2026-11-01).
      expect(ids(items).filter((id) => ['rec-13', 'rec-26', 'rec-39'].includes(id))).toEqual(['rec-39', 'rec-26', 'rec-13']);
      const byId = new Map(items.map((r) => [r.id, r]));
      const source = records.find((r) => r.id === 'rec-07')!;
      expect(byId.get('rec-07')).toEqual({
        id: 'rec-07', formId: 'field-check', formVersion: 1, status: source.status, ownerId: 'u-odd', assigneeId: 'u-b', deleted: false,
        changeSeq: 7, createdAt: source.createdAt, updatedAt: source.updatedAt, summary: source.summary, openConflicts: 0,
      });
      expect(byId.get('rec-05')!.summary).toBeNull();
      expect(byId.get('rec-03')!.openConflicts).toBe(2);
      expect(byId.get('rec-10')!.openConflicts).toBe(1);
      expect(byId.get('rec-11')!.openConflicts).toBe(0);
      expect(byId.get('rec-33')!.deleted).toBe(true);
      expect(items[0]).not.toHaveProperty('answers');
      expect(items[0]).not.toHaveProperty('fields');
    });

    const cases: [string, Omit<RecordListFilter, 'limit'>][] = [
      ['form', { formId: 'care-assessment' }],
      ['one status', { statuses: ['submitted'] }],
      ['two statuses', { statuses: ['submitted', 'returned'] }],
      ['assignee', { assigneeId: 'u-a' }],
      ['owner', { ownerId: 'u-even' }],
      ['bbox (records without a location never match)', { bbox: [139.71, 35.61, 139.73, 35.64] }],
      ['updated from (inclusive)', { updatedFrom: '2026-11-10T09:00:00.000Z' }],
      ['updated to (inclusive)', { updatedTo: '2026-11-03T09:00:00.000Z' }],
      ['date range', { updatedFrom: '2026-11-04T09:00:00.000Z', updatedTo: '2026-11-06T09:00:00.000Z' }],
      ['with warnings', { hasWarnings: true }],
      ['without warnings (no summary counts as none)', { hasWarnings: false }],
      ['with errors', { hasErrors: true }],
      ['without errors', { hasErrors: false }],
      ['with open conflicts', { hasOpenConflicts: true }],
      ['without open conflicts', { hasOpenConflicts: false }],
      ['text in the title, any case', { text: 'ALPHA' }],
      ['text typed full-width matches half-width', { text: '１００％' }],
      ['text typed half-width matches full-width', { text: 'beta棟 3' }],
      ['text in the id', { text: 'rec-1' }],
      ['text in the subtitle (a 申請番号, full-width stored, half-width typed)', { text: 'r7-2' }],
      ['text in Japanese', { text: '調査 2' }],
      ['text with a LIKE wildcard taken literally', { text: '0%' }],
      ['text underscore taken literally', { text: '_' }],
      ['form + statuses + warnings', { formId: 'field-check', statuses: ['submitted', 'returned', 'approved'], hasWarnings: true }],
      ['assignee + date range + bbox', { assigneeId: 'u-b', updatedFrom: '2026-11-02T09:00:00.000Z', updatedTo: '2026-11-12T09:00:00.000Z', bbox: [139.7, 35.6, 139.8, 35.7] }],
    ];
    it.each(cases)('filters: %s', async (_name, filter) => {
      const records = await seed();
      const expected = oracle(records, filter, all);
      const { items, total } = await list({ ...filter, limit: 100 });
      expect(ids(items)).toEqual(expected);
      expect(total).toBe(expected.length);
    });

    it('filters give the expected records (hand-checked, not only against the oracle)', async () => {
      await seed();
      expect(ids((await list({ text: 'alpha', limit: 100 })).items).sort()).toEqual(['rec-07', 'rec-08']);
      expect(ids((await list({ text: '0%', limit: 100 })).items)).toEqual(['rec-12']);
      expect(ids((await list({ text: '１００％', limit: 100 })).items)).toEqual(['rec-12']);
      expect(ids((await list({ text: 'Beta棟', limit: 100 })).items)).toEqual(['rec-14']);
      expect(ids((await list({ text: 'REC-3', limit: 100 })).items).sort()).toEqual(['rec-30', 'rec-31', 'rec-32', 'rec-33', 'rec-34', 'rec-35', 'rec-36', 'rec-37', 'rec-38', 'rec-39']);
      expect((await list({ text: '_', limit: 100 })).total).toBe(0);
      expect(ids((await list({ hasOpenConflicts: true, limit: 100 })).items).sort()).toEqual(['rec-03', 'rec-10']);
      expect(ids((await list({ formId: 'care-assessment', statuses: ['draft'], limit: 100 })).items).sort()).toEqual(['rec-12', 'rec-24', 'rec-36']);
      expect((await list({ formId: 'no-such-form', limit: 100 })).total).toBe(0);
      expect(await list({ statuses: [], limit: 100 })).toEqual({ items: [], total: 0 });
    });

    it('applies the scope: forms, and owner-or-assignee for a user', async () => {
      const records = await seed();
      const scopes: Scope[] = [
        { formIds: ['care-assessment'], userId: null },
        { formIds: FORMS, userId: 'u-a' },
        { formIds: FORMS, userId: 'u-odd' },
        { formIds: ['field-check'], userId: 'u-even' },
      ];
      for (const scope of scopes) {
        const { items, total } = await list({ limit: 100 }, scope);
        expect(ids(items)).toEqual(oracle(records, {}, scope));
        expect(total).toBe(items.length);
      }
      // Owned OR assigned: u-a owns nothing but is assigned every 3rd record.
      expect((await list({ limit: 100 }, { formIds: FORMS, userId: 'u-a' })).total).toBe(13);
      expect(await list({ limit: 100 }, { formIds: [], userId: null })).toEqual({ items: [], total: 0 });
      expect((await list({ limit: 100 }, { formIds: FORMS, userId: 'u-stranger' })).total).toBe(0);
      // A filter cannot widen the scope.
      expect((await list({ formId: 'care-assessment', limit: 100 }, { formIds: ['field-check'], userId: null })).total).toBe(0);
    });

    it('pages with the keyset without gaps or repeats, total unchanged on every page', async () => {
      const records = await seed();
      for (const [filter, scope, size] of [
        [{}, all, 7],
        [{ statuses: ['submitted', 'returned'] }, all, 3],
        [{ hasWarnings: false }, { formIds: FORMS, userId: 'u-odd' }, 4],
      ] as [Omit<RecordListFilter, 'limit'>, Scope, number][]) {
        const expected = oracle(records, filter, scope);
        const seen: string[] = [];
        let after: RecordListFilter['after'];
        for (let page = 0; page < 50; page++) {
          const { items, total } = await list({ ...filter, limit: size, ...(after ? { after } : {}) }, scope);
          expect(total).toBe(expected.length);
          expect(items.length).toBeLessThanOrEqual(size);
          if (items.length === 0) break;
          seen.push(...ids(items));
          after = { updatedAt: items.at(-1)!.updatedAt, id: items.at(-1)!.id };
        }
        expect(seen).toEqual(expected);
      }
    });

    it('limit 0 returns only the total; a page sees records written earlier in the same transaction', async () => {
      await seed();
      expect(await list({ limit: 0 })).toEqual({ items: [], total: 40 });
      const seen = await tx(async (t) => {
        await t.putRecord(aRecord('rec-new', { updatedAt: '2026-12-31T00:00:00.000Z', summary: aSummary({ title: '新規' }), changeSeq: 99 }));
        return t.listRecordSummaries({ limit: 1 }, all);
      });
      expect(seen.total).toBe(41);
      expect(ids(seen.items)).toEqual(['rec-new']);
    });
  });

  describe('audit log', () => {
    const day = (d: number) => `2026-11-${pad(d)}T10:00:00.000Z`;
    const seedAudit = async () => {
      await tx((t) => t.appendAudit([
        anAuditEntry({ at: day(1), userId: 'u-1', actor: 'sup1', action: 'sign_in', recordId: null }),
        anAuditEntry({ at: day(2), userId: 'u-1', actor: 'sup1', action: 'record_view', recordId: 'rec-1' }),
        anAuditEntry({ at: day(3), userId: 'u-2', actor: 'sup2', action: 'review', recordId: 'rec-1', detail: { action: 'approve' } }),
      ]));
      await tx((t) => t.appendAudit([
        anAuditEntry({ at: day(4), userId: null, actor: 'token:基幹', action: 'handoff_read', recordId: null, ip: null }),
        anAuditEntry({ at: day(5), userId: 'u-2', actor: 'sup2', action: 'record_view', recordId: 'rec-2' }),
      ]));
      await tx((t) => t.appendAudit([]));
    };
    const acts = (filter: Parameters<SyncTx['listAudit']>[0]) => tx((t) => t.listAudit(filter)).then((es) => es.map((e) => e.at.slice(8, 10)));

    it('appends with store-assigned increasing seqs and lists newest first, every field kept', async () => {
      await seedAudit();
      const entries = await tx((t) => t.listAudit({ limit: 100 }));
      expect(entries.map((e) => e.at)).toEqual([day(5), day(4), day(3), day(2), day(1)]);
      for (let i = 1; i < entries.length; i++) expect(entries[i - 1]!.seq).toBeGreaterThan(entries[i]!.seq);
      expect(entries[1]).toEqual({ seq: entries[1]!.seq, ...anAuditEntry({ at: day(4), userId: null, actor: 'token:基幹', action: 'handoff_read', recordId: null, ip: null }) });
      expect(entries[2]!.detail).toEqual({ action: 'approve' });
    });

    it('filters by user, record, action, date range (inclusive), before-seq and limit', async () => {
      await seedAudit();
      expect(await acts({ userId: 'u-1', limit: 100 })).toEqual(['02', '01']);
      expect(await acts({ recordId: 'rec-1', limit: 100 })).toEqual(['03', '02']);
      expect(await acts({ action: 'record_view', limit: 100 })).toEqual(['05', '02']);
      expect(await acts({ from: day(2), to: day(4), limit: 100 })).toEqual(['04', '03', '02']);
      expect(await acts({ userId: 'u-2', action: 'record_view', limit: 100 })).toEqual(['05']);
      expect(await acts({ limit: 2 })).toEqual(['05', '04']);
      const [, second] = await tx((t) => t.listAudit({ limit: 2 }));
      expect(await acts({ beforeSeq: second!.seq, limit: 2 })).toEqual(['03', '02']);
    });

    it('keeps tricky JSON in detail exactly', async () => {
      await tx((t) => t.appendAudit(TRICKY_JSON.map((value, i) => anAuditEntry({ at: day(1 + (i % 28)), detail: { i, value } }))));
      const entries = (await tx((t) => t.listAudit({ limit: 1000 }))).reverse();
      expect(entries.map((e) => JSON.stringify(e.detail))).toEqual(TRICKY_JSON.map((value, i) => JSON.stringify({ i, value })));
    });

    it.skipIf(ctx.rawExec === null)('the database itself refuses UPDATE and DELETE of audit entries', async () => {
      const rawExec = ctx.rawExec!;
      await seedAudit();
      const before = await tx((t) => t.listAudit({ limit: 100 }));
      await expect(rawExec(`UPDATE audit_log SET actor = 'someone-else'`)).rejects.toThrow(/append-only/);
      await expect(rawExec(`DELETE FROM audit_log WHERE action = 'sign_in'`)).rejects.toThrow(/append-only/);
      await expect(rawExec('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
      expect(await tx((t) => t.listAudit({ limit: 100 }))).toEqual(before);
      // The same connection still appends (only changes are refused).
      await rawExec(`INSERT INTO audit_log (at, user_id, actor, action, record_id, detail, ip) VALUES ('${day(6)}', NULL, 'raw', 'export', NULL, '{}', NULL)`);
      expect(await acts({ limit: 1 })).toEqual(['06']);
    });

    it('is rolled back with its transaction', async () => {
      await expect(tx(async (t) => {
        await t.appendAudit([anAuditEntry()]);
        throw new Error('rolled back');
      })).rejects.toThrow('rolled back');
      expect(await tx((t) => t.listAudit({ limit: 10 }))).toEqual([]);
    });
  });

  describe('revisions', () => {
    it('insert, update in place, list ascending; a second insert of one (record, revision) fails', async () => {
      await tx(async (t) => {
        await t.insertRevision(aRevision('rec-1', 2, { answers: { note: '二', list: [1, { x: null }] } }));
        await t.insertRevision(aRevision('rec-1', 1));
        await t.insertRevision(aRevision('rec-2', 1, { formId: 'care-assessment' }));
      });
      expect((await tx((t) => t.listRevisions('rec-1'))).map((r) => r.revision)).toEqual([1, 2]);
      expect((await tx((t) => t.listRevisions('rec-1')))[1]).toEqual(aRevision('rec-1', 2, { answers: { note: '二', list: [1, { x: null }] } }));
      expect(await tx((t) => t.listRevisions('rec-404'))).toEqual([]);
      const approved = aRevision('rec-1', 1, { status: 'approved', decidedBy: 'u-sup', decidedAt: '2026-11-30T00:00:00.000Z', reason: '問題なし', approvedSeq: 17 });
      await tx((t) => t.updateRevision(approved));
      expect((await tx((t) => t.listRevisions('rec-1')))[0]).toEqual(approved);
      await expect(tx((t) => t.insertRevision(aRevision('rec-1', 1)))).rejects.toThrow();
      expect((await tx((t) => t.listRevisions('rec-1')))[0]).toEqual(approved);
    });

    it('listApprovedRevisions: approvedSeq > after, ascending approvedSeq, limit, forms', async () => {
      await tx(async (t) => {
        await t.insertRevision(aRevision('rec-a', 1, { status: 'approved', approvedSeq: 30 }));
        await t.insertRevision(aRevision('rec-b', 1, { status: 'approved', approvedSeq: 10, formId: 'care-assessment' }));
        await t.insertRevision(aRevision('rec-c', 1, { status: 'submitted' }));
        await t.insertRevision(aRevision('rec-c', 2, { status: 'approved', approvedSeq: 20 }));
        await t.insertRevision(aRevision('rec-d', 1, { status: 'superseded', approvedSeq: 5 }));
      });
      const seqs = (after: number, limit: number, formIds?: string[]) =>
        tx((t) => t.listApprovedRevisions(after, limit, formIds)).then((rs) => rs.map((r) => `${r.recordId}#${r.revision}@${r.approvedSeq}`));
      expect(await seqs(0, 100)).toEqual(['rec-d#1@5', 'rec-b#1@10', 'rec-c#2@20', 'rec-a#1@30']);
      expect(await seqs(10, 100)).toEqual(['rec-c#2@20', 'rec-a#1@30']);
      expect(await seqs(0, 2)).toEqual(['rec-d#1@5', 'rec-b#1@10']);
      expect(await seqs(30, 100)).toEqual([]);
      expect(await seqs(0, 100, ['care-assessment'])).toEqual(['rec-b#1@10']);
      expect(await seqs(6, 1, ['field-check'])).toEqual(['rec-c#2@20']);
      expect(await seqs(0, 100, [])).toEqual([]);
    });
  });

  describe('API tokens and webhooks', () => {
    it('api tokens: upsert by id, get by hash, list oldest first; a hash belongs to one token', async () => {
      await tx(async (t) => {
        await t.putApiToken(anApiToken('t-2', { createdAt: '2026-11-29T00:00:00.000Z', scopes: ['export:read', 'records:read'] }));
        await t.putApiToken(anApiToken('t-1'));
      });
      expect(await tx((t) => t.getApiTokenByHash('hash-t-2'))).toEqual(anApiToken('t-2', { createdAt: '2026-11-29T00:00:00.000Z', scopes: ['export:read', 'records:read'] }));
      expect(await tx((t) => t.getApiTokenByHash('hash-404'))).toBeNull();
      const revoked = anApiToken('t-1', { revokedAt: '2026-11-30T00:00:00.000Z', lastUsedAt: '2026-11-29T12:00:00.000Z' });
      await tx((t) => t.putApiToken(revoked));
      expect(await tx((t) => t.listApiTokens())).toEqual([revoked, anApiToken('t-2', { createdAt: '2026-11-29T00:00:00.000Z', scopes: ['export:read', 'records:read'] })]);
      await expect(tx((t) => t.putApiToken(anApiToken('t-3', { tokenHash: 'hash-t-1' })))).rejects.toThrow();
      expect((await tx((t) => t.listApiTokens())).map((x) => x.id)).toEqual(['t-1', 't-2']);
    });

    it('webhooks: upsert by id (cursor, active), get, list oldest first', async () => {
      await tx(async (t) => {
        await t.putWebhook(aWebhook('w-2', { createdAt: '2026-11-29T00:00:00.000Z' }));
        await t.putWebhook(aWebhook('w-1'));
      });
      expect(await tx((t) => t.getWebhook('w-404'))).toBeNull();
      const moved = aWebhook('w-1', { cursor: 42, active: false, description: '停止中' });
      await tx((t) => t.putWebhook(moved));
      expect(await tx((t) => t.getWebhook('w-1'))).toEqual(moved);
      expect(await tx((t) => t.listWebhooks())).toEqual([moved, aWebhook('w-2', { createdAt: '2026-11-29T00:00:00.000Z' })]);
    });

    it('deliveries: upsert by id, get, list newest first by webhook and status with a limit; the webhook must exist', async () => {
      const at = (h: number) => `2026-11-29T${pad(h)}:00:00.000Z`;
      await tx(async (t) => {
        await t.putWebhook(aWebhook('w-1'));
        await t.putWebhook(aWebhook('w-2'));
        await t.putDelivery(aDelivery('w-1:1', 'w-1', { cursor: 1, createdAt: at(1) }));
        await t.putDelivery(aDelivery('w-1:2', 'w-1', { cursor: 2, status: 'dead', attempts: 5, lastStatus: 500, lastError: 'HTTP 500', createdAt: at(2) }));
        await t.putDelivery(aDelivery('w-1:3', 'w-1', { cursor: 3, status: 'dead', attempts: 5, lastStatus: null, lastError: 'ECONNREFUSED', createdAt: at(3) }));
        await t.putDelivery(aDelivery('w-2:1', 'w-2', { cursor: 1, createdAt: at(4) }));
      });
      const list = (f: Parameters<SyncTx['listDeliveries']>[0]) => tx((t) => t.listDeliveries(f)).then((ds) => ds.map((d) => d.id));
      expect(await list({ limit: 100 })).toEqual(['w-2:1', 'w-1:3', 'w-1:2', 'w-1:1']);
      expect(await list({ webhookId: 'w-1', limit: 100 })).toEqual(['w-1:3', 'w-1:2', 'w-1:1']);
      expect(await list({ webhookId: 'w-1', status: 'dead', limit: 100 })).toEqual(['w-1:3', 'w-1:2']);
      expect(await list({ status: 'dead', limit: 1 })).toEqual(['w-1:3']);
      const replayed = aDelivery('w-1:2', 'w-1', { cursor: 2, status: 'replayed', attempts: 6, lastStatus: 204, lastError: null, createdAt: at(2), updatedAt: at(9) });
      await tx((t) => t.putDelivery(replayed));
      expect(await tx((t) => t.getDelivery('w-1:2'))).toEqual(replayed);
      expect(await tx((t) => t.getDelivery('w-404:1'))).toBeNull();
      expect(await list({ webhookId: 'w-1', status: 'dead', limit: 100 })).toEqual(['w-1:3']);
      await expect(tx((t) => t.putDelivery(aDelivery('w-9:1', 'w-9')))).rejects.toThrow();
    });
  });
}

// The ONE SyncStore conformance suite: every guarantee of sync-store.ts, run by sqlite.test.ts and postgres.test.ts alike.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Scope, SyncStore, SyncTx } from '../../sync-server/src/storage/sync-store.ts';
import { TRICKY_JSON, aBlob, aConflict, aDevice, anOp, aRecord, aToken, aUser } from './fixtures.ts';
import { describeRecordEditsConformance } from './record-edits.suite.ts';
import { describeBackOfficeConformance } from './back-office.suite.ts';
import { describeBlobAccessConformance } from './blob-access.suite.ts';
import { describeAccountsConformance } from './accounts.suite.ts';

export interface StoreHarness {
  /** Opens a NEW connection (pool) to the same database: a second one models a second server process. Not yet migrated. */
  open(): Promise<SyncStore>;
  /** True when a store opened after the others were closed still holds their data (a file or a server database). */
  persistent: boolean;
  /** Deletes the database (called after every test, after the stores are closed). */
  destroy(): Promise<void>;
  /** Runs one SQL statement on the database through a separate plain driver connection, bypassing the adapter. */
  rawExec(sql: string): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function runSyncStoreConformance(name: string, createHarness: () => Promise<StoreHarness>): void {
  describe(`SyncStore conformance: ${name}`, () => {
    let harness: StoreHarness;
    let opened: SyncStore[];
    let store: SyncStore;

    /** Another server process on the same database. */
    const openAnother = async (): Promise<SyncStore> => {
      const s = await harness.open();
      opened.push(s);
      await s.migrate();
      return s;
    };
    const tx = <T>(fn: (tx: SyncTx) => Promise<T>, s: SyncStore = store): Promise<T> => s.transaction(fn);

    beforeEach(async () => {
      harness = await createHarness();
      opened = [];
      store = await openAnother();
    });

    afterEach(async () => {
      for (const s of opened) await s.close();
      await harness.destroy();
    });

    describe('migrations', () => {
      it('migrate() a second time is a no-op that keeps data and the change counter', async () => {
        await tx(async (t) => {
          await t.putRecord(aRecord('rec-1', { changeSeq: await t.nextChangeSeq() }));
          await t.setMeta('hlc', 'kept');
        });
        await store.migrate();
        await store.migrate();
        await tx(async (t) => {
          expect((await t.getRecords(['rec-1'])).map((r) => r.id)).toEqual(['rec-1']);
          expect(await t.getMeta('hlc')).toBe('kept');
          expect(await t.nextChangeSeq()).toBe(2);
        });
      });

      it('reports its kind', () => {
        expect(['sqlite', 'postgres']).toContain(store.kind);
      });
    });

    describe('guarantee 1: atomic transactions', () => {
      it('writes nothing when fn throws, and rethrows the same error', async () => {
        await tx(async (t) => t.putUser(aUser('u-before')));
        const boom = new Error('boom in the middle of a push');
        const attempt = tx(async (t) => {
          const seq = await t.nextChangeSeq();
          await t.putRecord(aRecord('rec-1', { changeSeq: seq, answers: { note: 'lost' } }));
          await t.insertOps([anOp('dev-a:1', { changeSeq: seq })]);
          await t.insertConflict(aConflict('c-1', { changeSeq: seq }));
          await t.putUser(aUser('u-new'));
          await t.putUser(aUser('u-before', { disabled: true }));
          await t.setMeta('hlc', 'lost');
          await t.putBlob(aBlob('ab'.repeat(32)));
          throw boom;
        });
        await expect(attempt).rejects.toBe(boom);
        await tx(async (t) => {
          expect(await t.getRecords(['rec-1'])).toEqual([]);
          expect(await t.getOps(['dev-a:1'])).toEqual([]);
          expect(await t.getConflict('c-1')).toBeNull();
          expect(await t.getUser('u-new')).toBeNull();
          expect((await t.getUser('u-before'))?.disabled).toBe(false);
          expect(await t.getMeta('hlc')).toBeNull();
          expect(await t.getBlob('ab'.repeat(32))).toBeNull();
          expect(await t.nextChangeSeq()).toBe(1);
        });
      });

      it('a failing statement (duplicate opId) rolls back the writes before it', async () => {
        await tx(async (t) => t.insertOps([anOp('dev-a:1')]));
        await expect(tx(async (t) => {
          await t.putRecord(aRecord('rec-2', { changeSeq: await t.nextChangeSeq() }));
          await t.insertOps([anOp('dev-a:2'), anOp('dev-a:1', { value: 'again' })]);
        })).rejects.toThrow();
        await tx(async (t) => {
          expect(await t.getRecords(['rec-2'])).toEqual([]);
          expect((await t.getOps(['dev-a:1', 'dev-a:2'])).map((o) => [o.opId, o.value])).toEqual([['dev-a:1', 'x']]);
        });
      });

      it('a store keeps working after a rolled-back transaction', async () => {
        await expect(tx(async () => { throw new Error('first fails'); })).rejects.toThrow('first fails');
        await tx(async (t) => t.setMeta('after', 1));
        expect(await tx((t) => t.getMeta('after'))).toBe(1);
      });
    });

    describe('guarantee 4: reading own writes', () => {
      it('sees its own record, op, conflict and meta writes before commit', async () => {
        await tx(async (t) => {
          const seq = await t.nextChangeSeq();
          await t.putRecord(aRecord('rec-1', { changeSeq: seq, answers: { a: 1 } }));
          expect((await t.getRecords(['rec-1']))[0]?.answers).toEqual({ a: 1 });
          await t.putRecord(aRecord('rec-1', { changeSeq: seq, answers: { a: 2 } }));
          expect((await t.getRecords(['rec-1']))[0]?.answers).toEqual({ a: 2 });
          expect((await t.listChanges(0, 10, { formIds: ['field-check'], userId: null })).map((r) => r.id)).toEqual(['rec-1']);
          await t.insertOps([anOp('dev-a:1')]);
          expect((await t.getOps(['dev-a:1'])).length).toBe(1);
          await t.insertConflict(aConflict('c-1'));
          expect((await t.getConflict('c-1'))?.status).toBe('open');
          await t.setMeta('k', { v: 1 });
          expect(await t.getMeta('k')).toEqual({ v: 1 });
        });
      });
    });

    describe('guarantee 5: JSON round-trip', () => {
      it.each(TRICKY_JSON.map((v) => [JSON.stringify(v), v]))('keeps %s exactly in answers, ops, conflicts and meta', async (_label, value) => {
        await tx(async (t) => {
          await t.putRecord(aRecord('rec-1', { answers: { v: value, list: [value] }, changeSeq: await t.nextChangeSeq() }));
          await t.insertOps([anOp('dev-a:1', { value })]);
          await t.insertConflict(aConflict('c-1', { provisional: value, candidates: [{ value, opId: 'd:1', deviceId: 'd', userId: 'u', hlc: 'h', at: 'x' }] }));
          await t.setMeta('m', value);
        });
        await tx(async (t) => {
          const rec = (await t.getRecords(['rec-1']))[0]!;
          // Compare serialized text too: key order and -0/1e21 formatting must survive, not only deep equality.
          expect(JSON.stringify(rec.answers)).toBe(JSON.stringify({ v: value, list: [value] }));
          expect(rec.answers).toEqual({ v: value, list: [value] });
          expect((await t.getOps(['dev-a:1']))[0]!.value).toEqual(value);
          const c = (await t.getConflict('c-1'))!;
          expect(c.provisional).toEqual(value);
          expect(c.candidates[0]!.value).toEqual(value);
          expect(JSON.stringify(await t.getMeta('m'))).toBe(JSON.stringify(value));
        });
      });

      it('keeps every record column, including nullable ones and field metadata', async () => {
        const full = aRecord('rec-1', {
          formId: 'vacant-house', formVersion: 3, status: 'returned', ownerId: 'u-1', assigneeId: 'u-2', deleted: true,
          answers: { 'grp.b': '二', 'rep[1].c': [1, 2] },
          fields: { 'grp.b': { version: 7, hlc: '2026-11-28T09:00:00.000Z-0001-dev-b', deviceId: 'dev-b', opId: 'dev-b:3' } },
          changeSeq: 7, createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-28T00:00:00.000Z',
        });
        await tx(async (t) => t.putRecord(full));
        expect(await tx((t) => t.getRecords(['rec-1']))).toEqual([full]);
      });

      it('keeps field stamps that several fields share, and gives each field its own object back', async () => {
        const shared = { version: 3, hlc: '2026-11-28T09:00:00.000Z-0000-0123456789abcdef', deviceId: 'dev-a', opId: 'dev-a:1' };
        const other = { ...shared, version: 4, opId: 'dev-a:2' };
        const record = aRecord('rec-1', { changeSeq: 4, fields: { '@create': shared, a: shared, b: { ...shared }, 'rep[0].c': other } });
        await tx(async (t) => t.putRecord(record));
        const [back] = await tx((t) => t.getRecords(['rec-1']));
        expect(back?.fields).toEqual(record.fields);
        back!.fields.a!.version = 99;
        expect(back?.fields['@create']?.version).toBe(3);
      });

      it('reads field stamps stored before they were packed (one object per field)', async () => {
        await tx(async (t) => t.putRecord(aRecord('rec-1', { changeSeq: 1 })));
        const legacy = { '@create': { version: 1, hlc: '2026-11-28T09:00:00.000Z-0000-0123456789abcdef', deviceId: 'dev-a', opId: 'dev-a:1' } };
        await harness.rawExec(`UPDATE records SET fields = '${JSON.stringify({ ...legacy, a: legacy['@create'] })}' WHERE id = 'rec-1'`);
        const [back] = await tx((t) => t.getRecords(['rec-1']));
        expect(back?.fields).toEqual({ ...legacy, a: legacy['@create'] });
      });
    });

    describe('guarantee 3: change sequences', () => {
      it('increase strictly within and across transactions, from 1', async () => {
        const seen: number[] = [];
        for (let i = 0; i < 5; i++) {
          await tx(async (t) => {
            seen.push(await t.nextChangeSeq());
            seen.push(await t.nextChangeSeq());
          });
        }
        expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      });

      it('stay strictly increasing across two processes writing at once', async () => {
        const other = await openAnother();
        const seqs = await Promise.all(Array.from({ length: 30 }, (_, i) => tx((t) => t.nextChangeSeq(), i % 2 ? other : store)));
        expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      });

      it('become visible in order: a reader never sees seq N without every seq below N', async () => {
        const other = await openAnother();
        const WRITERS = 24;
        let done = false;
        const writers = Promise.all(Array.from({ length: WRITERS }, (_, i) => tx(async (t) => {
          const seq = await t.nextChangeSeq();
          // A pause between taking the seq and committing: where an adapter with out-of-order commits would show a gap.
          await sleep((i * 7) % 5);
          await t.putRecord(aRecord(`rec-${i}`, { changeSeq: seq }));
        }, i % 2 ? other : store))).finally(() => { done = true; });
        const reader = await openAnother();
        const snapshots: number[][] = [];
        while (!done) {
          snapshots.push((await tx((t) => t.listChanges(0, 1000, { formIds: ['field-check'], userId: null }), reader)).map((r) => r.changeSeq));
          await sleep(1);
        }
        await writers;
        snapshots.push((await tx((t) => t.listChanges(0, 1000, { formIds: ['field-check'], userId: null }), reader)).map((r) => r.changeSeq));
        for (const seen of snapshots) expect(seen).toEqual(Array.from({ length: seen.length }, (_, i) => i + 1));
        expect(snapshots.at(-1)).toHaveLength(WRITERS);
      });
    });

    describe('listChanges: paging and scope', () => {
      const seed = async (): Promise<void> => {
        await tx(async (t) => {
          for (let i = 1; i <= 25; i++) {
            await t.putRecord(aRecord(`rec-${String(i).padStart(2, '0')}`, {
              changeSeq: await t.nextChangeSeq(),
              formId: i % 5 === 0 ? 'care-assessment' : 'field-check',
              ownerId: i % 2 ? 'u-odd' : 'u-even',
              assigneeId: i % 3 === 0 ? 'u-assigned' : null,
            }));
          }
        });
      };
      const ids = (rs: { id: string }[]) => rs.map((r) => r.id);
      const walk = async (scope: Scope, pageSize: number): Promise<{ pages: number; seqs: number[]; ids: string[] }> => {
        const seqs: number[] = [];
        const all: string[] = [];
        let checkpoint = 0;
        let pages = 0;
        for (;;) {
          const page = await tx((t) => t.listChanges(checkpoint, pageSize, scope));
          if (page.length === 0) break;
          pages++;
          expect(page.length).toBeLessThanOrEqual(pageSize);
          seqs.push(...page.map((r) => r.changeSeq));
          all.push(...ids(page));
          checkpoint = page.at(-1)!.changeSeq;
        }
        return { pages, seqs, ids: all };
      };

      it('pages through every record in changeSeq order, each exactly once', async () => {
        await seed();
        const { pages, seqs, ids: got } = await walk({ formIds: ['field-check', 'care-assessment'], userId: null }, 10);
        expect(pages).toBe(3);
        expect(seqs).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
        expect(new Set(got).size).toBe(25);
      });

      it('moves an updated record after the checkpoint, so a device sees it again', async () => {
        await seed();
        const first = await tx((t) => t.listChanges(0, 10, { formIds: ['field-check'], userId: null }));
        const checkpoint = first.at(-1)!.changeSeq;
        await tx(async (t) => {
          const [r] = await t.getRecords(['rec-01']);
          await t.putRecord({ ...r!, answers: { note: '更新' }, changeSeq: await t.nextChangeSeq() });
        });
        const rest = await tx((t) => t.listChanges(checkpoint, 100, { formIds: ['field-check'], userId: null }));
        expect(rest.at(-1)).toMatchObject({ id: 'rec-01', answers: { note: '更新' }, changeSeq: 26 });
        expect(ids(await tx((t) => t.listChanges(0, 100, { formIds: ['field-check'], userId: null })))).not.toContain('rec-00');
      });

      it('filters by form', async () => {
        await seed();
        expect(ids(await tx((t) => t.listChanges(0, 100, { formIds: ['care-assessment'], userId: null }))))
          .toEqual(['rec-05', 'rec-10', 'rec-15', 'rec-20', 'rec-25']);
        expect(await tx((t) => t.listChanges(0, 100, { formIds: [], userId: null }))).toEqual([]);
        expect(await tx((t) => t.listChanges(0, 100, { formIds: ['no-such-form'], userId: null }))).toEqual([]);
      });

      it('filters by owner or assignee (and form) for field staff', async () => {
        await seed();
        const both = ['field-check', 'care-assessment'];
        expect(ids(await tx((t) => t.listChanges(0, 100, { formIds: both, userId: 'u-assigned' }))))
          .toEqual(['rec-03', 'rec-06', 'rec-09', 'rec-12', 'rec-15', 'rec-18', 'rec-21', 'rec-24']);
        expect(ids(await tx((t) => t.listChanges(0, 100, { formIds: ['care-assessment'], userId: 'u-assigned' })))).toEqual(['rec-15']);
        const even = await tx((t) => t.listChanges(0, 100, { formIds: ['field-check'], userId: 'u-even' }));
        expect(ids(even)).toEqual(['rec-02', 'rec-04', 'rec-06', 'rec-08', 'rec-12', 'rec-14', 'rec-16', 'rec-18', 'rec-22', 'rec-24']);
        expect(await tx((t) => t.listChanges(0, 100, { formIds: both, userId: 'u-stranger' }))).toEqual([]);
      });

      it('pages within a user scope without skipping', async () => {
        await seed();
        const { ids: got } = await walk({ formIds: ['field-check', 'care-assessment'], userId: 'u-odd' }, 4);
        expect(got).toEqual(Array.from({ length: 13 }, (_, i) => `rec-${String(2 * i + 1).padStart(2, '0')}`));
      });
    });

    describe('scope removals', () => {
      it('lists one user\'s removals in (after, upTo], by change sequence, ignoring a repeated insert', async () => {
        await tx(async (t) => {
          for (const [userId, recordId, changeSeq] of [['u-a', 'rec-2', 7], ['u-a', 'rec-1', 3], ['u-b', 'rec-1', 3], ['u-a', 'rec-3', 12], ['u-a', 'rec-0', 7]] as const) {
            await t.insertScopeRemoval({ userId, recordId, changeSeq });
          }
          await t.insertScopeRemoval({ userId: 'u-a', recordId: 'rec-1', changeSeq: 3 });
        });
        const list = (userId: string, after: number, upTo: number) => tx((t) => t.listScopeRemovals(userId, after, upTo));
        expect(await list('u-a', 0, 100)).toEqual([
          { userId: 'u-a', recordId: 'rec-1', changeSeq: 3 }, { userId: 'u-a', recordId: 'rec-0', changeSeq: 7 },
          { userId: 'u-a', recordId: 'rec-2', changeSeq: 7 }, { userId: 'u-a', recordId: 'rec-3', changeSeq: 12 },
        ]);
        expect((await list('u-a', 3, 7)).map((r) => r.recordId)).toEqual(['rec-0', 'rec-2']);
        expect((await list('u-a', 12, Number.MAX_SAFE_INTEGER))).toEqual([]);
        expect((await list('u-b', 0, 3)).map((r) => r.recordId)).toEqual(['rec-1']);
        expect(await list('u-stranger', 0, 100)).toEqual([]);
      });

      it('rolls back with the transaction', async () => {
        await expect(tx(async (t) => {
          await t.insertScopeRemoval({ userId: 'u-a', recordId: 'rec-1', changeSeq: 1 });
          throw new Error('boom');
        })).rejects.toThrow('boom');
        expect(await tx((t) => t.listScopeRemovals('u-a', 0, 100))).toEqual([]);
      });
    });

    describe('guarantee 2: concurrent transactions on one record serialize', () => {
      const increment = (s: SyncStore) => s.transaction(async (t) => {
        const [rec] = await t.getRecords(['rec-counter']);
        // Yield between read and write: a lost update would need exactly this window.
        await sleep(1);
        const n = ((rec?.answers.n as number | undefined) ?? 0) + 1;
        await t.putRecord(aRecord('rec-counter', { ...rec, answers: { n }, changeSeq: await t.nextChangeSeq() }));
      });

      it('20 concurrent read-modify-write increments from two processes lose nothing', async () => {
        const other = await openAnother();
        await tx(async (t) => t.putRecord(aRecord('rec-counter', { answers: { n: 0 }, changeSeq: await t.nextChangeSeq() })));
        await Promise.all(Array.from({ length: 20 }, (_, i) => increment(i % 2 ? other : store)));
        const [rec] = await tx((t) => t.getRecords(['rec-counter']));
        expect(rec!.answers.n).toBe(20);
        expect(rec!.changeSeq).toBe(21);
      });

      it('concurrent creates of a record that does not exist yet also serialize', async () => {
        const other = await openAnother();
        await Promise.all(Array.from({ length: 10 }, (_, i) => increment(i % 2 ? other : store)));
        const [rec] = await tx((t) => t.getRecords(['rec-counter']));
        expect(rec!.answers.n).toBe(10);
      });
    });

    describe('guarantee 6: a transaction that loses a deadlock is re-run (PostgreSQL) or never deadlocks (SQLite)', () => {
      it('two processes locking two records in opposite order both complete, nothing lost', async () => {
        const other = await openAnother();
        await tx(async (t) => {
          for (const id of ['rec-a', 'rec-b']) await t.putRecord(aRecord(id, { answers: { n: 0 }, changeSeq: await t.nextChangeSeq() }));
        });
        let aHolds!: () => void;
        let bHolds!: () => void;
        const aHolding = new Promise<void>((resolve) => (aHolds = resolve));
        const bHolding = new Promise<void>((resolve) => (bHolds = resolve));
        const crossIncrement = (s: SyncStore, first: string, second: string, holding: () => void, otherHolding: Promise<void>) =>
          s.transaction(async (t) => {
            const [r1] = await t.getRecords([first]);
            holding();
            // Wait until the other side holds its first record too (bounded: under SQLite it cannot even start).
            await Promise.race([otherHolding, sleep(300)]);
            const [r2] = await t.getRecords([second]);
            for (const r of [r1!, r2!]) await t.putRecord({ ...r, answers: { n: (r.answers.n as number) + 1 }, changeSeq: await t.nextChangeSeq() });
          });
        await Promise.all([
          crossIncrement(store, 'rec-a', 'rec-b', aHolds, bHolding),
          crossIncrement(other, 'rec-b', 'rec-a', bHolds, aHolding),
        ]);
        const recs = await tx((t) => t.getRecords(['rec-a', 'rec-b']));
        expect(recs.map((r) => [r.id, r.answers.n])).toEqual([['rec-a', 2], ['rec-b', 2]]);
      });
    });

    describe('ops log (idempotency lookups)', () => {
      it('finds stored ops by id and ignores unknown ids', async () => {
        await tx(async (t) => t.insertOps([
          anOp('dev-a:1', { outcome: 'applied', changeSeq: 1 }),
          anOp('dev-a:2', { outcome: 'conflict', conflictId: 'c-9', changeSeq: 2 }),
          anOp('dev-b:1', { outcome: 'rejected', code: 'E_SCOPE', changeSeq: null }),
        ]));
        const found = await tx((t) => t.getOps(['dev-b:1', 'dev-a:2', 'dev-z:1']));
        expect(found.map((o) => o.opId).sort()).toEqual(['dev-a:2', 'dev-b:1']);
        expect(found.find((o) => o.opId === 'dev-a:2')).toMatchObject({ outcome: 'conflict', conflictId: 'c-9', changeSeq: 2 });
        expect(found.find((o) => o.opId === 'dev-b:1')).toMatchObject({ outcome: 'rejected', code: 'E_SCOPE', changeSeq: null });
        expect(await tx((t) => t.getOps([]))).toEqual([]);
      });

      it('keeps every field of a stored op', async () => {
        const op = anOp('dev-a:7', { recordId: 'rec-9', path: 'rep[2].photo', value: { hash: 'ab', name: '写真.jpg' }, baseVersion: 41, hlc: 'h-sent', admittedHlc: 'h-admitted' });
        await tx((t) => t.insertOps([op]));
        expect(await tx((t) => t.getOps(['dev-a:7']))).toEqual([op]);
      });

      it('stores a batch of 500 ops in one call', async () => {
        const ops = Array.from({ length: 500 }, (_, i) => anOp(`dev-a:${i + 1}`, { changeSeq: i + 1 }));
        await tx((t) => t.insertOps(ops));
        expect((await tx((t) => t.getOps(ops.map((o) => o.opId)))).length).toBe(500);
      });
    });

    describe('conflicts', () => {
      it('inserts, reads, resolves and lists by record and status', async () => {
        await tx(async (t) => {
          await t.insertConflict(aConflict('c-1', { recordId: 'rec-1', changeSeq: 3 }));
          await t.insertConflict(aConflict('c-2', { recordId: 'rec-2', changeSeq: 1, kind: 'edit-delete' }));
          await t.insertConflict(aConflict('c-3', { recordId: 'rec-1', path: 'other', changeSeq: 2, kind: 'rule' }));
        });
        expect(await tx((t) => t.getConflict('c-404'))).toBeNull();
        const resolved = { ...(await tx((t) => t.getConflict('c-1')))!, status: 'resolved' as const, changeSeq: 4,
          resolution: { value: 'a', by: 'u-supervisor', reason: '現地で確認', at: '2026-11-29T00:00:00.000Z' } };
        await tx((t) => t.updateConflict(resolved));
        expect(await tx((t) => t.getConflict('c-1'))).toEqual(resolved);
        const list = (f: Parameters<SyncTx['listConflicts']>[0]) => tx((t) => t.listConflicts(f)).then((cs) => cs.map((c) => c.id));
        expect(await list({})).toEqual(['c-2', 'c-3', 'c-1']);
        expect(await list({ status: 'open' })).toEqual(['c-2', 'c-3']);
        expect(await list({ status: 'resolved' })).toEqual(['c-1']);
        expect(await list({ recordIds: ['rec-1'] })).toEqual(['c-3', 'c-1']);
        expect(await list({ recordIds: ['rec-1'], status: 'open' })).toEqual(['c-3']);
        expect(await list({ recordIds: [] })).toEqual([]);
        expect(await list({ limit: 2 })).toEqual(['c-2', 'c-3']);
      });
    });

    describe('accounts, devices, tokens, blobs, meta', () => {
      it('users: put, get by id and name, update, list; usernames are unique', async () => {
        await tx(async (t) => {
          await t.putUser(aUser('u-2', { username: 'supervisor', role: 'supervisor' }));
          await t.putUser(aUser('u-1', { username: 'assessor', role: 'care_assessor' }));
        });
        expect(await tx((t) => t.getUserByName('assessor'))).toEqual(aUser('u-1', { username: 'assessor', role: 'care_assessor' }));
        expect(await tx((t) => t.getUserByName('nobody'))).toBeNull();
        expect(await tx((t) => t.getUser('u-404'))).toBeNull();
        await tx((t) => t.putUser(aUser('u-1', { username: 'assessor', role: 'care_assessor', disabled: true, displayName: '変更後' })));
        expect(await tx((t) => t.getUser('u-1'))).toMatchObject({ disabled: true, displayName: '変更後' });
        expect((await tx((t) => t.listUsers())).map((u) => u.username)).toEqual(['assessor', 'supervisor']);
        await expect(tx((t) => t.putUser(aUser('u-3', { username: 'assessor' })))).rejects.toThrow();
        expect(await tx((t) => t.getUser('u-3'))).toBeNull();
      });

      it('devices: register, list per user, revoke', async () => {
        await tx(async (t) => {
          await t.putUser(aUser('u-1'));
          await t.putUser(aUser('u-2'));
          await t.putDevice(aDevice('dev-a', 'u-1'));
          await t.putDevice(aDevice('dev-b', 'u-2', { registeredAt: '2026-11-28T10:00:00.000Z' }));
          await t.putDevice(aDevice('dev-c', 'u-1', { registeredAt: '2026-11-28T11:00:00.000Z' }));
        });
        expect((await tx((t) => t.listDevices())).map((d) => d.id)).toEqual(['dev-a', 'dev-b', 'dev-c']);
        expect((await tx((t) => t.listDevices('u-1'))).map((d) => d.id)).toEqual(['dev-a', 'dev-c']);
        const revoked = aDevice('dev-a', 'u-1', { revokedAt: '2026-11-29T00:00:00.000Z', lastSeenAt: '2026-11-28T12:00:00.000Z' });
        await tx((t) => t.putDevice(revoked));
        expect(await tx((t) => t.getDevice('dev-a'))).toEqual(revoked);
        expect(await tx((t) => t.getDevice('dev-404'))).toBeNull();
      });

      it('tokens: store by hash, read, revoke', async () => {
        await tx(async (t) => {
          await t.putUser(aUser('u-1'));
          await t.putDevice(aDevice('dev-a', 'u-1'));
          await t.putToken(aToken('sha-1', 'u-1', 'dev-a'));
        });
        expect(await tx((t) => t.getToken('sha-1'))).toEqual(aToken('sha-1', 'u-1', 'dev-a'));
        await tx((t) => t.putToken(aToken('sha-1', 'u-1', 'dev-a', { revokedAt: '2026-11-29T00:00:00.000Z' })));
        expect((await tx((t) => t.getToken('sha-1')))?.revokedAt).toBe('2026-11-29T00:00:00.000Z');
        expect(await tx((t) => t.getToken('sha-404'))).toBeNull();
      });

      it('blobs: store by hash and read back', async () => {
        const hash = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
        await tx((t) => t.putBlob(aBlob(hash, { size: 20 * 1024 * 1024 })));
        expect(await tx((t) => t.getBlob(hash))).toEqual(aBlob(hash, { size: 20 * 1024 * 1024 }));
        expect(await tx((t) => t.getBlob('0'.repeat(64)))).toBeNull();
      });

      it('meta: null when unset, set, overwrite', async () => {
        expect(await tx((t) => t.getMeta('server-hlc'))).toBeNull();
        await tx((t) => t.setMeta('server-hlc', '2026-11-28T09:00:00.000Z-0000-server'));
        await tx((t) => t.setMeta('server-hlc', '2026-11-28T09:00:01.000Z-0000-server'));
        expect(await tx((t) => t.getMeta('server-hlc'))).toBe('2026-11-28T09:00:01.000Z-0000-server');
      });
    });

    describeRecordEditsConformance({ tx: (fn) => tx(fn) });

    describe('back office', () => {
      describeBackOfficeConformance({ tx: (fn) => tx(fn), rawExec: (sql) => harness.rawExec(sql) });
    });

    describeBlobAccessConformance({
      tx: (fn) => tx(fn),
      remigrate: async (sql) => {
        await harness.rawExec(sql);
        await store.migrate();
      },
    });

    describeAccountsConformance({ tx: (fn) => tx(fn), openAnother: () => openAnother() });

    describe('durability', () => {
      it('a store opened after closing the others keeps the data', async () => {
        if (!harness.persistent) return;
        await tx(async (t) => {
          await t.putRecord(aRecord('rec-1', { answers: { note: '残る' }, changeSeq: await t.nextChangeSeq() }));
          await t.setMeta('k', 'v');
        });
        for (const s of opened.splice(0)) await s.close();
        store = await openAnother();
        await tx(async (t) => {
          expect((await t.getRecords(['rec-1']))[0]?.answers).toEqual({ note: '残る' });
          expect(await t.getMeta('k')).toBe('v');
          expect(await t.nextChangeSeq()).toBe(2);
        });
      });

      it('a closed store refuses new transactions with a coded error', async () => {
        const s = await openAnother();
        await s.close();
        await expect(s.transaction(async () => 1)).rejects.toMatchObject({ code: 'E_STORE_CLOSED' });
      });
    });
  });
}

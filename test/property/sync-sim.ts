// A deterministic simulation of devices syncing with the server through a faulty network, and the checks run after quiescence.
//
// Each device is a pure replica (src/protocol/replica.ts) with an outbox that follows
// src/data/outbox.ts: keystrokes coalesce into the last unsent entry for the same path unless a
// record operation was queued after it; a push claims (freezes) the oldest entries; entries leave
// only when the server acknowledges their opIds. The server is the real push/pull services on a store.
import { getAnswerAt, setAnswerAt } from '../../src/protocol/answer-paths.ts';
import { createClock, format, type Hlc, nodeIdFrom, send } from '../../src/protocol/hlc.ts';
import { jsonEqual } from '../../src/protocol/json-equal.ts';
import { latestOverlappingStamp, pathsOverlap } from '../../src/protocol/merge.ts';
import type { Op } from '../../src/protocol/op.ts';
import type { PullResponse } from '../../src/protocol/pull.ts';
import type { PushResponse } from '../../src/protocol/push.ts';
import { applySnapshot, baseVersionFor, observeServerHlc, type ReplicaRecord } from '../../src/protocol/replica.ts';
import type { ConflictItem, ServerRecord } from '../../sync-server/src/storage/sync-store.ts';
import { buildPull } from '../../sync-server/src/sync/pull-service.ts';
import { applyPush } from '../../sync-server/src/sync/push-service.ts';
import type { Actor, SyncDeps } from '../../sync-server/src/sync/types.ts';
import { testCatalog } from '../sync/fixtures.ts';
import { openMemoryStore, type MemoryStore } from '../sync/memory-store.ts';

export const DAY = 86_400_000;
export const START = Date.UTC(2026, 10, 1, 0, 0, 0);
export const REPLACE_FIELDS = ['name', 'city'] as const;
export const FIELDS = ['name', 'city', 'tags', 'notes', 'rooms', 'room'] as const;
export type Field = (typeof FIELDS)[number];
/** The answer path each simulated field edits: 'room' is a field inside the first entry of the 'rooms' repeat. */
const PATH_OF: Record<Field, string> = { name: 'name', city: 'city', tags: 'tags', notes: 'notes', rooms: 'rooms', room: 'rooms[0].room_name' };
/** Kinds of hostile batch a device may send (values outside the form, another device's op ids, a reused op id). */
export const HOSTILE_KINDS = 8;

export type Action =
  | { t: 'create'; d: number }
  | { t: 'edit'; d: number; r: number; field: Field; v: number }
  | { t: 'delete'; d: number; r: number }
  | { t: 'push'; d: number; limit: number }
  | { t: 'pull'; d: number; limit: number }
  | { t: 'deliver'; i: number; fault: 'ok' | 'drop' | 'duplicate' | 'lost-response' }
  | { t: 'partition'; d: number; on: boolean }
  | { t: 'hostile'; d: number; r: number; kind: number }
  | { t: 'tick'; ms: number };

export interface Scenario {
  /** Per device: how far its wall clock is from true time (ms). */
  skews: number[];
  /** Records created and synced to every device before the random actions. */
  initialRecords: number;
  actions: Action[];
}

interface OutboxEntry {
  seq: number;
  op: Op;
  sent: boolean;
}

interface Device {
  id: string;
  index: number;
  skew: number;
  clock: Hlc;
  counter: number;
  outboxSeq: number;
  outbox: OutboxEntry[];
  records: Map<string, ReplicaRecord>;
  checkpoint: number;
  partitioned: boolean;
  created: number;
}

type Message =
  | { kind: 'push'; device: number; ops: Op[] }
  | { kind: 'pull'; device: number; checkpoint: number; limit: number };

/** What the server did with one op (in processing order), for the ledger checks. */
export interface LedgerEntry {
  op: Op;
  device: string;
  counter: number;
  outcome: string;
  version: number | null;
  /** The field's version before this op (for a no-op, the version it agreed with). */
  preVersion: number;
  acknowledged: boolean;
  order: number;
}

export interface SimResult {
  failures: string[];
  stats: { processed: number; acknowledged: number; conflicts: number; duplicatesChecked: number; hostile: number; noops: number };
}

const TAG_VALUES = [['a'], ['b'], ['c'], ['a', 'b'], ['b', 'c'], ['a', 'c']];
const WORDS = ['屋根', '壁', '窓', '玄関', '基礎', '配管'];

function valueFor(field: Field, v: number, current: unknown): unknown {
  switch (field) {
    case 'name': return ['山田', '佐藤', '鈴木', '高橋'][v % 4];
    case 'city': return ['みどり市', 'あおば町', 'うみべ市'][v % 3];
    case 'tags': return TAG_VALUES[v % TAG_VALUES.length];
    case 'notes': {
      const base = typeof current === 'string' ? current : '';
      return base === '' ? WORDS[v % WORDS.length] : `${base} ${WORDS[v % WORDS.length]}`;
    }
    // Few values, so several devices often write the same one (no-ops that must not change what devices replicate).
    case 'rooms': return v % 2 === 0 ? [{ room_name: '台所' }] : [{ room_name: '台所' }, { room_name: '居間' }];
    case 'room': return ['台所', '居間', '和室'][v % 3];
  }
}

function recordIdOf(device: number, n: number): string {
  return `0190a8b2-3333-7000-8000-${String(device).padStart(4, '0')}${String(n).padStart(8, '0')}`;
}

export class Simulation {
  readonly store: MemoryStore = openMemoryStore();
  readonly deps: SyncDeps;
  readonly devices: Device[];
  readonly network: Message[] = [];
  readonly ledger = new Map<string, LedgerEntry>();
  readonly failures: string[] = [];
  now = START;
  private order = 0;
  duplicatesChecked = 0;
  hostileSent = 0;

  constructor(skews: number[]) {
    this.deps = { store: this.store, forms: testCatalog(), now: () => new Date(this.now) };
    this.devices = skews.map((skew, index) => {
      const id = `d${index}-0190a8b2-4444-7000-8000-0000000000${String(index).padStart(2, '0')}`;
      const clock = createClock(nodeIdFrom(id));
      if (!clock.ok) throw new Error(clock.message);
      return { id, index, skew, clock: clock.value, counter: 0, outboxSeq: 0, outbox: [], records: new Map(), checkpoint: 0, partitioned: false, created: 0 };
    });
  }

  private actor(d: Device): Actor {
    return { userId: `u${d.index}`, role: 'disaster_surveyor', deviceId: d.id, scope: { formIds: ['sync-test'], userId: null } };
  }

  private stamp(d: Device): { opId: string; hlc: string } {
    d.clock = send(d.clock, this.now + d.skew);
    d.counter += 1;
    return { opId: `${d.id}:${d.counter}`, hlc: format(d.clock) };
  }

  /** src/data/outbox.ts appendToOutbox: fold into the last unsent entry of the same path unless a record op came after it. */
  private append(d: Device, op: Op): void {
    if (!op.path.startsWith('@')) {
      const candidate = [...d.outbox].reverse().find((e) => !e.sent && e.op.recordId === op.recordId && e.op.path === op.path);
      if (candidate) {
        const laterMeta = d.outbox.some((e) => e.op.recordId === op.recordId && e.op.path.startsWith('@') && e.seq > candidate.seq);
        if (!laterMeta) {
          candidate.op = { ...candidate.op, value: op.value, hlc: op.hlc };
          d.counter -= 1; // the folded edit reuses the entry's opId, as the device's counter is only spent on new entries
          return;
        }
      }
    }
    d.outbox.push({ seq: ++d.outboxSeq, op, sent: false });
  }

  private liveRecords(d: Device): ReplicaRecord[] {
    return [...d.records.values()].filter((r) => !r.deleted).sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  async run(actions: Action[]): Promise<void> {
    for (const action of actions) await this.step(action);
  }

  async step(action: Action): Promise<void> {
    this.now += 1000;
    switch (action.t) {
      case 'create': return this.create(this.devices[action.d % this.devices.length]!);
      case 'edit': return this.edit(this.devices[action.d % this.devices.length]!, action.r, action.field, action.v);
      case 'delete': return this.remove(this.devices[action.d % this.devices.length]!, action.r);
      case 'push': return this.sendPush(this.devices[action.d % this.devices.length]!, action.limit);
      case 'pull': return this.sendPull(this.devices[action.d % this.devices.length]!, action.limit);
      case 'deliver': return this.deliver(action.i, action.fault);
      case 'partition': this.devices[action.d % this.devices.length]!.partitioned = action.on; return;
      case 'hostile': return this.hostile(this.devices[action.d % this.devices.length]!, action.r, action.kind);
      case 'tick': this.now += action.ms; return;
    }
  }

  create(d: Device): void {
    const id = recordIdOf(d.index, d.created++);
    const initial = { name: valueFor('name', d.index, undefined), rooms: [{ room_name: '台所' }] };
    const { opId, hlc } = this.stamp(d);
    d.records.set(id, { id, formId: 'sync-test', formVersion: 1, status: 'draft', deleted: false, answers: { ...initial }, fieldVersions: {}, changeSeq: 0 });
    this.append(d, { opId, recordId: id, formId: 'sync-test', formVersion: 1, path: '@create', value: initial, hlc, baseVersion: 0 });
  }

  edit(d: Device, r: number, field: Field, v: number): void {
    const live = this.liveRecords(d);
    if (live.length === 0) return;
    const record = live[r % live.length]!;
    const path = PATH_OF[field];
    const value = valueFor(field, v, getAnswerAt(record.answers, path));
    const set = setAnswerAt(record.answers, path, value);
    if (!set.ok) throw new Error(set.message);
    record.answers = set.answers;
    const { opId, hlc } = this.stamp(d);
    this.append(d, { opId, recordId: record.id, formId: 'sync-test', formVersion: 1, path, value, hlc, baseVersion: baseVersionFor(record, path) });
  }

  remove(d: Device, r: number): void {
    const live = this.liveRecords(d);
    if (live.length === 0) return;
    const record = live[r % live.length]!;
    record.deleted = true;
    const { opId, hlc } = this.stamp(d);
    this.append(d, { opId, recordId: record.id, formId: 'sync-test', formVersion: 1, path: '@delete', value: true, hlc, baseVersion: baseVersionFor(record, '@delete') });
  }

  /**
   * A batch the server must refuse whole (422, the expected code on the bad op) without changing anything and
   * without answering for ops it holds: a value the form does not allow, another device's op id (a replay of a
   * stored op), or one of this device's op ids reused with other content. Sent straight to the server (not through
   * the outbox, which a real client never fills with such ops).
   */
  async hostile(d: Device, r: number, kind: number): Promise<void> {
    // Records the server holds, so the bad op is the only reason to refuse the batch.
    const onServer = new Set(this.store.dump().records.map((x) => x.id));
    const live = this.liveRecords(d).filter((x) => onServer.has(x.id));
    if (live.length === 0) return;
    const record = live[r % live.length]!;
    const base = { recordId: record.id, formId: 'sync-test', formVersion: 1, baseVersion: baseVersionFor(record, 'name') };
    const fresh = (path: string, value: unknown): Op => ({ ...base, ...this.stamp(d), path, value });
    const others = [...this.ledger.values()].filter((e) => e.device !== d.id);
    const own = [...this.ledger.values()].filter((e) => e.device === d.id && e.op.path !== '@create');
    let bad: Op;
    let code: string;
    switch (kind % HOSTILE_KINDS) {
      case 0: bad = fresh('kind', 1); code = 'E_VALUE_INVALID'; break;
      case 1: bad = fresh('tags', ['a', 'zzz']); code = 'E_VALUE_INVALID'; break;
      case 2: bad = fresh('count_double', 8); code = 'E_READONLY'; break;
      case 3: bad = fresh('place', { street: '本' }); code = 'E_VALUE_INVALID'; break;
      case 4: bad = fresh('rooms', [{ room_name: '台所', owner: '他人' }]); code = 'E_UNKNOWN_FIELD'; break;
      case 5: bad = fresh('area', 'h1'); code = 'E_VALUE_INVALID'; break; // the filter offers nothing without a kind
      case 6: {
        const replayed = others[r % Math.max(1, others.length)];
        if (!replayed) return;
        bad = structuredClone(replayed.op);
        code = 'E_OPID_DEVICE';
        break;
      }
      default: {
        const reused = own[r % Math.max(1, own.length)];
        if (!reused) return;
        bad = { ...structuredClone(reused.op), value: typeof reused.op.value === 'string' ? `${reused.op.value}!` : 'x' };
        if (reused.op.path === '@delete' || reused.op.path === 'tags' || reused.op.path === 'rooms') bad = { ...bad, baseVersion: reused.op.baseVersion + 1 };
        code = 'E_OPID_REUSED';
      }
    }
    if (kind % HOSTILE_KINDS === 5 && getAnswerAt(record.answers, 'kind') !== undefined) return;
    const batch = [fresh('city', 'あおば町'), bad];
    this.hostileSent++;
    const before = this.store.dump();
    const result = await applyPush(this.deps, this.actor(d), { protocolVersion: 2, deviceId: d.id, ops: batch });
    if (result.ok || result.status !== 422 || !result.error.rejected?.some((x) => x.opId === bad.opId && x.code === code)) {
      this.failures.push(`hostile batch (${code}) ${JSON.stringify(bad).slice(0, 200)} was answered ${JSON.stringify(result).slice(0, 300)}`);
    }
    if (!jsonEqual(before, this.store.dump())) this.failures.push(`a refused hostile batch (${code}) changed the store`);
    if (JSON.stringify(result).includes('duplicate')) this.failures.push(`a hostile batch (${code}) was answered about ops the server holds`);
  }

  /** src/data/outbox.ts claimBatch: the oldest entries, frozen from now on (a retry resends the same ones). */
  sendPush(d: Device, limit: number): void {
    const batch = d.outbox.slice(0, limit);
    if (batch.length === 0) return;
    for (const e of batch) e.sent = true;
    if (!d.partitioned) this.network.push({ kind: 'push', device: d.index, ops: batch.map((e) => structuredClone(e.op)) });
  }

  sendPull(d: Device, limit: number): void {
    if (!d.partitioned) this.network.push({ kind: 'pull', device: d.index, checkpoint: d.checkpoint, limit });
  }

  async deliver(i: number, fault: 'ok' | 'drop' | 'duplicate' | 'lost-response'): Promise<void> {
    if (this.network.length === 0) return;
    const index = i % this.network.length;
    const message = this.network[index]!;
    if (fault !== 'duplicate') this.network.splice(index, 1);
    const device = this.devices[message.device]!;
    if (fault === 'drop' || device.partitioned) return;
    const hear = fault !== 'lost-response';
    if (message.kind === 'push') await this.processPush(device, message.ops, hear);
    else await this.processPull(device, message.checkpoint, message.limit, hear);
  }

  private async processPush(d: Device, ops: Op[], hear: boolean): Promise<void> {
    const allKnown = ops.every((o) => this.ledger.has(o.opId));
    const before = this.store.dump();
    const result = await applyPush(this.deps, this.actor(d), { protocolVersion: 2, deviceId: d.id, ops });
    if (!result.ok) {
      this.failures.push(`push rejected: ${JSON.stringify(result.error).slice(0, 400)}`);
      return;
    }
    if (allKnown) {
      this.duplicatesChecked++;
      if (!jsonEqual(before, this.store.dump())) this.failures.push(`a replayed batch changed the store (${ops.map((o) => o.opId).join(', ')})`);
      if (result.response.results.some((r) => r.outcome !== 'duplicate')) this.failures.push('a replayed batch was not answered duplicate');
    }
    this.recordLedger(d, ops, result.response, before.records, before.conflicts);
    if (hear) this.hearPush(d, result.response);
  }

  private recordLedger(d: Device, ops: Op[], response: PushResponse, preRecords: ServerRecord[], preConflicts: ConflictItem[]): void {
    const seenPaths = new Set<string>();
    const seenRecords = new Set<string>();
    const batchRecordOps = new Set(ops.filter((o) => o.path.startsWith('@')).map((o) => o.recordId));
    response.results.forEach((result, i) => {
      const op = ops[i]!;
      if (result.outcome === 'duplicate') return;
      const pre = preRecords.find((r) => r.id === op.recordId);
      const preStamp = pre ? latestOverlappingStamp(pre.fields, op.path) : undefined;
      const entry: LedgerEntry = {
        op, device: d.id, counter: Number(op.opId.split(':').pop()), outcome: result.outcome, version: result.version ?? null,
        preVersion: preStamp?.version ?? 0, acknowledged: false, order: this.order++,
      };
      this.ledger.set(op.opId, entry);
      // Same-field concurrent edits escalate; anything else never does. Checked against the state
      // before the batch, for the first op on a path of a record without record operations in the batch.
      const key = `${op.recordId} ${op.path}`;
      const firstOnRecord = !seenRecords.has(op.recordId);
      seenRecords.add(op.recordId);
      // An earlier op of the batch may have undeleted the record (edit-delete) or made the conflict.
      if (pre?.deleted && !firstOnRecord) return;
      if (!(REPLACE_FIELDS as readonly string[]).includes(op.path) || seenPaths.has(key) || batchRecordOps.has(op.recordId) || !pre) return;
      seenPaths.add(key);
      const open = preConflicts.some((c) => c.status === 'open' && c.recordId === op.recordId && c.path === op.path);
      const concurrent = preStamp !== undefined && preStamp.deviceId !== d.id && op.baseVersion < preStamp.version;
      const differs = !jsonEqual(getAnswerAt(pre.answers, op.path), op.value);
      const shouldConflict = open || pre.deleted || pre.status !== 'draft' || (concurrent && differs);
      if (shouldConflict !== (result.outcome === 'conflict')) {
        this.failures.push(`op ${op.opId} on ${op.path}: outcome ${result.outcome}, expected ${shouldConflict ? 'a conflict' : 'no conflict'} (open=${open} deleted=${pre.deleted} concurrent=${concurrent} differs=${differs})`);
      }
    });
  }

  private hearPush(d: Device, response: PushResponse): void {
    const acked = new Set(response.results.map((r) => r.opId));
    for (const opId of acked) {
      const entry = this.ledger.get(opId);
      if (entry) entry.acknowledged = true;
    }
    // src/data/outbox.ts markAcknowledged: only sent entries leave (an unsent one may hold a newer value).
    d.outbox = d.outbox.filter((e) => !(e.sent && acked.has(e.op.opId)));
    d.clock = observeServerHlc(d.clock, response.serverHlc, this.now + d.skew);
  }

  private async processPull(d: Device, checkpoint: number, limit: number, hear: boolean): Promise<PullResponse | null> {
    const response = await buildPull(this.deps, this.actor(d), { protocolVersion: 2, checkpoint, limit });
    if (!hear) return null;
    // A late answer to an older request would move the checkpoint backwards: the device ignores it.
    if (checkpoint !== d.checkpoint) return null;
    for (const snapshot of response.records) {
      const unsent = new Set(d.outbox.filter((e) => !e.sent && e.op.recordId === snapshot.id).map((e) => e.op.path));
      d.records.set(snapshot.id, applySnapshot(d.records.get(snapshot.id), snapshot, unsent));
    }
    d.checkpoint = response.checkpoint;
    d.clock = observeServerHlc(d.clock, response.serverHlc, this.now + d.skew);
    return response;
  }

  /** Heals the network and lets every device sync until nothing changes. */
  async quiesce(): Promise<void> {
    for (const d of this.devices) d.partitioned = false;
    while (this.network.length > 0) await this.deliver(0, 'ok');
    for (let round = 0; round < 20; round++) {
      let activity = false;
      for (const d of this.devices) {
        for (let guard = 0; d.outbox.length > 0 && guard < 100; guard++) {
          activity = true;
          const batch = d.outbox.slice(0, 500);
          for (const e of batch) e.sent = true;
          await this.processPush(d, batch.map((e) => structuredClone(e.op)), true);
        }
      }
      for (const d of this.devices) {
        for (let guard = 0; guard < 1000; guard++) {
          const response = await this.processPull(d, d.checkpoint, 50, true);
          if (response && response.records.length > 0) activity = true;
          if (!response?.hasMore) break;
        }
      }
      if (!activity) return;
    }
    this.failures.push('no quiescence after 20 rounds');
  }

  /** Convergence and no-lost-writes, after quiesce(). */
  check(): SimResult {
    const { records, conflicts } = this.store.dump();
    const byId = new Map(records.map((r) => [r.id, r]));
    for (const d of this.devices) {
      if (d.outbox.length > 0) this.failures.push(`${d.id} still has ${d.outbox.length} unsent ops`);
      for (const server of records) {
        const local = d.records.get(server.id);
        const versions = Object.fromEntries(Object.entries(server.fields).map(([k, s]) => [k, s.version]));
        if (!local) { this.failures.push(`${d.id} lacks record ${server.id}`); continue; }
        if (!jsonEqual(local.answers, server.answers) || local.deleted !== server.deleted || local.status !== server.status || !jsonEqual(local.fieldVersions, versions)) {
          this.failures.push(`${d.id} diverges on ${server.id}: device ${JSON.stringify({ a: local.answers, del: local.deleted, st: local.status, v: local.fieldVersions })} server ${JSON.stringify({ a: server.answers, del: server.deleted, st: server.status, v: versions })}`);
        }
      }
      for (const id of d.records.keys()) if (!byId.has(id)) this.failures.push(`${d.id} has ${id}, the server does not`);
    }
    const held = new Set(conflicts.flatMap((c) => c.candidates.map((x) => x.opId)));
    // A conflict holding an equal value for the same field holds this write too (no information is lost); so does one
    // on an overlapping path whose candidate agrees with it at the deeper of the two paths (a conflict on
    // 'rooms[0].room_name' holding what a 'rooms' write put there, or one on 'rooms' holding a 'rooms[0].room_name' edit).
    const atPath = (path: string, value: unknown, deeper: string): unknown => {
      const written = setAnswerAt({}, path, value);
      return written.ok ? getAnswerAt(written.answers, deeper) : undefined;
    };
    const heldValue = (e: LedgerEntry) => conflicts.some((c) => {
      if (c.recordId !== e.op.recordId || !pathsOverlap(c.path, e.op.path)) return false;
      if (c.path === e.op.path) return c.candidates.some((x) => jsonEqual(x.value, e.op.value));
      if (c.path.startsWith('@') || e.op.path.startsWith('@')) return false;
      const deeper = c.path.length > e.op.path.length ? c.path : e.op.path;
      const mine = atPath(e.op.path, e.op.value, deeper);
      return mine !== undefined && c.candidates.some((x) => jsonEqual(atPath(c.path, x.value, deeper), mine));
    });
    const entries = [...this.ledger.values()];
    let acknowledged = 0;
    for (const entry of entries) {
      if (!entry.acknowledged) continue;
      acknowledged++;
      const record = byId.get(entry.op.recordId);
      if (!record) { this.failures.push(`acknowledged ${entry.op.opId} on a record the server lacks`); continue; }
      if (visible(entry, record) || held.has(entry.op.opId) || heldValue(entry) || superseded(entry, entries)) continue;
      this.failures.push(`lost write: ${entry.op.opId} ${entry.op.path}=${JSON.stringify(entry.op.value)} (${entry.outcome}) not visible (${JSON.stringify(getAnswerAt(record.answers, entry.op.path))}), not in a conflict, not superseded`);
    }
    for (const c of conflicts.filter((x) => x.kind === 'same-field')) {
      if (new Set(c.candidates.map((x) => x.deviceId)).size < 2) this.failures.push(`same-field conflict ${c.id} on ${c.path} has candidates from one device only`);
    }
    const noops = entries.filter((e) => e.outcome === 'noop').length;
    return { failures: this.failures, stats: { processed: entries.length, acknowledged, conflicts: conflicts.length, duplicatesChecked: this.duplicatesChecked, hostile: this.hostileSent, noops } };
  }
}

function visible(entry: LedgerEntry, record: ServerRecord): boolean {
  const { path, value } = entry.op;
  if (path === '@create') return true;
  if (path === '@delete') return record.deleted;
  if (record.deleted) return false;
  const current = getAnswerAt(record.answers, path);
  if (path === 'tags') return Array.isArray(value) && Array.isArray(current) && value.every((v) => current.includes(v));
  if (path === '@create') return true;
  if (path === 'notes') return typeof current === 'string' && typeof value === 'string' && current.includes(value);
  return jsonEqual(current, value);
}

/** A later op on the same record that overlaps this op's path and was made after seeing it. */
function superseded(entry: LedgerEntry, entries: LedgerEntry[]): boolean {
  const version = entry.version ?? entry.preVersion;
  return entries.some((later) => {
    if (later.order <= entry.order || later.op.recordId !== entry.op.recordId) return false;
    if (later.outcome === 'noop' && later.op.path !== '@delete') return false;
    // A write to an enclosing or enclosed path (the whole 'rooms' repeat, or a field of its entry) replaces this one's value too.
    const samePath = pathsOverlap(later.op.path, entry.op.path) || (later.op.path === '@delete' && !entry.op.path.startsWith('@'));
    if (!samePath) return false;
    return (later.device === entry.device && later.counter > entry.counter) || later.op.baseVersion >= version;
  });
}

/** Runs one scenario to the end and returns the checks' failures (empty = all properties hold). */
export async function runScenario(scenario: Scenario): Promise<SimResult> {
  const sim = new Simulation(scenario.skews);
  // The office hands out a few records and every tablet syncs once before going into the field.
  for (let i = 0; i < scenario.initialRecords; i++) sim.create(sim.devices[i % sim.devices.length]!);
  await sim.quiesce();
  await sim.run(scenario.actions);
  await sim.quiesce();
  return sim.check();
}

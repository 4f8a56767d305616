// A deterministic simulation of devices syncing with the server through a faulty network, and the checks run after quiescence.
//
// Each device is a pure replica (src/protocol/replica.ts) with an outbox that follows
// src/data/outbox.ts: keystrokes coalesce into the last unsent entry for the same path unless a
// record operation was queued after it; a push claims (freezes) the oldest entries; entries leave
// only when the server acknowledges their opIds. The server is the real push/pull services on a store.
import { getAnswerAt, setAnswerAt } from '../../src/protocol/answer-paths.ts';
import { createClock, format, type Hlc, nodeIdFrom, send } from '../../src/protocol/hlc.ts';
import { jsonEqual } from '../../src/protocol/json-equal.ts';
import { latestOverlappingStamp } from '../../src/protocol/merge.ts';
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
export const FIELDS = ['name', 'city', 'tags', 'notes'] as const;
export type Field = (typeof FIELDS)[number];

export type Action =
  | { t: 'create'; d: number }
  | { t: 'edit'; d: number; r: number; field: Field; v: number }
  | { t: 'delete'; d: number; r: number }
  | { t: 'push'; d: number; limit: number }
  | { t: 'pull'; d: number; limit: number }
  | { t: 'deliver'; i: number; fault: 'ok' | 'drop' | 'duplicate' | 'lost-response' }
  | { t: 'partition'; d: number; on: boolean }
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
  stats: { processed: number; acknowledged: number; conflicts: number; duplicatesChecked: number };
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
      case 'tick': this.now += action.ms; return;
    }
  }

  create(d: Device): void {
    const id = recordIdOf(d.index, d.created++);
    const initial = { name: valueFor('name', d.index, undefined) };
    const { opId, hlc } = this.stamp(d);
    d.records.set(id, { id, formId: 'sync-test', formVersion: 1, status: 'draft', deleted: false, answers: { ...initial }, fieldVersions: {}, changeSeq: 0 });
    this.append(d, { opId, recordId: id, formId: 'sync-test', formVersion: 1, path: '@create', value: initial, hlc, baseVersion: 0 });
  }

  edit(d: Device, r: number, field: Field, v: number): void {
    const live = this.liveRecords(d);
    if (live.length === 0) return;
    const record = live[r % live.length]!;
    const value = valueFor(field, v, getAnswerAt(record.answers, field));
    const set = setAnswerAt(record.answers, field, value);
    if (!set.ok) throw new Error(set.message);
    record.answers = set.answers;
    const { opId, hlc } = this.stamp(d);
    this.append(d, { opId, recordId: record.id, formId: 'sync-test', formVersion: 1, path: field, value, hlc, baseVersion: baseVersionFor(record, field) });
  }

  remove(d: Device, r: number): void {
    const live = this.liveRecords(d);
    if (live.length === 0) return;
    const record = live[r % live.length]!;
    record.deleted = true;
    const { opId, hlc } = this.stamp(d);
    this.append(d, { opId, recordId: record.id, formId: 'sync-test', formVersion: 1, path: '@delete', value: true, hlc, baseVersion: baseVersionFor(record, '@delete') });
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
    // A conflict holding an equal value for the same field holds this write too (no information is lost).
    const heldValue = (e: LedgerEntry) => conflicts.some((c) => c.recordId === e.op.recordId && c.path === e.op.path && c.candidates.some((x) => jsonEqual(x.value, e.op.value)));
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
    return { failures: this.failures, stats: { processed: entries.length, acknowledged, conflicts: conflicts.length, duplicatesChecked: this.duplicatesChecked } };
  }
}

function visible(entry: LedgerEntry, record: ServerRecord): boolean {
  const { path, value } = entry.op;
  if (path === '@create') return true;
  if (path === '@delete') return record.deleted;
  if (record.deleted) return false;
  const current = getAnswerAt(record.answers, path);
  if (path === 'tags') return Array.isArray(value) && Array.isArray(current) && value.every((v) => current.includes(v));
  if (path === 'notes') return typeof current === 'string' && typeof value === 'string' && current.includes(value);
  return jsonEqual(current, value);
}

/** A later op on the same record that overlaps this op's path and was made after seeing it. */
function superseded(entry: LedgerEntry, entries: LedgerEntry[]): boolean {
  const version = entry.version ?? entry.preVersion;
  return entries.some((later) => {
    if (later.order <= entry.order || later.op.recordId !== entry.op.recordId) return false;
    if (later.outcome === 'noop' && later.op.path !== '@delete') return false;
    const samePath = later.op.path === entry.op.path || (later.op.path === '@delete' && !entry.op.path.startsWith('@'));
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

// A small in-memory stand-in for the sync server's push/pull/login/blobs routes, behind a fake fetch, with fault injection.
//
// It follows the protocol's shapes (parsed by the real HttpSyncTransport) and its idempotency rule
// (an opId already stored answers 'duplicate' and changes nothing); merge is plain last-writer-wins,
// which is all the device-side tests need. The server's real merge is tested in test/sync.
import { setAnswerAt } from '../../../src/protocol/answer-paths.ts';
import type { Answers } from '../../../src/engine/types.ts';

export const SERVER_HLC = '2025-05-01T09:00:00.000Z-0000-00000000000000aa';

export interface FakeRecord {
  id: string;
  formId: string;
  formVersion: number;
  status: 'draft' | 'submitted' | 'returned' | 'approved';
  deleted: boolean;
  answers: Answers;
  fieldVersions: Record<string, number>;
  changeSeq: number;
}

export interface FakeOp {
  opId: string;
  recordId: string;
  path: string;
  value: unknown;
  baseVersion: number;
}

type Fault = 'offline' | 'lose-response' | '500' | '401' | '400-version' | '401-revoked' | '403-password' | '409-owned';

export class FakeServer {
  seq = 0;
  records = new Map<string, FakeRecord>();
  /** Every op the server applied, once each (the ledger). */
  applied: FakeOp[] = [];
  /** Every push request body as received (to check retries carry the same opIds), with its size in bytes. */
  pushes: { opIds: string[]; bytes: number }[] = [];
  /** Bodies larger than this are refused with 413 E_TOO_LARGE before anything is read, as the real server does. */
  bodyLimit = 1024 * 1024;
  pulls: { checkpoint: number; limit: number }[] = [];
  conflicts: { id: string; recordId: string; path: string }[] = [];
  blobs = new Set<string>();
  /** opId → coded reason: the server refuses any batch containing it (422, nothing applied). */
  refuse = new Map<string, string>();
  /** Faults for the next requests to a route, consumed in order. */
  private faults: Record<string, Fault[]> = {};
  readonly token = 'token-1';

  failNext(route: 'push' | 'pull' | 'login' | 'missing', ...faults: Fault[]): void {
    (this.faults[route] ??= []).push(...faults);
  }

  addRecord(record: Omit<FakeRecord, 'changeSeq' | 'fieldVersions' | 'deleted' | 'status'> & Partial<FakeRecord>): FakeRecord {
    this.seq += 1;
    const full: FakeRecord = {
      status: 'draft', deleted: false,
      fieldVersions: Object.fromEntries(Object.keys(record.answers).map((k) => [k, this.seq])),
      ...record, changeSeq: this.seq,
    };
    this.records.set(full.id, full);
    return full;
  }

  touch(id: string, change: (record: FakeRecord) => void): void {
    const record = this.records.get(id);
    if (!record) throw new Error(`no record ${id}`);
    this.seq += 1;
    change(record);
    record.changeSeq = this.seq;
  }

  private json(status: number, body: unknown): Response {
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }

  private error(status: number, code: string, message = code): Response {
    return this.json(status, { error: { code, message } });
  }

  private applyOp(op: FakeOp & { formId: string; formVersion: number }): void {
    this.seq += 1;
    let record = this.records.get(op.recordId);
    if (op.path === '@create') {
      record ??= { id: op.recordId, formId: op.formId, formVersion: op.formVersion, status: 'draft', deleted: false, answers: {}, fieldVersions: {}, changeSeq: 0 };
      for (const [key, value] of Object.entries(op.value as Answers)) {
        record.answers[key] = value;
        record.fieldVersions[key] = this.seq;
      }
    } else if (record && op.path === '@delete') {
      record.deleted = true;
    } else if (record && op.path === '@status') {
      record.status = op.value === 'ready' ? 'submitted' : 'draft';
    } else if (record && !op.path.startsWith('@')) {
      const result = setAnswerAt(record.answers, op.path, op.value);
      if (result.ok) record.answers = result.answers;
      record.fieldVersions[op.path] = this.seq;
    }
    if (record) {
      record.changeSeq = this.seq;
      this.records.set(record.id, record);
    }
    this.applied.push({ opId: op.opId, recordId: op.recordId, path: op.path, value: op.value, baseVersion: op.baseVersion });
  }

  private push(body: { deviceId: string; ops: (FakeOp & { formId: string; formVersion: number })[] }, bytes: number): Response {
    this.pushes.push({ opIds: body.ops.map((o) => o.opId), bytes });
    const refused = body.ops.filter((o) => this.refuse.has(o.opId));
    if (refused.length > 0) {
      return this.json(422, {
        error: { code: 'E_PUSH_REJECTED', message: 'refused', rejected: refused.map((o) => ({ opId: o.opId, code: this.refuse.get(o.opId), message: 'no' })) },
      });
    }
    const seen = new Set(this.applied.map((o) => o.opId));
    const results = body.ops.map((op) => {
      if (seen.has(op.opId)) return { opId: op.opId, outcome: 'duplicate' as const };
      this.applyOp(op);
      return { opId: op.opId, outcome: 'applied' as const, version: this.seq };
    });
    return this.json(200, { results, serverHlc: SERVER_HLC });
  }

  private pull(body: { checkpoint: number; limit: number }): Response {
    this.pulls.push(body);
    const changed = [...this.records.values()].filter((r) => r.changeSeq > body.checkpoint).sort((a, b) => a.changeSeq - b.changeSeq);
    const page = changed.slice(0, body.limit);
    const recordIds = new Set(page.map((r) => r.id));
    return this.json(200, {
      records: page.map((r) => structuredClone(r)),
      conflicts: this.conflicts.filter((c) => recordIds.has(c.recordId)).map((c) => ({
        ...c, kind: 'same-field', candidates: [], provisional: null, status: 'open', changeSeq: 1,
      })),
      checkpoint: page.at(-1)?.changeSeq ?? body.checkpoint,
      hasMore: changed.length > page.length,
      serverHlc: SERVER_HLC,
    });
  }

  /** The fake fetch: routes by path, applies queued faults. */
  readonly fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    const path = new URL(input, 'http://fake').pathname;
    const route = path.split('/').pop() as string;
    const fault = this.faults[route]?.shift();
    if (fault === 'offline') throw new TypeError('Failed to fetch');
    if (fault === '500') return this.error(500, 'E_INTERNAL');
    if (fault === '401') return this.error(401, 'E_UNAUTHENTICATED');
    if (fault === '400-version') return this.error(400, 'E_PROTOCOL_VERSION');
    if (fault === '401-revoked') return this.error(401, 'E_DEVICE_REVOKED');
    if (fault === '403-password') return this.error(403, 'E_PASSWORD_CHANGE_REQUIRED');
    if (fault === '409-owned') return this.error(409, 'E_DEVICE_OWNED');
    const text = String(init?.body ?? '{}');
    const bytes = new TextEncoder().encode(text).length;
    if (bytes > this.bodyLimit) return this.error(413, 'E_TOO_LARGE');
    const body = JSON.parse(text) as Record<string, unknown>;
    const authorized = (init?.headers as Record<string, string> | undefined)?.authorization === `Bearer ${this.token}`;
    let response: Response;
    if (path === '/api/auth/login') {
      if (body.password !== 'genba-demo') return this.error(401, 'E_LOGIN_FAILED');
      response = this.json(200, {
        token: this.token, expiresAt: '2099-01-01T00:00:00.000Z',
        user: { id: 'u1', username: String(body.username), displayName: '調査 太郎', role: 'disaster_surveyor' }, deviceId: body.deviceId,
      });
    } else if (!authorized) return this.error(401, 'E_UNAUTHENTICATED');
    else if (path === '/api/auth/logout') response = this.json(200, { ok: true });
    else if (path === '/api/sync/push') response = this.push(body as never, bytes);
    else if (path === '/api/sync/pull') response = this.pull(body as never);
    else if (path === '/api/blobs/missing') response = this.json(200, { missing: (body.hashes as string[]).filter((h) => !this.blobs.has(h)) });
    else return this.error(404, 'E_NOT_FOUND');
    // The server did the work, but the answer never reaches the device.
    if (fault === 'lose-response') throw new TypeError('network connection was lost');
    return response;
  };
}

// Test helper for the back office: a test server with fast webhook retries, a device that creates/edits/submits records, and review/resolve calls.
import { expect } from 'vitest';
import { format as formatHlc, nodeIdFrom, parse as parseHlc } from '../../src/protocol/hlc.ts';
import type { ServerConfig } from '../../sync-server/src/config.ts';
import { parseWebhookAllowList } from '../../sync-server/src/office/webhook-destination.ts';
import { startTestServer, type LoggedIn, type TestServer } from '../sync-server/test-server.ts';
import { initialAnswers, newRecordId, pullBody, pushBody } from '../sync-server/ops.ts';

/**
 * Retries in milliseconds, so a receiver that fails twice is served within one test. The test receivers listen on
 * 127.0.0.1 over http: allow-listed, as an on-premise receiver would be.
 */
export const FAST_WEBHOOKS: ServerConfig['webhooks'] = {
  enabled: true, pollMs: 20, baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 3, timeoutMs: 2000, allow: parseWebhookAllowList('127.0.0.1'),
};

export async function startOfficeServer(overrides: Partial<ServerConfig> = {}): Promise<TestServer> {
  return startTestServer({ webhooks: FAST_WEBHOOKS, ...overrides });
}

interface Pulled { id: string; status: string; answers: Record<string, unknown>; fieldVersions: Record<string, number> }

/** A tablet: its ops are stamped after the server clock it last saw, as a device does once it merged a pull's serverHlc. */
export class TestDevice {
  private seq = 0;
  private constructor(readonly server: TestServer, readonly login: LoggedIn) {}

  static async signIn(server: TestServer, username = 'surveyor'): Promise<TestDevice> {
    return new TestDevice(server, await server.login(username));
  }

  async pull(recordId: string): Promise<{ record: Pulled; serverHlc: string }> {
    const res = await this.server.app.inject({ method: 'POST', url: '/api/sync/pull', headers: this.login.headers, payload: pullBody(0, 1000) });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { records: Pulled[]; serverHlc: string };
    const record = body.records.find((r) => r.id === recordId);
    if (!record) throw new Error(`the device did not pull ${recordId}`);
    return { record, serverHlc: body.serverHlc };
  }

  private opAfter(serverHlc: string, recordId: string, path: string, value: unknown, baseVersion: number) {
    const seen = parseHlc(serverHlc);
    if (!seen.ok) throw new Error(seen.message);
    this.seq += 1;
    const hlc = formatHlc({ millis: seen.value.millis, counter: seen.value.counter + this.seq, node: nodeIdFrom(this.login.deviceId) });
    return { opId: `${this.login.deviceId}:${this.seq}`, recordId, formId: 'field-check', formVersion: 2, path, value, hlc, baseVersion };
  }

  async push(ops: unknown[]): Promise<{ results: { outcome: string; conflictId?: string }[] }> {
    const res = await this.server.app.inject({ method: 'POST', url: '/api/sync/push', headers: this.login.headers, payload: pushBody(this.login.deviceId, ops) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  async create(answers: Record<string, unknown> = initialAnswers()): Promise<string> {
    const recordId = newRecordId();
    const clock = formatHlc({ millis: Date.now() - 30_000, counter: 0, node: nodeIdFrom(this.login.deviceId) });
    await this.push([this.opAfter(clock, recordId, '@create', answers, 0)]);
    return recordId;
  }

  /** Edits answers (as the device saw the record last) and optionally submits in the same batch. */
  async edit(recordId: string, changes: Record<string, unknown>, options: { submit?: boolean } = {}) {
    const { record, serverHlc } = await this.pull(recordId);
    const ops = Object.entries(changes).map(([path, value]) => this.opAfter(serverHlc, recordId, path, value, record.fieldVersions[path] ?? 0));
    if (options.submit) ops.push(this.opAfter(serverHlc, recordId, '@status', 'ready', record.fieldVersions['@status'] ?? 0));
    return this.push(ops);
  }

  async submit(recordId: string) {
    return this.edit(recordId, {}, { submit: true });
  }
}

export async function review(server: TestServer, who: LoggedIn, recordId: string, payload: object) {
  return server.app.inject({ method: 'POST', url: `/api/records/${recordId}/review`, headers: who.headers, payload });
}

export async function approve(server: TestServer, who: LoggedIn, recordId: string): Promise<void> {
  const res = await review(server, who, recordId, { action: 'approve' });
  expect(res.statusCode, res.body).toBe(200);
}

/** `n` new records from `device`, each submitted and approved by `supervisor`, in that order: their ids. */
export async function approveNewRecords(device: TestDevice, supervisor: LoggedIn, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = await device.create();
    await device.submit(id);
    await approve(device.server, supervisor, id);
    ids.push(id);
  }
  return ids;
}

export async function getJson(server: TestServer, url: string, headers: Record<string, string>) {
  const res = await server.app.inject({ method: 'GET', url, headers });
  return { status: res.statusCode, body: res.json() as Record<string, unknown> & { error?: { code: string } }, res };
}

export function bearer(secret: string): { authorization: string } {
  return { authorization: `Bearer ${secret}` };
}

// Webhooks: a receiver that fails twice then succeeds gets each event exactly once, in cursor order, signed; a receiver that keeps failing dead-letters events, which replay re-sends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../../sync-server/src/office/webhook-signature.ts';
import type { LoggedIn, TestServer } from '../sync-server/test-server.ts';
import { approveNewRecords, getJson, startOfficeServer, TestDevice } from './office-fixture.ts';
import { startReceiver, until, type Receiver } from './webhook-receiver.ts';

let server: TestServer;
let device: TestDevice;
let supervisor: LoggedIn;
let admin: LoggedIn;
const receivers: Receiver[] = [];

interface Event { id: string; cursor: number; recordId: string; revision: number; formId: string; approvedAt: string; answers: Record<string, unknown> }
interface Delivery { id: string; status: string; attempts: number; cursor: number; lastStatus: number | null }

beforeAll(async () => {
  server = await startOfficeServer();
  device = await TestDevice.signIn(server);
  supervisor = await server.login('supervisor');
  admin = await server.login('admin');
});
afterAll(async () => {
  await server.close();
  for (const receiver of receivers) await receiver.close();
});

async function createWebhook(url: string, cursor: number): Promise<{ id: string; secret: string }> {
  const res = await server.app.inject({ method: 'POST', url: '/api/office/webhooks', headers: admin.headers, payload: { url, description: '基幹システム（試験）', cursor } });
  expect(res.statusCode, res.body).toBe(201);
  const body = res.json() as { webhook: { id: string }; secret: string };
  return { id: body.webhook.id, secret: body.secret };
}

async function deliveries(webhookId: string, status?: string): Promise<Delivery[]> {
  const { status: code, body } = await getJson(server, `/api/office/webhooks/${webhookId}/deliveries${status ? `?status=${status}` : ''}`, admin.headers);
  expect(code).toBe(200);
  return body.deliveries as Delivery[];
}

async function feedCursor(): Promise<number> {
  return (await getJson(server, '/api/handoff/changes?after=0&limit=1000', supervisor.headers)).body.next as number;
}

describe('webhook delivery', () => {
  it('a receiver that fails twice then succeeds gets each event exactly once, in cursor order, with a valid signature', async () => {
    const start = await feedCursor();
    const ids = await approveNewRecords(device, supervisor, 3);
    const receiver = await startReceiver((index) => (index < 2 ? 500 : 200));
    receivers.push(receiver);
    const hook = await createWebhook(receiver.url, start);
    await until(() => receiver.received.filter((r) => r.answered === 200).length >= 3, 'three accepted events');
    // Give the dispatcher the chance to (wrongly) send more, then look at everything it sent.
    await until(async () => (await deliveries(hook.id)).length === 3, 'three delivery rows');
    const accepted = receiver.received.filter((r) => r.answered === 200);
    const events = accepted.map((r) => JSON.parse(r.body) as Event);
    expect(events.map((e) => e.recordId)).toEqual(ids);
    expect(new Set(events.map((e) => e.id)).size).toBe(3);
    const cursors = events.map((e) => e.cursor);
    expect([...cursors].sort((a, b) => a - b)).toEqual(cursors);
    for (const r of receiver.received) {
      expect(verifyWebhookSignature(hook.secret, r.body, r.headers['x-genba-signature'] as string)).toBe(true);
      const event = JSON.parse(r.body) as Event;
      expect(r.headers['x-genba-event-id']).toBe(event.id);
      expect(r.headers['x-genba-cursor']).toBe(String(event.cursor));
      expect(event.id).toBe(`${hook.id}:${event.cursor}`);
    }
    // The two failures were retries of the first event; nothing else was sent twice.
    expect(receiver.received.map((r) => (JSON.parse(r.body) as Event).id)).toEqual([events[0]!.id, events[0]!.id, ...events.map((e) => e.id)]);
    expect(events[0]).toMatchObject({ revision: 1, formId: 'field-check' });
    expect(events[0]!.answers.inspector_name).toBe('試験 太郎');
    const rows = await deliveries(hook.id);
    expect(rows.map((d) => [d.status, d.attempts]).sort()).toEqual([['delivered', 1], ['delivered', 1], ['delivered', 3]]);
    const webhooks = (await getJson(server, '/api/office/webhooks', admin.headers)).body.webhooks as { id: string; cursor: number; secret?: string }[];
    const listed = webhooks.find((w) => w.id === hook.id)!;
    expect(listed.cursor).toBe(cursors.at(-1));
    expect(listed).not.toHaveProperty('secret');
  });

  it('a receiver that keeps failing gets each event maxAttempts times; the events are dead-lettered and replay re-sends one', async () => {
    const start = await feedCursor();
    const ids = await approveNewRecords(device, supervisor, 2);
    let up = false;
    const receiver = await startReceiver(() => (up ? 204 : 503));
    receivers.push(receiver);
    const hook = await createWebhook(receiver.url, start);
    await until(async () => (await deliveries(hook.id, 'dead')).length === 2, 'two dead deliveries');
    expect(receiver.received.length).toBe(6);
    const dead = await deliveries(hook.id, 'dead');
    expect(dead.map((d) => [d.attempts, d.lastStatus])).toEqual([[3, 503], [3, 503]]);
    // The webhook moved on past the dead events.
    const webhook = ((await getJson(server, '/api/office/webhooks', admin.headers)).body.webhooks as { id: string; cursor: number }[]).find((w) => w.id === hook.id)!;
    expect(webhook.cursor).toBe(Math.max(...dead.map((d) => d.cursor)));

    // Replay while the receiver is still down: stays dead, one attempt more.
    const target = dead.find((d) => d.cursor === Math.min(...dead.map((x) => x.cursor)))!;
    const failed = await server.app.inject({ method: 'POST', url: `/api/office/webhooks/deliveries/${encodeURIComponent(target.id)}/replay`, headers: admin.headers });
    expect(failed.statusCode, failed.body).toBe(200);
    expect(failed.json()).toMatchObject({ ok: false, delivery: { status: 'dead', attempts: 4 } });

    up = true;
    const replayed = await server.app.inject({ method: 'POST', url: `/api/office/webhooks/deliveries/${encodeURIComponent(target.id)}/replay`, headers: admin.headers });
    expect(replayed.statusCode, replayed.body).toBe(200);
    expect(replayed.json()).toMatchObject({ ok: true, delivery: { status: 'replayed', attempts: 5, lastStatus: 204 } });
    const last = receiver.received.at(-1)!;
    const event = JSON.parse(last.body) as Event;
    expect(event.id).toBe(target.id);
    expect(event.recordId).toBe(ids[0]);
    expect(verifyWebhookSignature(hook.secret, last.body, last.headers['x-genba-signature'] as string)).toBe(true);

    // Only a dead delivery can be replayed.
    const again = await server.app.inject({ method: 'POST', url: `/api/office/webhooks/deliveries/${encodeURIComponent(target.id)}/replay`, headers: admin.headers });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('E_DELIVERY_STATE');
    const audit = await getJson(server, '/api/office/audit?action=webhook_replay', admin.headers);
    expect((audit.body.entries as unknown[]).length).toBe(2);
  });

  it('a paused webhook receives nothing; admin-only routes refuse a supervisor; bad input is a coded 4xx', async () => {
    const receiver = await startReceiver(() => 200);
    receivers.push(receiver);
    const start = await feedCursor();
    const control = await createWebhook(receiver.url, start);
    const hook = await createWebhook(receiver.url, start);
    const paused = await server.app.inject({ method: 'PATCH', url: `/api/office/webhooks/${hook.id}`, headers: admin.headers, payload: { active: false } });
    expect(paused.statusCode, paused.body).toBe(200);
    expect(paused.json().webhook.active).toBe(false);
    await approveNewRecords(device, supervisor, 1);
    // Once the active twin has its event, the dispatcher has passed the paused one.
    await until(async () => (await deliveries(control.id)).length === 1, 'the control delivery');
    expect((await deliveries(hook.id)).length).toBe(0);
    expect(receiver.received.length).toBe(1);
    expect(receiver.received[0]!.headers['x-genba-event-id']).toMatch(new RegExp(`^${control.id}:\\d+$`));

    const asSupervisor = await server.app.inject({ method: 'GET', url: '/api/office/webhooks', headers: supervisor.headers });
    expect(asSupervisor.statusCode).toBe(403);
    const cases = [
      { payload: { url: 'ftp://127.0.0.1/x' }, code: 'E_BAD_REQUEST' },
      { payload: { url: 'not a url' }, code: 'E_BAD_REQUEST' },
      { payload: { url: receiver.url, secret: 'short' }, code: 'E_BAD_REQUEST' },
      { payload: { url: receiver.url, extra: 1 }, code: 'E_BAD_REQUEST' },
    ];
    for (const c of cases) {
      const res = await server.app.inject({ method: 'POST', url: '/api/office/webhooks', headers: admin.headers, payload: c.payload });
      expect(res.statusCode, JSON.stringify(c.payload)).toBe(400);
      expect(res.json().error.code).toBe(c.code);
    }
    const unknown = await server.app.inject({ method: 'POST', url: '/api/office/webhooks/deliveries/nope/replay', headers: admin.headers });
    expect(unknown.statusCode).toBe(404);
    const badStatus = await server.app.inject({ method: 'GET', url: `/api/office/webhooks/${hook.id}/deliveries?status=lost`, headers: admin.headers });
    expect(badStatus.statusCode).toBe(400);
    const changes = await getJson(server, '/api/office/audit?action=webhook_change', admin.headers);
    expect((changes.body.entries as { detail: { change: string } }[]).map((e) => e.detail.change)).toContain('update');
  });
});

// Webhook destinations: loopback, private, link-local, CGNAT, unspecified and metadata addresses and plain http refused at registration and (resolved once, pinned) at delivery; the allow-list; the timestamped signature. No traffic leaves 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkWebhookUrl, parseWebhookAllowList, resolveWebhookDestination, type WebhookResolver } from '../../sync-server/src/office/webhook-destination.ts';
import { sendWebhookEvent } from '../../sync-server/src/office/webhook-send.ts';
import { signWebhookBody, verifyWebhookSignature } from '../../sync-server/src/office/webhook-signature.ts';
import type { WebhookEvent } from '../../src/protocol/office/webhook-event.ts';
import { storeDigest } from '../sync-server/store-digest.ts';
import { startTestServer, type LoggedIn, type TestServer } from '../sync-server/test-server.ts';
import { startReceiver, type Receiver } from './webhook-receiver.ts';

const NO_ALLOW = parseWebhookAllowList(undefined);

/** A resolver that answers from a table and counts its calls; a name not in the table fails like NXDOMAIN. */
function stubResolver(table: Record<string, string[]>): WebhookResolver & { calls: string[] } {
  const calls: string[] = [];
  const resolve = (async (host: string) => {
    calls.push(host);
    const addresses = table[host];
    if (!addresses) throw new Error(`getaddrinfo ENOTFOUND ${host}`);
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  }) as WebhookResolver & { calls: string[] };
  resolve.calls = calls;
  return resolve;
}

const REFUSED_LITERALS = [
  'http://127.0.0.1:5432/', 'https://127.0.0.1/', 'https://10.0.0.5/hook', 'https://172.16.1.1/', 'https://192.168.1.10/',
  'https://169.254.169.254/latest/meta-data/', 'https://169.254.1.1/', 'https://100.64.0.1/', 'https://0.0.0.0/',
  'https://[::1]/', 'https://[fe80::1]/', 'https://[fd00:ec2::254]/', 'https://[fc00::1]/', 'https://[::]/', 'https://[::ffff:127.0.0.1]/',
  'https://localhost/', 'https://api.localhost/', 'http://hooks.example.com/', 'https://user:pw@hooks.example.com/',
];

describe('checkWebhookUrl (registration)', () => {
  it.each(REFUSED_LITERALS)('refuses %s', (url) => {
    expect(checkWebhookUrl(url, NO_ALLOW).ok).toBe(false);
  });

  it('accepts https to a public literal or to a host name (judged at delivery)', () => {
    expect(checkWebhookUrl('https://203.0.113.1/hook', NO_ALLOW).ok).toBe(false); // TEST-NET-3 is reserved
    expect(checkWebhookUrl('https://8.8.8.8/hook', NO_ALLOW)).toEqual({ ok: true });
    expect(checkWebhookUrl('https://[2001:4860::8888]/hook', NO_ALLOW)).toEqual({ ok: true });
    expect(checkWebhookUrl('https://hooks.example.com/genba', NO_ALLOW)).toEqual({ ok: true });
  });

  it('GENBA_WEBHOOK_ALLOW lets on-premise receivers in, http included', () => {
    const allow = parseWebhookAllowList('10.20.0.0/16, kikan.city.local 127.0.0.1');
    expect(checkWebhookUrl('http://10.20.3.4:8080/hook', allow)).toEqual({ ok: true });
    expect(checkWebhookUrl('http://kikan.city.local/hook', allow)).toEqual({ ok: true });
    expect(checkWebhookUrl('http://127.0.0.1:9000/hook', allow)).toEqual({ ok: true });
    expect(checkWebhookUrl('http://10.21.0.1/hook', allow).ok).toBe(false);
    expect(() => parseWebhookAllowList('10.0.0.0/99')).toThrow(/E_CONFIG_WEBHOOK_ALLOW/);
  });
});

describe('resolveWebhookDestination (delivery)', () => {
  it('refuses a name that resolves to a refused address, even one of several', async () => {
    const resolve = stubResolver({ 'rebind.example.com': ['127.0.0.1'], 'mixed.example.com': ['8.8.8.8', '10.0.0.1'], 'meta.example.com': ['169.254.169.254'] });
    for (const host of ['rebind.example.com', 'mixed.example.com', 'meta.example.com']) {
      const result = await resolveWebhookDestination(`https://${host}/hook`, NO_ALLOW, resolve);
      expect(result.ok, host).toBe(false);
    }
    expect((await resolveWebhookDestination('https://nowhere.example.com/', NO_ALLOW, resolve)).ok).toBe(false);
  });

  it('answers the one address the request will use; an allow-listed name or range passes', async () => {
    const resolve = stubResolver({ 'hooks.example.com': ['8.8.4.4'], 'kikan.city.local': ['10.20.0.9'], 'inner.city.local': ['10.20.0.10'] });
    expect(await resolveWebhookDestination('https://hooks.example.com/', NO_ALLOW, resolve)).toEqual({ ok: true, address: { address: '8.8.4.4', family: 4 } });
    const allow = parseWebhookAllowList('kikan.city.local,10.20.0.10/32');
    expect((await resolveWebhookDestination('http://kikan.city.local/', allow, resolve)).ok).toBe(true);
    expect((await resolveWebhookDestination('https://inner.city.local/', allow, resolve)).ok).toBe(true);
    expect((await resolveWebhookDestination('https://kikan.city.local/', NO_ALLOW, resolve)).ok).toBe(false);
  });
});

describe('sendWebhookEvent', () => {
  let receiver: Receiver;
  const event = { id: 'w:1', cursor: 1 } as WebhookEvent;
  const now = () => new Date();
  beforeAll(async () => {
    receiver = await startReceiver(() => 200);
  });
  afterAll(async () => {
    await receiver.close();
  });

  it('connects to the address resolved once (a second DNS answer cannot move it), signs with a timestamp', async () => {
    const port = new URL(receiver.url).port;
    const resolve = stubResolver({ 'receiver.test': ['127.0.0.1'] });
    const result = await sendWebhookEvent(`http://receiver.test:${port}/hook`, 'secret-secret-1234', event, { timeoutMs: 2000, allow: parseWebhookAllowList('receiver.test'), now, resolve });
    expect(result).toEqual({ ok: true, status: 200, error: null });
    expect(resolve.calls).toEqual(['receiver.test']);
    const got = receiver.received.at(-1)!;
    expect(got.headers.host).toBe(`receiver.test:${port}`);
    expect(got.headers['x-genba-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature('secret-secret-1234', got.body, got.headers['x-genba-signature'] as string)).toBe(true);
  });

  it('refuses a name resolving to loopback without connecting', async () => {
    const before = receiver.received.length;
    const port = new URL(receiver.url).port;
    const resolve = stubResolver({ 'evil.example.com': ['127.0.0.1'] });
    const result = await sendWebhookEvent(`https://evil.example.com:${port}/hook`, 'secret-secret-1234', event, { timeoutMs: 2000, allow: NO_ALLOW, now, resolve });
    expect(result.ok).toBe(false);
    expect(result.status).toBeNull();
    expect(result.error).toMatch(/^E_WEBHOOK_DESTINATION: .*loopback/);
    expect(receiver.received.length).toBe(before);
  });
});

describe('the signature', () => {
  const body = '{"id":"w:1"}';
  const t = 1_765_000_000;
  it('verifies within 5 minutes either way and refuses replays, tampering and the old untimed format', () => {
    const header = signWebhookBody('s3cret-s3cret-s3cret', body, t);
    expect(header).toMatch(/^t=1765000000,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature('s3cret-s3cret-s3cret', body, header, { nowSeconds: t + 299 })).toBe(true);
    expect(verifyWebhookSignature('s3cret-s3cret-s3cret', body, header, { nowSeconds: t - 299 })).toBe(true);
    expect(verifyWebhookSignature('s3cret-s3cret-s3cret', body, header, { nowSeconds: t + 301 })).toBe(false);
    expect(verifyWebhookSignature('s3cret-s3cret-s3cret', body, header, { nowSeconds: t - 301 })).toBe(false);
    expect(verifyWebhookSignature('s3cret-s3cret-s3cret', `${body} `, header, { nowSeconds: t })).toBe(false);
    expect(verifyWebhookSignature('other-secret-other', body, header, { nowSeconds: t })).toBe(false);
    const moved = header.replace(`t=${t}`, `t=${t + 100}`);
    expect(verifyWebhookSignature('s3cret-s3cret-s3cret', body, moved, { nowSeconds: t + 100 })).toBe(false);
    expect(verifyWebhookSignature('s3cret-s3cret-s3cret', body, `sha256=${header.split('v1=')[1]}`, { nowSeconds: t })).toBe(false);
  });
});

describe('registration through the API', () => {
  let server: TestServer;
  let admin: LoggedIn;
  beforeAll(async () => {
    server = await startTestServer({ webhooks: { enabled: false, pollMs: 1000, baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 1, timeoutMs: 1000, allow: NO_ALLOW } });
    admin = await server.login('admin');
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers 400 E_WEBHOOK_DESTINATION for a refused literal or http, and stores nothing', async () => {
    const before = storeDigest(server.dbFile);
    for (const url of ['http://127.0.0.1:5432/', 'https://169.254.169.254/', 'https://[fd00:ec2::254]/', 'https://10.0.0.1/', 'http://hooks.example.com/']) {
      const res = await server.app.inject({ method: 'POST', url: '/api/office/webhooks', headers: admin.headers, payload: { url } });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code).toBe('E_WEBHOOK_DESTINATION');
    }
    expect(storeDigest(server.dbFile)).toBe(before);
  });

  it('refuses the same on update', async () => {
    const created = await server.app.inject({ method: 'POST', url: '/api/office/webhooks', headers: admin.headers, payload: { url: 'https://hooks.example.com/genba' } });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().webhook.id as string;
    const res = await server.app.inject({ method: 'PATCH', url: `/api/office/webhooks/${id}`, headers: admin.headers, payload: { url: 'https://192.168.0.1/' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('E_WEBHOOK_DESTINATION');
  });
});

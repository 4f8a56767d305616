// A push body over the 1 MiB limit is read and refused with 413 E_TOO_LARGE: the client gets the answer, never a reset connection.
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainRequest, DRAIN_MAX_BYTES } from '../../sync-server/src/http/drain-body.ts';
import { startTestServer, type LoggedIn, type TestServer } from './test-server.ts';

const MIB = 1024 * 1024;
const CHUNK = 64 * 1024;
let server: TestServer;
let port: number;
let device: LoggedIn;

beforeAll(async () => {
  server = await startTestServer();
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  port = (server.app.server.address() as { port: number }).port;
  device = await server.login('surveyor');
});
afterAll(async () => {
  await server.close();
});

function drainedOrClosed(req: ClientRequest): Promise<void> {
  return new Promise((resolve) => {
    const done = () => { req.off('drain', done); req.off('close', done); resolve(); };
    req.on('drain', done);
    req.on('close', done);
  });
}

interface RawOutcome {
  status: number;
  body: string;
}

/**
 * Sends `size` bytes of a JSON push body in 64 KiB writes, as a slow tablet would, and resolves with the full answer.
 * Rejects on any socket error (ECONNRESET, EPIPE), and when the server closed before taking the whole body: a
 * fetch-based client reports that as a failed request even when the 413 had already arrived.
 */
function sendRaw(size: number, mode: 'content-length' | 'chunked'): Promise<RawOutcome> {
  const head = `{"protocolVersion":2,"deviceId":"${device.deviceId}","ops":[],"padding":"`;
  const tail = '"}';
  const body = Buffer.alloc(size, 'x');
  body.write(head, 0);
  body.write(tail, size - tail.length);
  const headers: Record<string, string> = { ...device.headers, 'content-type': 'application/json' };
  if (mode === 'content-length') headers['content-length'] = String(size);
  else headers['transfer-encoding'] = 'chunked';
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/api/sync/push', headers, agent: false });
    let answer: RawOutcome | null = null;
    let failure: Error | null = null;
    let flushed = 0;
    req.on('error', (error) => { failure ??= error; });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', (error) => { failure ??= error; });
      res.on('end', () => { answer = { status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }; });
    });
    // The socket is gone either way once the exchange is over: judge it then.
    req.on('close', () => {
      if (failure) reject(failure);
      else if (!answer) reject(new Error('connection closed without a complete answer'));
      else if (flushed < size) reject(new Error(`connection closed after ${flushed} of ${size} bytes were sent (answer ${answer.status})`));
      else resolve(answer);
    });
    const write = async () => {
      for (let offset = 0; offset < size && !req.destroyed; offset += CHUNK) {
        const chunk = body.subarray(offset, Math.min(size, offset + CHUNK));
        if (!req.write(chunk, (error) => { if (!error) flushed += chunk.length; })) await drainedOrClosed(req);
        // A tablet's uplink is slow: the server answers while most of the body is still on its way.
        await new Promise((r) => setTimeout(r, 2));
      }
      if (!req.destroyed) req.end();
    };
    write().catch((error: Error) => { failure ??= error; req.destroy(); });
  });
}

describe('a body over 1 MiB is drained and refused with 413 E_TOO_LARGE', () => {
  for (const mode of ['content-length', 'chunked'] as const) {
    it(`answers a 2 MiB push sent with ${mode} with the 413 JSON, five times in a row`, async () => {
      for (let round = 0; round < 5; round++) {
        const outcome = await sendRaw(2 * MIB, mode);
        expect(outcome.status).toBe(413);
        expect(JSON.parse(outcome.body).error.code).toBe('E_TOO_LARGE');
      }
    });
  }

  it('does not wait for a body announced larger than the drain budget: it answers 413 at once and closes', async () => {
    const answer = await new Promise<RawOutcome>((resolve, reject) => {
      const headers = { ...device.headers, 'content-type': 'application/json', 'content-length': String(DRAIN_MAX_BYTES + 1) };
      const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/api/sync/push', headers, agent: false });
      req.on('error', () => undefined);
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => { resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }); req.destroy(); });
        res.on('error', reject);
      });
      // Only the first 64 KiB are ever sent: the answer must not depend on the rest.
      req.write(Buffer.alloc(CHUNK, 'x'));
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.code).toBe('E_TOO_LARGE');
  });
});

describe('drainRequest is bounded', () => {
  /** A request stand-in: a stream that never ends by itself, with the fields drainRequest reads. */
  function endlessRequest(): IncomingMessage {
    const stream = new Readable({ read() {} }) as unknown as IncomingMessage;
    Object.assign(stream, { complete: false, headers: {} });
    return stream;
  }

  it('cuts off a client that keeps sending past the byte budget', async () => {
    const req = endlessRequest();
    const outcome = drainRequest(req, { maxBytes: 1000, maxMs: 10_000 });
    for (let i = 0; i < 3; i++) (req as unknown as Readable).push(Buffer.alloc(400));
    expect(await outcome).toBe('cut');
  });

  it('cuts off a client that drips bytes past the time budget', async () => {
    const req = endlessRequest();
    const started = Date.now();
    const outcome = drainRequest(req, { maxBytes: 1000, maxMs: 50 });
    (req as unknown as Readable).push(Buffer.alloc(10));
    expect(await outcome).toBe('cut');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('reports a body that ends within the budget as drained', async () => {
    const req = endlessRequest();
    const outcome = drainRequest(req, { maxBytes: 1000, maxMs: 10_000 });
    (req as unknown as Readable).push(Buffer.alloc(999));
    (req as unknown as Readable).push(null);
    expect(await outcome).toBe('drained');
  });
});

// Test helper: a real webhook receiver on 127.0.0.1:0 that answers each request from a script (e.g. fail twice, then succeed) and records what it got.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  body: string;
  headers: IncomingMessage['headers'];
  /** The status the receiver answered. */
  answered: number;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Status for the next request (index = number of requests so far). */
  statusFor: (index: number) => number;
  close(): Promise<void>;
}

export async function startReceiver(statusFor: (index: number) => number): Promise<Receiver> {
  const received: Received[] = [];
  const receiver = { received, statusFor } as Receiver;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const answered = receiver.statusFor(received.length);
      received.push({ body: Buffer.concat(chunks).toString('utf8'), headers: req.headers, answered });
      res.writeHead(answered, { 'content-type': 'text/plain' }).end(answered < 300 ? 'ok' : 'not now');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  receiver.close = () => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return receiver;
}

/** Waits (bounded) until `done()` holds; the test then asserts on content, never on time. */
export async function until(done: () => boolean | Promise<boolean>, what: string, maxTries = 400): Promise<void> {
  for (let i = 0; i < maxTries; i++) {
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`gave up waiting for ${what}`);
}

// One delivery attempt of a webhook event: a signed JSON POST to the address resolved and checked once, with a timeout; only a 2xx answer counts as delivered.
import { lookup as dnsLookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { WEBHOOK_HEADERS, type WebhookEvent } from '../../../src/protocol/office/webhook-event.ts';
import { resolveWebhookDestination, type ResolvedAddress, type WebhookAllowList, type WebhookResolver } from './webhook-destination.ts';
import { signWebhookBody } from './webhook-signature.ts';

export interface SendResult {
  ok: boolean;
  /** HTTP status, null when no answer came (timeout, refused connection, bad or refused address). */
  status: number | null;
  error: string | null;
}

export interface SendOptions {
  timeoutMs: number;
  allow: WebhookAllowList;
  /** The signature's timestamp. */
  now: () => Date;
  /** Tests pass a stub; the default asks the system resolver for every address. */
  resolve?: WebhookResolver;
  stop?: AbortSignal;
}

export const systemResolver: WebhookResolver = async (host) =>
  (await dnsLookup(host, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

/** A lookup that answers the already checked address whatever the name, so the socket cannot reach another one. */
function pinnedLookup(pinned: ResolvedAddress): LookupFunction {
  return ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address: pinned.address, family: pinned.family }]);
    else callback(null, pinned.address, pinned.family);
  }) as unknown as LookupFunction;
}

export async function sendWebhookEvent(url: string, secret: string, event: WebhookEvent, options: SendOptions): Promise<SendResult> {
  const destination = await resolveWebhookDestination(url, options.allow, options.resolve ?? systemResolver);
  if (!destination.ok) return { ok: false, status: null, error: `E_WEBHOOK_DESTINATION: ${destination.reason}`.slice(0, 500) };
  const body = JSON.stringify(event);
  const signals = [AbortSignal.timeout(options.timeoutMs), ...(options.stop ? [options.stop] : [])];
  const target = new URL(url);
  const requestOptions: RequestOptions = {
    method: 'POST',
    lookup: pinnedLookup(destination.address),
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      'user-agent': 'genba-webhooks/1',
      [WEBHOOK_HEADERS.signature]: signWebhookBody(secret, body, Math.floor(options.now().getTime() / 1000)),
      [WEBHOOK_HEADERS.eventId]: event.id,
      [WEBHOOK_HEADERS.cursor]: String(event.cursor),
    },
    signal: AbortSignal.any(signals),
  };
  try {
    // A redirect is an answer we do not follow (node:http never does): the receiver must be configured with its final URL.
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = (target.protocol === 'https:' ? httpsRequest : httpRequest)(target, requestOptions, resolve);
      req.on('error', reject);
      req.end(body);
    });
    // Free the connection without reading an arbitrarily large answer.
    res.destroy();
    const status = res.statusCode ?? 0;
    const ok = status >= 200 && status < 300;
    return { ok, status, error: ok ? null : `HTTP ${status}` };
  } catch (err) {
    const error = err as Error;
    const reason = signals[0]!.aborted ? `timed out after ${options.timeoutMs} ms` : error.message;
    return { ok: false, status: null, error: String(reason).slice(0, 500) };
  }
}

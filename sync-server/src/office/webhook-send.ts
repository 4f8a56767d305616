// One delivery attempt of a webhook event: a signed JSON POST with a timeout; only a 2xx answer counts as delivered.
import { WEBHOOK_HEADERS, type WebhookEvent } from '../../../src/protocol/office/webhook-event.ts';
import { signWebhookBody } from './webhook-signature.ts';

export interface SendResult {
  ok: boolean;
  /** HTTP status, null when no answer came (timeout, refused connection, bad address). */
  status: number | null;
  error: string | null;
}

export async function sendWebhookEvent(url: string, secret: string, event: WebhookEvent, timeoutMs: number, stop?: AbortSignal): Promise<SendResult> {
  const body = JSON.stringify(event);
  const signals = [AbortSignal.timeout(timeoutMs), ...(stop ? [stop] : [])];
  try {
    const res = await fetch(url, {
      method: 'POST',
      // A redirect is an answer we do not follow: the receiver must be configured with its final URL.
      redirect: 'manual',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'genba-webhooks/1',
        [WEBHOOK_HEADERS.signature]: signWebhookBody(secret, body),
        [WEBHOOK_HEADERS.eventId]: event.id,
        [WEBHOOK_HEADERS.cursor]: String(event.cursor),
      },
      body,
      signal: AbortSignal.any(signals),
    });
    // Free the connection without reading an arbitrarily large answer.
    await res.body?.cancel().catch(() => {});
    const ok = res.status >= 200 && res.status < 300;
    return { ok, status: res.status, error: ok ? null : `HTTP ${res.status}` };
  } catch (err) {
    const error = err as Error;
    const reason = error.name === 'TimeoutError' ? `timed out after ${timeoutMs} ms` : (error.cause as Error | undefined)?.message ?? error.message;
    return { ok: false, status: null, error: String(reason).slice(0, 500) };
  }
}

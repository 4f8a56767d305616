// The webhook signature: "sha256=" + lower-case hex HMAC-SHA256 of the raw request body with the webhook's secret.
import { createHmac, timingSafeEqual } from 'node:crypto';

export function signWebhookBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** What a receiver does (constant-time); used by the tests and shown in docs/PROTOCOL.md. */
export function verifyWebhookSignature(secret: string, body: string, header: string | undefined): boolean {
  if (typeof header !== 'string') return false;
  const expected = Buffer.from(signWebhookBody(secret, body));
  const actual = Buffer.from(header);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

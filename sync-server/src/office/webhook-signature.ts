// The webhook signature header "t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>" and the reference verifier with its replay tolerance.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a delivery's timestamp may be from the receiver's clock: older deliveries are replays, refused. */
export const WEBHOOK_SIGNATURE_TOLERANCE_SECONDS = 300;

function hmacHex(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

/** The header value for `body` sent at `timestamp` (unix seconds). */
export function signWebhookBody(secret: string, body: string, timestamp: number): string {
  return `t=${timestamp},v1=${hmacHex(secret, timestamp, body)}`;
}

export interface VerifyOptions {
  /** The receiver's clock (unix seconds); default now. */
  nowSeconds?: number;
  toleranceSeconds?: number;
}

/**
 * What a receiver does: parse t and every v1 (a later key rotation may send several), refuse a timestamp outside the
 * tolerance either way, compare in constant time. Used by the tests and shown in docs/PROTOCOL.md.
 */
export function verifyWebhookSignature(secret: string, body: string, header: string | undefined, options: VerifyOptions = {}): boolean {
  if (typeof header !== 'string' || header.length > 2000) return false;
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't' && value !== undefined && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && value !== undefined && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  if (timestamp === null || signatures.length === 0) return false;
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? WEBHOOK_SIGNATURE_TOLERANCE_SECONDS)) return false;
  const expected = Buffer.from(hmacHex(secret, timestamp, body), 'hex');
  return signatures.some((s) => timingSafeEqual(Buffer.from(s, 'hex'), expected));
}

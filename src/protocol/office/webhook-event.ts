// The body a webhook receives: one hand-off change, with an id that stays the same on every retry and replay.
import { z } from 'zod';
import { HandoffChangeSchema } from './handoff.ts';

export const WebhookEventSchema = HandoffChangeSchema.extend({
  /** "<webhookId>:<cursor>": the receiver ignores an id it has already processed (delivery is at least once). */
  id: z.string(),
});

export type WebhookEvent = z.infer<typeof WebhookEventSchema>;

/**
 * Headers of every delivery. The signature is "t=<unix seconds>,v1=<lower-case hex HMAC-SHA256(secret, t + '.' + raw body)>";
 * receivers refuse a t more than 5 minutes from their clock (sync-server/src/office/webhook-signature.ts).
 */
export const WEBHOOK_HEADERS = {
  signature: 'x-genba-signature',
  eventId: 'x-genba-event-id',
  cursor: 'x-genba-cursor',
} as const;

// A webhook delivery as the admin sees it (delivered, dead-lettered after the last attempt, or replayed), and the list query.
import { z } from 'zod';
import { SeqSchema } from '../common.ts';
import { limitParam } from './query-values.ts';

export const DELIVERY_STATUSES = ['delivered', 'dead', 'replayed'] as const;

export const WebhookDeliverySchema = z.strictObject({
  /** The event id: "<webhookId>:<cursor>". */
  id: z.string(),
  webhookId: z.string(),
  cursor: SeqSchema,
  recordId: z.string(),
  revision: z.number().int().min(1),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int().min(0),
  /** HTTP status of the last attempt (null: no answer, e.g. a timeout or a refused connection). */
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const DeliveryListQuerySchema = z.strictObject({
  status: z.enum(DELIVERY_STATUSES).optional(),
  limit: limitParam(100, 500),
});

export const DeliveryListResponseSchema = z.strictObject({ deliveries: z.array(WebhookDeliverySchema) });

export const ReplayResponseSchema = z.strictObject({
  /** Whether the receiver accepted the event this time (2xx). */
  ok: z.boolean(),
  delivery: WebhookDeliverySchema,
});

export type WebhookDeliveryMessage = z.infer<typeof WebhookDeliverySchema>;
export type DeliveryListQuery = z.infer<typeof DeliveryListQuerySchema>;

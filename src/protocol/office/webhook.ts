// Webhooks as the admin manages them: the listed shape (secret never shown again), the create and update requests.
import { z } from 'zod';
import { SeqSchema } from '../common.ts';

const WebhookUrlSchema = z.url({ protocol: /^https?$/ }).max(2000);

export const WebhookSchema = z.strictObject({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  active: z.boolean(),
  /** The last hand-off cursor handled (delivered or dead-lettered). */
  cursor: SeqSchema,
  createdBy: z.string(),
  createdAt: z.string(),
});

export const CreateWebhookRequestSchema = z.strictObject({
  url: WebhookUrlSchema,
  description: z.string().max(500).optional(),
  /** The signing secret (16–200 characters); the server makes one when absent. */
  secret: z.string().min(16).max(200).optional(),
  /** Start after this hand-off cursor (default 0: every approved revision so far). */
  cursor: SeqSchema.optional(),
});

export const UpdateWebhookRequestSchema = z.strictObject({
  url: WebhookUrlSchema.optional(),
  description: z.string().max(500).optional(),
  active: z.boolean().optional(),
});

export const CreateWebhookResponseSchema = z.strictObject({
  webhook: WebhookSchema,
  /** Shown once. */
  secret: z.string(),
});

export const WebhookListResponseSchema = z.strictObject({ webhooks: z.array(WebhookSchema) });

export type WebhookMessage = z.infer<typeof WebhookSchema>;
export type CreateWebhookRequest = z.infer<typeof CreateWebhookRequestSchema>;
export type UpdateWebhookRequest = z.infer<typeof UpdateWebhookRequestSchema>;

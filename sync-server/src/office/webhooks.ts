// Webhook administration: create (secret shown once), update, list without secrets, deliveries and replay of a dead one; every change audited in its transaction.
import { randomBytes, randomUUID } from 'node:crypto';
import type { CreateWebhookRequest, UpdateWebhookRequest, WebhookMessage } from '../../../src/protocol/office/webhook.ts';
import type { WebhookDeliveryMessage } from '../../../src/protocol/office/webhook-delivery.ts';
import { HttpError } from '../http/errors.ts';
import type { SyncStore, WebhookDeliveryRow, WebhookRow } from '../storage/sync-store.ts';
import { auditEntry, type AuditContext } from './audit-context.ts';
import { checkWebhookUrl, type WebhookAllowList, type WebhookResolver } from './webhook-destination.ts';
import { webhookEventOf } from './webhook-events.ts';
import { sendWebhookEvent } from './webhook-send.ts';

export function toWebhookMessage(row: WebhookRow): WebhookMessage {
  return { id: row.id, url: row.url, description: row.description, active: row.active, cursor: row.cursor, createdBy: row.createdBy, createdAt: row.createdAt };
}

export function toDeliveryMessage(row: WebhookDeliveryRow): WebhookDeliveryMessage {
  return { ...row };
}

/** Refuses at registration what delivery would refuse anyway: a non-https URL or a literal address in a refused range. */
function requireAllowedUrl(url: string, allow: WebhookAllowList): void {
  const check = checkWebhookUrl(url, allow);
  if (!check.ok) throw new HttpError('E_WEBHOOK_DESTINATION', `The webhook URL is refused: ${check.reason}.`);
}

export async function createWebhook(store: SyncStore, request: CreateWebhookRequest, creatorId: string, audit: AuditContext, at: string, allow: WebhookAllowList): Promise<{ webhook: WebhookMessage; secret: string }> {
  requireAllowedUrl(request.url, allow);
  const secret = request.secret ?? `whsec_${randomBytes(32).toString('base64url')}`;
  const row: WebhookRow = {
    id: randomUUID(), url: request.url, secret, description: request.description ?? '', active: true,
    cursor: request.cursor ?? 0, createdBy: creatorId, createdAt: at,
  };
  await store.transaction(async (tx) => {
    await tx.putWebhook(row);
    await tx.appendAudit([auditEntry(audit, 'webhook_change', null, { webhookId: row.id, change: 'create', url: row.url, cursor: row.cursor }, at)]);
  });
  return { webhook: toWebhookMessage(row), secret };
}

export async function updateWebhook(store: SyncStore, id: string, request: UpdateWebhookRequest, audit: AuditContext, at: string, allow: WebhookAllowList): Promise<WebhookMessage> {
  if (request.url !== undefined) requireAllowedUrl(request.url, allow);
  return store.transaction(async (tx) => {
    const row = await tx.getWebhook(id);
    if (!row) throw new HttpError('E_NOT_FOUND', `No webhook ${id}.`);
    const next: WebhookRow = {
      ...row,
      ...(request.url !== undefined ? { url: request.url } : {}),
      ...(request.description !== undefined ? { description: request.description } : {}),
      ...(request.active !== undefined ? { active: request.active } : {}),
    };
    await tx.putWebhook(next);
    await tx.appendAudit([auditEntry(audit, 'webhook_change', null, { webhookId: id, change: 'update', ...request }, at)]);
    return toWebhookMessage(next);
  });
}

export async function listWebhookMessages(store: SyncStore): Promise<WebhookMessage[]> {
  return (await store.transaction((tx) => tx.listWebhooks())).map(toWebhookMessage);
}

export async function listDeliveryMessages(store: SyncStore, webhookId: string, filter: { status?: WebhookDeliveryRow['status']; limit: number }): Promise<WebhookDeliveryMessage[]> {
  return store.transaction(async (tx) => {
    if (!(await tx.getWebhook(webhookId))) throw new HttpError('E_NOT_FOUND', `No webhook ${webhookId}.`);
    return (await tx.listDeliveries({ webhookId, ...filter })).map(toDeliveryMessage);
  });
}

export interface ReplayDeps {
  store: SyncStore;
  now: () => Date;
  timeoutMs: number;
  allow: WebhookAllowList;
  resolve?: WebhookResolver;
}

/** Sends a dead-lettered event once more, now: 'replayed' when the receiver takes it, still 'dead' (one attempt more) when not. */
export async function replayDelivery(deps: ReplayDeps, deliveryId: string, audit: AuditContext): Promise<{ ok: boolean; delivery: WebhookDeliveryMessage }> {
  const found = await deps.store.transaction(async (tx) => {
    const delivery = await tx.getDelivery(deliveryId);
    if (!delivery) throw new HttpError('E_NOT_FOUND', `No delivery ${deliveryId}.`);
    if (delivery.status !== 'dead') throw new HttpError('E_DELIVERY_STATE');
    const webhook = await tx.getWebhook(delivery.webhookId);
    const revision = (await tx.listRevisions(delivery.recordId)).find((r) => r.revision === delivery.revision);
    if (!webhook || !revision) throw new HttpError('E_NOT_FOUND', 'The webhook or the revision of this delivery no longer exists.');
    return { webhook, revision };
  });
  const event = webhookEventOf(found.webhook.id, found.revision);
  const result = await sendWebhookEvent(found.webhook.url, found.webhook.secret, event, { timeoutMs: deps.timeoutMs, allow: deps.allow, now: deps.now, resolve: deps.resolve });
  const at = deps.now().toISOString();
  return deps.store.transaction(async (tx) => {
    const current = await tx.getDelivery(deliveryId);
    if (!current) throw new HttpError('E_NOT_FOUND', `No delivery ${deliveryId}.`);
    const updated: WebhookDeliveryRow = {
      ...current, status: result.ok ? 'replayed' : current.status, attempts: current.attempts + 1,
      lastStatus: result.status, lastError: result.error, updatedAt: at,
    };
    await tx.putDelivery(updated);
    await tx.appendAudit([auditEntry(audit, 'webhook_replay', current.recordId, { deliveryId, webhookId: current.webhookId, ok: result.ok, status: result.status }, at)]);
    return { ok: result.ok, delivery: toDeliveryMessage(updated) };
  });
}

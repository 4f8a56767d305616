// The event a webhook receives for one approved revision, and the delivery row that records what happened to it.
import type { WebhookEvent } from '../../../src/protocol/office/webhook-event.ts';
import type { RevisionRow, WebhookDeliveryRow } from '../storage/sync-store.ts';
import { toHandoffChange } from './handoff-feed.ts';

export function eventId(webhookId: string, cursor: number): string {
  return `${webhookId}:${cursor}`;
}

export function webhookEventOf(webhookId: string, row: RevisionRow): WebhookEvent {
  const change = toHandoffChange(row);
  return { id: eventId(webhookId, change.cursor), ...change };
}

export function deliveryRowOf(event: WebhookEvent, webhookId: string, outcome: Pick<WebhookDeliveryRow, 'status' | 'attempts' | 'lastStatus' | 'lastError'>, at: string): WebhookDeliveryRow {
  return {
    id: event.id, webhookId, cursor: event.cursor, recordId: event.recordId, revision: event.revision,
    ...outcome, createdAt: at, updatedAt: at,
  };
}

// Delivers the hand-off feed to every active webhook, in cursor order per webhook: retries with backoff, dead-letters after the last attempt and moves on.
import type { WebhookConfig } from '../config.ts';
import type { SyncStore, WebhookDeliveryRow, WebhookRow } from '../storage/sync-store.ts';
import { retryDelayMs } from './webhook-backoff.ts';
import { deliveryRowOf, webhookEventOf } from './webhook-events.ts';
import type { WebhookResolver } from './webhook-destination.ts';
import { sendWebhookEvent } from './webhook-send.ts';

export interface DispatcherLog {
  warn(details: object, message: string): void;
}

export interface DispatcherDeps {
  store: SyncStore;
  now: () => Date;
  config: WebhookConfig;
  log: DispatcherLog;
  random?: () => number;
  /** Tests stub the resolver; the default is the system's. */
  resolve?: WebhookResolver;
}

/** Approved revisions read per store round trip. */
const PAGE = 50;

type Outcome = Pick<WebhookDeliveryRow, 'status' | 'attempts' | 'lastStatus' | 'lastError'>;

/**
 * One dispatcher per database (GENBA_WEBHOOKS=off elsewhere). The webhook's cursor moves only after the event's
 * outcome is stored, in the same transaction: a crash in between re-sends the event (at least once; receivers
 * deduplicate by event id). A webhook holds its own queue while it retries, so events arrive in cursor order.
 */
export class WebhookDispatcher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private readonly stopController = new AbortController();

  constructor(private readonly deps: DispatcherDeps) {}

  start(): void {
    this.schedule(0);
  }

  /** Stops polling, interrupts waits and requests in flight, and resolves when the current pass has ended. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopController.abort();
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One pass: every active webhook is delivered up to the end of the feed. */
  async runOnce(): Promise<void> {
    const webhooks = await this.deps.store.transaction((tx) => tx.listWebhooks());
    await Promise.all(webhooks.filter((w) => w.active).map((w) => this.drain(w.id)));
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce()
        .catch((err: unknown) => this.deps.log.warn({ err }, 'webhook dispatch pass failed'))
        .finally(() => {
          this.running = null;
          this.schedule(this.deps.config.pollMs);
        });
    }, delayMs);
    this.timer.unref();
  }

  private async drain(webhookId: string): Promise<void> {
    while (!this.stopped) {
      const { webhook, rows } = await this.deps.store.transaction(async (tx) => {
        const current = await tx.getWebhook(webhookId);
        return { webhook: current, rows: current?.active ? await tx.listApprovedRevisions(current.cursor, PAGE) : [] };
      });
      if (!webhook || rows.length === 0) return;
      for (const row of rows) {
        // The admin may have changed the URL or secret, or paused the webhook, since the page was read.
        const current = await this.deps.store.transaction((tx) => tx.getWebhook(webhookId));
        if (this.stopped || !current?.active || current.cursor >= (row.approvedSeq ?? 0)) return;
        const event = webhookEventOf(webhookId, row);
        const outcome = await this.deliver(current, event);
        if (!outcome) return;
        const at = this.deps.now().toISOString();
        await this.deps.store.transaction(async (tx) => {
          const latest = await tx.getWebhook(webhookId);
          if (!latest) return;
          await tx.putDelivery(deliveryRowOf(event, webhookId, outcome, at));
          await tx.putWebhook({ ...latest, cursor: Math.max(latest.cursor, event.cursor) });
        });
        if (outcome.status === 'dead') this.deps.log.warn({ webhookId, eventId: event.id, lastError: outcome.lastError }, 'webhook event dead-lettered');
      }
    }
  }

  /** null when stopped before an outcome. */
  private async deliver(webhook: WebhookRow, event: ReturnType<typeof webhookEventOf>): Promise<Outcome | null> {
    const { config } = this.deps;
    let last = { status: null as number | null, error: null as string | null };
    for (let attempt = 1; attempt <= config.maxAttempts; attempt++) {
      const result = await sendWebhookEvent(webhook.url, webhook.secret, event, {
        timeoutMs: config.timeoutMs, allow: config.allow, now: this.deps.now, resolve: this.deps.resolve, stop: this.stopController.signal,
      });
      if (result.ok) return { status: 'delivered', attempts: attempt, lastStatus: result.status, lastError: null };
      if (this.stopped) return null;
      last = result;
      if (attempt < config.maxAttempts && !(await this.sleep(retryDelayMs(attempt, config, this.deps.random)))) return null;
    }
    return { status: 'dead', attempts: config.maxAttempts, lastStatus: last.status, lastError: last.error };
  }

  /** false when stopped while waiting. */
  private sleep(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      if (this.stopped) return resolve(false);
      const signal = this.stopController.signal;
      const onAbort = () => {
        clearTimeout(timer);
        resolve(false);
      };
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve(true);
      }, ms);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }
}

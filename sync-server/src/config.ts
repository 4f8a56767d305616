// Server configuration from the environment, parsed once at start-up.
import { resolve } from 'node:path';
import { parseWebhookAllowList, type WebhookAllowList } from './office/webhook-destination.ts';

export interface ServerConfig {
  port: number;
  host: string;
  /** Folder of the built PWA (vite build output). */
  staticDir: string;
  /** Folder for the embedded database (SQLite) and blobs. */
  dataDir: string;
  /** PostgreSQL connection string; when unset the embedded SQLite database in dataDir is used. */
  databaseUrl: string | undefined;
  /** Largest blob (photo, signature, tile package) a device may upload. */
  blobMaxBytes: number;
  /** How long a login token lets a device keep syncing (days). */
  tokenDays: number;
  /** Delivery of the hand-off feed to webhooks (sync-server/src/office/webhook-dispatcher.ts). */
  webhooks: WebhookConfig;
}

export interface WebhookConfig {
  /** Run the dispatcher in this process (GENBA_WEBHOOKS=off on all but one process sharing a database). */
  enabled: boolean;
  /** How often an idle dispatcher looks for new approvals. */
  pollMs: number;
  /** First retry delay; each further retry doubles it (with jitter), up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Attempts per event before it goes to the dead-letter list. */
  maxAttempts: number;
  /** One request's timeout. */
  timeoutMs: number;
  /**
   * GENBA_WEBHOOK_ALLOW: receivers the server may call although they are on a loopback, private or link-local address,
   * or over http (on-premise systems). Everything else must be https to a public address.
   */
  allow: WebhookAllowList;
}

const MIB = 1024 * 1024;

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number, code: string): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${code}: ${name} must be a positive integer, got "${raw}"`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`E_CONFIG_PORT: PORT must be 0–65535, got "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    staticDir: resolve(env.GENBA_STATIC_DIR ?? 'dist'),
    dataDir: resolve(env.GENBA_DATA_DIR ?? '.data'),
    databaseUrl: env.DATABASE_URL ? env.DATABASE_URL : undefined,
    blobMaxBytes: positiveInt(env, 'GENBA_BLOB_MAX_BYTES', 50 * MIB, 'E_CONFIG_BLOB_MAX_BYTES'),
    tokenDays: positiveInt(env, 'GENBA_TOKEN_DAYS', 30, 'E_CONFIG_TOKEN_DAYS'),
    webhooks: {
      enabled: env.GENBA_WEBHOOKS !== 'off',
      pollMs: positiveInt(env, 'GENBA_WEBHOOK_POLL_MS', 2000, 'E_CONFIG_WEBHOOK_POLL_MS'),
      baseDelayMs: positiveInt(env, 'GENBA_WEBHOOK_BASE_DELAY_MS', 2000, 'E_CONFIG_WEBHOOK_BASE_DELAY_MS'),
      maxDelayMs: positiveInt(env, 'GENBA_WEBHOOK_MAX_DELAY_MS', 5 * 60 * 1000, 'E_CONFIG_WEBHOOK_MAX_DELAY_MS'),
      maxAttempts: positiveInt(env, 'GENBA_WEBHOOK_MAX_ATTEMPTS', 10, 'E_CONFIG_WEBHOOK_MAX_ATTEMPTS'),
      timeoutMs: positiveInt(env, 'GENBA_WEBHOOK_TIMEOUT_MS', 10_000, 'E_CONFIG_WEBHOOK_TIMEOUT_MS'),
      allow: parseWebhookAllowList(env.GENBA_WEBHOOK_ALLOW),
    },
  };
}

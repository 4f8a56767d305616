// Server configuration from the environment, parsed once at start-up.
import { resolve } from 'node:path';
import { parseWebhookAllowList, type WebhookAllowList } from './office/webhook-destination.ts';
import { DEFAULT_SCRYPT_COST, type ScryptCost } from './auth/password.ts';
import { DEFAULT_TIME_ZONE, isTimeZone } from './office/local-time.ts';

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
  /** GENBA_ALLOW_SELF_APPROVAL=on: a reviewer may approve a record they own or edited (default off: four eyes). */
  allowSelfApproval: boolean;
  /** Who may store how much, and how long unfinished uploads and unreferenced blobs are kept (blobs/blob-sweep.ts). */
  blobs: BlobConfig;
  /** Demo mode (the quick start): demo accounts may be seeded. Off under NODE_ENV=production or GENBA_DEMO=off. */
  demo: boolean;
  /** Fastify's trustProxy (GENBA_TRUST_PROXY): false = the client address is the socket's; true, a hop count or a list of proxy addresses/CIDRs. */
  trustProxy: boolean | number | string[];
  /** Logins, sessions and password hashing (auth/). */
  auth: AuthConfig;
  /** GENBA_TIMEZONE (IANA name, default Asia/Tokyo): the zone of the times people read in exports (2026-12-05 08:00). */
  timeZone: string;
}

export interface AuthConfig {
  /** Supervisor and admin sessions: absolute lifetime and idle timeout (field tablets keep tokenDays). */
  officeSessionHours: number;
  officeIdleMinutes: number;
  /** Login limiter: attempts per window, per account name, per client address and in total (auth/login-limiter.ts). */
  loginWindowMinutes: number;
  loginMaxPerAccount: number;
  loginMaxPerAddress: number;
  loginMaxTotal: number;
  /** Password hashes computed at once (each scrypt at 2^17 holds 128 MiB); a login waits at most hashWaitMs for a slot. */
  hashConcurrency: number;
  hashWaitMs: number;
  /** The scrypt cost of new hashes and the target of rehash-on-login (not an environment setting: tests pass a cheap one). */
  passwordCost: ScryptCost;
}

export interface BlobConfig {
  /** Bytes one user may have stored (blobs they uploaded) plus in flight (declared lengths of unfinished uploads). */
  quotaBytes: number;
  /** An unfinished tus upload is removed this long after it was created. */
  uploadExpiryHours: number;
  /** A blob no record references is removed this long after it was stored, uploaded again or last dereferenced. */
  unreferencedGraceDays: number;
  /** How often the sweep runs (each run is bounded; the next one continues). */
  sweepMinutes: number;
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

/** "off"/"false"/"0" or unset: false; "on"/"true": true; a number: that many hops; else a comma list of addresses/CIDRs. */
function trustProxyFrom(raw: string | undefined): boolean | number | string[] {
  const text = (raw ?? '').trim();
  if (text === '' || /^(off|false|0)$/i.test(text)) return false;
  if (/^(on|true)$/i.test(text)) return true;
  if (/^\d+$/.test(text)) return Number(text);
  return text.split(',').map((part) => part.trim()).filter((part) => part !== '');
}

/** An IANA zone name the runtime knows (Asia/Tokyo when unset). */
function timeZoneFrom(raw: string | undefined): string {
  const zone = (raw ?? '').trim() || DEFAULT_TIME_ZONE;
  if (!isTimeZone(zone)) throw new Error(`E_CONFIG_TIMEZONE: GENBA_TIMEZONE must be an IANA time zone such as Asia/Tokyo, got "${raw}"`);
  return zone;
}

/** Demo mode unless NODE_ENV=production or GENBA_DEMO=off (GENBA_DEMO=on does not override production). */
function demoFrom(env: NodeJS.ProcessEnv): boolean {
  const demo = env.GENBA_DEMO;
  if (demo !== undefined && demo !== '' && !/^(on|off)$/.test(demo)) throw new Error(`E_CONFIG_DEMO: GENBA_DEMO must be on or off, got "${demo}"`);
  return env.NODE_ENV !== 'production' && demo !== 'off';
}

function onOff(env: NodeJS.ProcessEnv, name: string, fallback: boolean, code: string): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'on' || raw === 'off') return raw === 'on';
  throw new Error(`${code}: ${name} must be on or off, got "${raw}"`);
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
    blobs: {
      quotaBytes: positiveInt(env, 'GENBA_BLOB_QUOTA_BYTES', 2 * 1024 * MIB, 'E_CONFIG_BLOB_QUOTA_BYTES'),
      uploadExpiryHours: positiveInt(env, 'GENBA_BLOB_UPLOAD_EXPIRY_HOURS', 24, 'E_CONFIG_BLOB_UPLOAD_EXPIRY_HOURS'),
      unreferencedGraceDays: positiveInt(env, 'GENBA_BLOB_GRACE_DAYS', 7, 'E_CONFIG_BLOB_GRACE_DAYS'),
      sweepMinutes: positiveInt(env, 'GENBA_BLOB_SWEEP_MINUTES', 60, 'E_CONFIG_BLOB_SWEEP_MINUTES'),
    },
    allowSelfApproval: onOff(env, 'GENBA_ALLOW_SELF_APPROVAL', false, 'E_CONFIG_ALLOW_SELF_APPROVAL'),
    webhooks: {
      enabled: env.GENBA_WEBHOOKS !== 'off',
      pollMs: positiveInt(env, 'GENBA_WEBHOOK_POLL_MS', 2000, 'E_CONFIG_WEBHOOK_POLL_MS'),
      baseDelayMs: positiveInt(env, 'GENBA_WEBHOOK_BASE_DELAY_MS', 2000, 'E_CONFIG_WEBHOOK_BASE_DELAY_MS'),
      maxDelayMs: positiveInt(env, 'GENBA_WEBHOOK_MAX_DELAY_MS', 5 * 60 * 1000, 'E_CONFIG_WEBHOOK_MAX_DELAY_MS'),
      maxAttempts: positiveInt(env, 'GENBA_WEBHOOK_MAX_ATTEMPTS', 10, 'E_CONFIG_WEBHOOK_MAX_ATTEMPTS'),
      timeoutMs: positiveInt(env, 'GENBA_WEBHOOK_TIMEOUT_MS', 10_000, 'E_CONFIG_WEBHOOK_TIMEOUT_MS'),
      allow: parseWebhookAllowList(env.GENBA_WEBHOOK_ALLOW),
    },
    demo: demoFrom(env),
    trustProxy: trustProxyFrom(env.GENBA_TRUST_PROXY),
    timeZone: timeZoneFrom(env.GENBA_TIMEZONE),
    auth: {
      officeSessionHours: positiveInt(env, 'GENBA_OFFICE_SESSION_HOURS', 12, 'E_CONFIG_OFFICE_SESSION_HOURS'),
      officeIdleMinutes: positiveInt(env, 'GENBA_OFFICE_IDLE_MINUTES', 30, 'E_CONFIG_OFFICE_IDLE_MINUTES'),
      loginWindowMinutes: positiveInt(env, 'GENBA_LOGIN_WINDOW_MINUTES', 15, 'E_CONFIG_LOGIN_WINDOW_MINUTES'),
      loginMaxPerAccount: positiveInt(env, 'GENBA_LOGIN_MAX_PER_ACCOUNT', 10, 'E_CONFIG_LOGIN_MAX_PER_ACCOUNT'),
      loginMaxPerAddress: positiveInt(env, 'GENBA_LOGIN_MAX_PER_ADDRESS', 50, 'E_CONFIG_LOGIN_MAX_PER_ADDRESS'),
      loginMaxTotal: positiveInt(env, 'GENBA_LOGIN_MAX_TOTAL', 1000, 'E_CONFIG_LOGIN_MAX_TOTAL'),
      hashConcurrency: positiveInt(env, 'GENBA_HASH_CONCURRENCY', 2, 'E_CONFIG_HASH_CONCURRENCY'),
      hashWaitMs: positiveInt(env, 'GENBA_HASH_WAIT_MS', 2000, 'E_CONFIG_HASH_WAIT_MS'),
      passwordCost: DEFAULT_SCRYPT_COST,
    },
  };
}

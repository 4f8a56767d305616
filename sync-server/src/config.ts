// Server configuration from the environment, parsed once at start-up.
import { resolve } from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  /** Folder of the built PWA (vite build output). */
  staticDir: string;
  /** Folder for the embedded database and blobs. */
  dataDir: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`E_CONFIG_PORT: PORT must be 0–65535, got "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    staticDir: resolve(env.GENBA_STATIC_DIR ?? 'dist'),
    dataDir: resolve(env.GENBA_DATA_DIR ?? '.data'),
  };
}

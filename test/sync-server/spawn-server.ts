// Test helper: runs the real server (node --import tsx sync-server/src/main.ts) as ONE child process and waits until it listens.
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** Response bodies in these tests are read field by field; a typed schema per test would add nothing. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonBody = any;

export interface SpawnedServer {
  child: ChildProcess;
  baseUrl: string;
  /** Everything the process printed (for failure messages). */
  output(): string;
  /** SIGKILL: no shutdown handler runs (a crash). */
  kill(): Promise<void>;
  /** SIGTERM: the graceful shutdown path. */
  stop(): Promise<void>;
}

export async function spawnServer(env: Record<string, string>, timeoutMs = 30_000): Promise<SpawnedServer> {
  // Not the tsx CLI: it runs the server in a grandchild and cannot pass SIGKILL on, so a "crash" would
  // leave the real server running. With the loader in-process, the pid we signal is the server.
  const child = spawn(process.execPath, ['--import', 'tsx', 'sync-server/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', GENBA_STATIC_DIR: join(ROOT, 'test-results', 'no-dist'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const baseUrl = await new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in ${timeoutMs} ms:\n${log.slice(-3000)}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const match = /Genba is running on http:\/\/localhost:(\d+)\//.exec(log);
      if (match) {
        clearTimeout(timer);
        resolvePromise(`http://127.0.0.1:${match[1]}`);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${log.slice(-3000)}`));
    });
  });
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return { child, baseUrl, output: () => log, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM') };
}

export async function postJson(baseUrl: string, path: string, body: unknown, token?: string): Promise<{ status: number; body: JsonBody }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // keep the text
  }
  return { status: res.status, body: parsed };
}

export async function getJson(baseUrl: string, path: string, token: string): Promise<{ status: number; body: JsonBody }> {
  const res = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: await res.json() };
}

export async function loginOver(baseUrl: string, username: string, deviceId: string): Promise<string> {
  const res = await postJson(baseUrl, '/api/auth/login', { username, password: 'genba-demo', deviceId, deviceLabel: 'test' });
  if (res.status !== 200) throw new Error(`login ${username} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token as string;
}

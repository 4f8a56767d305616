// Entry point of `npm start`: opens and migrates the store, seeds demo data on first start, loads the forms, builds the server and listens.
import { loadConfig } from './config.ts';
import { buildServer } from './app.ts';
import { loadFormCatalog } from './forms/catalog.ts';
import { openStore } from './storage/index.ts';
import { seedDemo } from './seed/seed-demo.ts';
import { withStartupLock } from './seed/startup-lock.ts';

const config = loadConfig();
const forms = loadFormCatalog();
const now = () => new Date();
const { store, seeded } = await withStartupLock(config.databaseUrl, async () => {
  const opened = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  return { store: opened, seeded: await seedDemo({ store: opened, forms, now }) };
});
const app = await buildServer(config, { store, forms, now });

if (seeded) {
  app.log.info({ accounts: seeded.accounts.map((a) => a.username), records: seeded.records }, 'first start: demo accounts and records created');
  // Also as a plain table: the operator reads this once, in the terminal, not through a log collector.
  const lines = seeded.accounts.map((a) => `  ${a.username.padEnd(12)} ${a.role.padEnd(22)} ${a.displayName}`);
  process.stdout.write(`\n[genba] demo accounts (password for all: ${seeded.password}):\n${lines.join('\n')}\n\n`);
}

let closing = false;
const shutdown = async (signal: string) => {
  if (closing) return;
  closing = true;
  app.log.info(`${signal}: closing`);
  // Stop taking requests first, let in-flight ones finish, then close the database.
  await app.close();
  await store.close();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ port: config.port, host: config.host });
app.log.info(`Genba is running on http://localhost:${(app.server.address() as { port: number }).port}/ (${store.kind}${config.databaseUrl ? '' : ` in ${config.dataDir}`})`);

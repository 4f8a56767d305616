// Entry point of `npm start`: opens and migrates the store, seeds demo data on first start (demo mode only) or refuses a production start with demo passwords, builds the server and listens.
import { loadConfig } from './config.ts';
import { buildServer } from './app.ts';
import { loadFormCatalog } from './forms/catalog.ts';
import { openStore } from './storage/index.ts';
import { seedDemo } from './seed/seed-demo.ts';
import { withStartupLock } from './seed/startup-lock.ts';
import { accountsWithDemoPassword } from './seed/demo-guard.ts';
import { recomputeTitles } from './office/recompute-titles.ts';

const config = loadConfig();
const forms = loadFormCatalog();
const now = () => new Date();
const { store, seeded } = await withStartupLock(config.databaseUrl, async () => {
  const opened = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  // Production (NODE_ENV=production or GENBA_DEMO=off) never creates the demo accounts.
  return { store: opened, seeded: config.demo ? await seedDemo({ store: opened, forms, now }) : null };
});
if (!config.demo) {
  const demoLeft = await accountsWithDemoPassword(store);
  if (demoLeft.length > 0) {
    process.stderr.write(`[genba] E_DEMO_ACCOUNTS: production start refused: these enabled accounts still have the published demo password: ${demoLeft.join(', ')}.\n`
      + '[genba] Create your own admin (npm run -s admin -- create-user --username <name> --role admin), then disable them (npm run -s admin -- disable --username <name>). See README "From the demo to a real deployment".\n');
    await store.close();
    process.exit(78);
  }
}
const app = await buildServer(config, { store, forms, now });
// Stored titles follow each form's title rule: records written under an older rule are retitled once, before serving.
const retitled = await recomputeTitles(store, forms, now());
if (retitled.forms.length > 0) app.log.info({ forms: retitled.forms, records: retitled.records }, 'record titles recomputed');

if (seeded) {
  app.log.info({ accounts: seeded.accounts.map((a) => a.username), records: seeded.records }, 'first start: demo accounts and records created');
  // Also as a plain table: the operator reads this once, in the terminal, not through a log collector.
  const lines = seeded.accounts.map((a) => `  ${a.username.padEnd(12)} ${a.role.padEnd(22)} ${a.displayName}`);
  process.stdout.write(`\n[genba] demo accounts (password for all: ${seeded.password}):\n${lines.join('\n')}\n\n`);
}

// Said on every start, not only the first: an operator must not mistake a demo server for a deployment.
if (config.demo) app.log.warn('demo mode: the demo accounts (password "genba-demo") may exist; for a real deployment start with GENBA_DEMO=off or NODE_ENV=production (README)');
else if ((await store.transaction((tx) => tx.listUsers())).length === 0) app.log.warn('no accounts yet: create the first admin with `npm run -s admin -- create-user --username <name> --role admin`');

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

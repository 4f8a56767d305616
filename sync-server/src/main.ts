// Entry point of `npm start`: loads the config, builds the server and listens.
import { loadConfig } from './config.ts';
import { buildServer } from './app.ts';

const config = loadConfig();
const app = await buildServer(config);
const shutdown = async () => {
  await app.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
await app.listen({ port: config.port, host: config.host });
app.log.info(`Genba is running on http://localhost:${config.port}/`);

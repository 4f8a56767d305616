// `npm start`: installs dependencies if needed, builds the PWA when sources changed, then starts the server.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDeps, root, run } from './ensure-deps.mjs';

ensureDeps();

/** Newest modification time under the given paths (files or folders). */
function newest(paths) {
  let max = 0;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) for (const e of readdirSync(p)) visit(join(p, e));
    else max = Math.max(max, s.mtimeMs);
  };
  paths.forEach((p) => visit(join(root, p)));
  return max;
}

const builtAt = existsSync(join(root, 'dist', 'index.html')) ? statSync(join(root, 'dist', 'index.html')).mtimeMs : 0;
const sourcesAt = newest(['src', 'public', 'forms', 'index.html', 'vite.config.ts', 'package-lock.json']);
if (builtAt < sourcesAt) {
  console.log('[genba] building the PWA…');
  const status = run('npx', ['vite', 'build', '--logLevel', 'warn']);
  if (status !== 0) process.exit(status);
}
process.exit(run('npx', ['tsx', 'sync-server/src/main.ts']));

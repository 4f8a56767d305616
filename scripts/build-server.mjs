// Builds the sync server and the admin CLI to plain JavaScript (dist-server/main.js, admin-cli.js) so production runs them with node, without tsx or any devDependency.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './ensure-deps.mjs';

const outdir = join(root, 'dist-server');
rmSync(outdir, { recursive: true, force: true });

await build({
  absWorkingDir: root,
  // The server, and the admin CLI (create the first admin, reset, disable) so a production machine has it without tsx.
  entryPoints: { main: 'sync-server/src/main.ts', 'admin-cli': 'scripts/admin-cli.ts' },
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Our code (sync-server/src and the src/ engine and protocol it imports) is bundled; every package stays an
  // import resolved from node_modules at run time: the native ones (better-sqlite3) cannot be bundled, and
  // keeping all of them out means `npm prune --omit=dev` leaves exactly what the bundle needs
  // (test/sync-server/production-build.test.ts checks that each one is in "dependencies").
  packages: 'external',
  // No source maps: the server's source is not something to ship next to it.
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
});
console.log('[genba] server built: dist-server/main.js, dist-server/admin-cli.js');

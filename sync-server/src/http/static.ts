// Serves the built PWA: hashed assets cached forever, the service worker and index.html never cached, no source maps (SPA fallback: error-handler.ts).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Registers the static files; false when there is no build (the API still works). */
export async function registerStatic(app: FastifyInstance, staticDir: string): Promise<boolean> {
  if (!existsSync(join(staticDir, 'index.html'))) {
    app.log.warn(`no built PWA in ${staticDir}: run "npm run build" (npm start does it for you)`);
    return false;
  }
  await app.register(fastifyStatic, {
    root: staticDir,
    // Source maps are not built for production (vite.config.ts); one left in an old dist/ is not served either.
    allowedPath: (pathName) => !pathName.endsWith('.map'),
    setHeaders(reply, path) {
      if (/[\\/]assets[\\/]/.test(path)) reply.header('cache-control', 'public, max-age=31536000, immutable');
      else reply.header('cache-control', 'no-cache');
    },
  });
  return true;
}

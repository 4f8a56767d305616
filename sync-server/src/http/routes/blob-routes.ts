// Blob routes: tus uploads under /api/blobs/uploads/ (authenticated), GET/HEAD a blob by hash, and which hashes the server still lacks.
import { createReadStream } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { blobFile, SHA256_PATTERN } from '../../blobs/blob-files.ts';
import { createTusServer, TUS_PATH, UPLOADER_HEADER } from '../../blobs/tus-uploads.ts';
import { HttpError } from '../errors.ts';
import { requireSession } from '../guard.ts';
import { auditEntry } from '../../office/audit-context.ts';
import { sessionAudit } from '../../office/session-audit.ts';
import { parseBody } from '../parse-body.ts';
import type { ApiServices } from '../services.ts';

const MissingRequestSchema = z.strictObject({ hashes: z.array(z.string().regex(SHA256_PATTERN)).max(1000) });
const HashParamsSchema = z.object({ hash: z.string().regex(SHA256_PATTERN, 'a blob is named by its sha256 (64 lower-case hex digits)') });

export async function registerBlobRoutes(app: FastifyInstance, services: ApiServices): Promise<void> {
  const tus = await createTusServer({ dataDir: services.config.dataDir, maxBytes: services.config.blobMaxBytes, store: services.store, now: services.now });

  await app.register(async (uploads) => {
    // tus reads the request stream itself: fastify must not parse (or size-limit) upload bodies.
    uploads.removeAllContentTypeParsers();
    uploads.addContentTypeParser('*', (_req, _payload, done) => done(null));
    const handleTus = async (req: FastifyRequest, reply: FastifyReply) => {
      const session = await requireSession(services, req);
      req.raw.headers[UPLOADER_HEADER] = session.user.id;
      reply.hijack();
      await tus.handle(req.raw, reply.raw);
    };
    const methods = ['POST', 'HEAD', 'PATCH', 'DELETE', 'OPTIONS'] as const;
    uploads.route({ method: [...methods], url: TUS_PATH, handler: handleTus, exposeHeadRoute: false });
    uploads.route({ method: [...methods], url: `${TUS_PATH}/*`, handler: handleTus, exposeHeadRoute: false });
  });

  app.post('/api/blobs/missing', async (req) => {
    await requireSession(services, req);
    const { hashes } = parseBody(MissingRequestSchema, req.body);
    const unique = [...new Set(hashes)];
    const present = await services.store.transaction(async (tx) => {
      const found = new Set<string>();
      for (const hash of unique) if (await tx.getBlob(hash)) found.add(hash);
      return found;
    });
    return { missing: unique.filter((hash) => !present.has(hash)) };
  });

  app.get('/api/blobs/:hash', async (req, reply) => {
    const session = await requireSession(services, req);
    const { hash } = parseBody(HashParamsSchema, req.params);
    const blob = await services.store.transaction(async (tx) => {
      const found = await tx.getBlob(hash);
      // A download (not a HEAD existence check) of a photo or signature is a read of personal data.
      if (found && req.method === 'GET') {
        await tx.appendAudit([auditEntry(sessionAudit(session, req), 'download', null, { hash, mime: found.mime, size: found.size }, services.now().toISOString())]);
      }
      return found;
    });
    if (!blob) throw new HttpError('E_NOT_FOUND', `The server does not hold blob ${hash} yet.`);
    reply.header('content-type', blob.mime).header('content-length', blob.size).header('cache-control', 'private, max-age=31536000, immutable').header('etag', `"${hash}"`);
    if (req.method === 'HEAD') return reply.send();
    return reply.send(createReadStream(blobFile(services.config.dataDir, blob.location)));
  });
}

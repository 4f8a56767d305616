// Blob routes: tus uploads under /api/blobs/uploads/ (owned by their creator), GET/HEAD a blob by hash (only through a record the caller may read), and which hashes the server still lacks.
import { createReadStream } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isAttachmentMime } from '../../../../src/engine/index.ts';
import { blobFile, SHA256_PATTERN } from '../../blobs/blob-files.ts';
import { startBlobSweep } from '../../blobs/blob-sweep.ts';
import { asUploader, createTusServer, TUS_PATH } from '../../blobs/tus-uploads.ts';
import { HttpError } from '../errors.ts';
import { actorOf, requireSession } from '../guard.ts';
import { auditEntry } from '../../office/audit-context.ts';
import { sessionAudit } from '../../office/session-audit.ts';
import { parseBody } from '../parse-body.ts';
import type { ApiServices } from '../services.ts';

const MissingRequestSchema = z.strictObject({ hashes: z.array(z.string().regex(SHA256_PATTERN)).max(1000) });
const HashParamsSchema = z.object({ hash: z.string().regex(SHA256_PATTERN, 'a blob is named by its sha256 (64 lower-case hex digits)') });

/**
 * A blob is served inert whatever its bytes: no sniffing, a sandbox CSP (no script, no same origin, nothing loaded),
 * and anything that is not an allowed image (none should be stored, but rows from before the type check may be) as
 * an octet-stream download. These are the blob route's own headers: the app-wide security-header hook sets its CSP
 * at onRequest, so this later one replaces it (docs/SECURITY.md).
 */
export const BLOB_CSP = "sandbox; default-src 'none'";

function inertHeaders(reply: FastifyReply, mime: string): void {
  reply.header('x-content-type-options', 'nosniff').header('content-security-policy', BLOB_CSP);
  if (isAttachmentMime(mime)) reply.header('content-type', mime);
  else reply.header('content-type', 'application/octet-stream').header('content-disposition', 'attachment');
}

export async function registerBlobRoutes(app: FastifyInstance, services: ApiServices): Promise<void> {
  const { dataDir, blobMaxBytes, blobs } = services.config;
  const tus = await createTusServer({ dataDir, maxBytes: blobMaxBytes, blobs, store: services.store, now: services.now });
  const sweep = startBlobSweep({ store: services.store, dataDir, blobs, now: services.now, log: app.log });
  app.addHook('onClose', () => sweep.stop());

  await app.register(async (uploads) => {
    // tus reads the request stream itself: fastify must not parse (or size-limit) upload bodies.
    uploads.removeAllContentTypeParsers();
    uploads.addContentTypeParser('*', (_req, _payload, done) => done(null));
    const handleTus = async (req: FastifyRequest, reply: FastifyReply) => {
      const session = await requireSession(services, req);
      reply.hijack();
      // The uploader is the authenticated user, carried in async context: no request header can name someone else.
      await asUploader({ userId: session.user.id }, () => tus.handle(req.raw, reply.raw));
    };
    const methods = ['POST', 'HEAD', 'PATCH', 'DELETE', 'OPTIONS'] as const;
    uploads.route({ method: [...methods], url: TUS_PATH, handler: handleTus, exposeHeadRoute: false });
    uploads.route({ method: [...methods], url: `${TUS_PATH}/*`, handler: handleTus, exposeHeadRoute: false });
  });

  // Says "missing" for every hash the caller may not know of, stored or not: the answer reveals nothing about other users' files.
  app.post('/api/blobs/missing', async (req) => {
    const session = await requireSession(services, req);
    const { hashes } = parseBody(MissingRequestSchema, req.body);
    const unique = [...new Set(hashes)];
    const { scope } = actorOf(services, session);
    const known = new Set(await services.store.transaction((tx) => tx.visibleBlobs(unique, scope, session.user.id, 'always')));
    return { missing: unique.filter((hash) => !known.has(hash)) };
  });

  app.get('/api/blobs/:hash', async (req, reply) => {
    const session = await requireSession(services, req);
    const { hash } = parseBody(HashParamsSchema, req.params);
    const { scope } = actorOf(services, session);
    const blob = await services.store.transaction(async (tx) => {
      const readable = await tx.visibleBlobs([hash], scope, session.user.id, 'until-referenced');
      if (readable.length === 0) return null;
      const found = await tx.getBlob(hash);
      // A download (not a HEAD existence check) of a photo or signature is a read of personal data.
      if (found && req.method === 'GET') {
        await tx.appendAudit([auditEntry(sessionAudit(session, req), 'download', null, { hash, mime: found.mime, size: found.size }, services.now().toISOString())]);
      }
      return found;
    });
    // 404, not 403, for a blob the caller may not read: whether it exists is not theirs to know.
    if (!blob) throw new HttpError('E_NOT_FOUND', `No blob ${hash} that you may read.`);
    inertHeaders(reply, blob.mime);
    reply.header('content-length', blob.size).header('cache-control', 'private, max-age=31536000, immutable').header('etag', `"${hash}"`);
    if (req.method === 'HEAD') return reply.send();
    return reply.send(createReadStream(blobFile(services.config.dataDir, blob.location)));
  });
}

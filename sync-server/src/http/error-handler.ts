// Maps every failure to a coded JSON error: our HttpErrors, fastify's body-parser errors (400/413/415), unknown routes (404); never a 5xx for bad input.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { StoreError } from '../storage/store-error.ts';
import { bodyFullyRead, drainRequest } from './drain-body.ts';
import { errorBody, HttpError, HTTP_ERRORS, type HttpErrorCode } from './errors.ts';

/** fastify's own error codes for a body or URL the client got wrong. */
const FASTIFY_CLIENT_ERRORS: Record<string, HttpErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'E_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'E_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_TYPE: 'E_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'E_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'E_JSON',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'E_BAD_REQUEST',
  FST_ERR_CTP_INVALID_CHARSET: 'E_MEDIA_TYPE',
  FST_ERR_BAD_URL: 'E_BAD_REQUEST',
  FST_ERR_ASYNC_CONSTRAINT: 'E_BAD_REQUEST',
};

/** fastify's content-type parser errors; after one of them fastify answers with "connection: close". */
function isBodyParserError(err: FastifyError | Error): boolean {
  return (err as FastifyError).code?.startsWith('FST_ERR_CTP_') ?? false;
}

export function sendHttpError(reply: FastifyReply, error: HttpError): FastifyReply {
  return reply.code(error.status).send(errorBody(error.code, error.message, error.details));
}

function toHttpError(err: FastifyError | Error): HttpError | null {
  if (err instanceof HttpError) return err;
  // The transaction rolled back: nothing the request carried was stored.
  if (err instanceof StoreError && err.code === 'E_STORE_TEXT') return new HttpError('E_TEXT_UNSTORABLE');
  const code = (err as FastifyError).code;
  if (code && FASTIFY_CLIENT_ERRORS[code]) return new HttpError(FASTIFY_CLIENT_ERRORS[code]);
  // secure-json-parse rejects __proto__ / constructor.prototype keys with a SyntaxError (status 400).
  if (err instanceof SyntaxError) return new HttpError('E_JSON');
  const status = (err as FastifyError).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new HttpError('E_BAD_REQUEST', HTTP_ERRORS.E_BAD_REQUEST.message, { status });
  }
  return null;
}

export interface ErrorHandlingOptions {
  /** Answer browser navigations to unknown non-API paths with the app shell (SPA routes). */
  spaFallback: boolean;
}

export function installErrorHandling(app: FastifyInstance, options: ErrorHandlingOptions): void {
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const known = toHttpError(err);
    if (known) {
      // Client faults are logged without the body (it may hold a password), only where and why.
      req.log.info({ code: known.code, status: known.status, url: req.url }, 'request refused');
      // The body parser refused before reading the whole body (too large, wrong type): answer once the rest has
      // arrived, or the client's still-sending socket is reset and it never reads the answer (drain-body.ts).
      if (isBodyParserError(err) && !bodyFullyRead(req.raw)) {
        void drainRequest(req.raw).then(() => {
          if (!reply.sent && !reply.raw.destroyed) sendHttpError(reply, known);
        });
        return;
      }
      return sendHttpError(reply, known);
    }
    req.log.error({ err, url: req.url }, 'unexpected error');
    return reply.code(500).send(errorBody('E_INTERNAL', HTTP_ERRORS.E_INTERNAL.message));
  });
  app.setNotFoundHandler((req, reply) => {
    if (options.spaFallback && req.method === 'GET' && !req.url.startsWith('/api/') && (req.headers.accept ?? '').includes('text/html')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.code(404).send(errorBody('E_NOT_FOUND', `No route for ${req.method} ${req.url.slice(0, 200)}`));
  });
}

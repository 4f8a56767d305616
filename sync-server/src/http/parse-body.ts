// Parses a request body with a protocol schema at the boundary: wrong protocol version → E_PROTOCOL_VERSION, anything else wrong → E_BAD_REQUEST with the issues.
import type { z } from 'zod';
import { PROTOCOL_VERSION } from '../../../src/protocol/index.ts';
import { HttpError } from './errors.ts';

const MAX_ISSUES = 10;

export function parseBody<S extends z.ZodType>(schema: S, body: unknown, options: { versioned?: boolean } = {}): z.infer<S> {
  if (options.versioned) {
    const isObject = typeof body === 'object' && body !== null && !Array.isArray(body);
    const version = isObject ? (body as Record<string, unknown>).protocolVersion : undefined;
    // A missing version is a malformed body (below); a different one is a client of another release.
    if (version !== undefined && version !== PROTOCOL_VERSION) {
      throw new HttpError('E_PROTOCOL_VERSION', `protocolVersion must be ${PROTOCOL_VERSION}, got ${JSON.stringify(version)?.slice(0, 40)}.`);
    }
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, MAX_ISSUES).map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
    throw new HttpError('E_BAD_REQUEST', undefined, { details: { issues } });
  }
  return parsed.data;
}

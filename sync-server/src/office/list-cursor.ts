// The review queue's opaque page cursor: the last item's (updatedAt, id) in base64url JSON; anything else is E_BAD_CURSOR.
import { HttpError } from '../http/errors.ts';

export interface ListPosition {
  updatedAt: string;
  id: string;
}

export function encodeListCursor(position: ListPosition): string {
  return Buffer.from(JSON.stringify([position.updatedAt, position.id]), 'utf8').toString('base64url');
}

export function decodeListCursor(cursor: string): ListPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new HttpError('E_BAD_CURSOR');
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw new HttpError('E_BAD_CURSOR');
  const [updatedAt, id] = parsed as unknown[];
  if (typeof updatedAt !== 'string' || Number.isNaN(Date.parse(updatedAt)) || typeof id !== 'string' || id.length === 0 || id.length > 100) {
    throw new HttpError('E_BAD_CURSOR');
  }
  return { updatedAt, id };
}

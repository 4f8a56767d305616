// Reads and discards the rest of a request body the server refused, within a byte and time budget, so the client hears the answer.
import type { IncomingMessage } from 'node:http';

/**
 * Why drain at all: when a refused body is still arriving and the server answers and closes the socket, the
 * unread bytes make the kernel send a reset; the client (a tablet mid-upload) then reports ECONNRESET/EPIPE and
 * often never reads the 413 that would have told it to split the batch. Reading the rest first means the answer
 * goes out after the request is complete, and the close that follows is a clean one.
 *
 * Why these bounds: draining spends bandwidth and holds a socket, so it must not be an invitation to stream
 * without end. 16 MiB is 16 times the JSON body limit: an old client's oversized push batch (a few MiB) is
 * drained, anything larger is not a sync client and is cut off. 30 s lets a slow uplink send a few MiB
 * but stops a client that drips bytes to hold the connection. Cut off means answered and closed: that client may
 * see the reset, which is its own doing.
 */
export const DRAIN_MAX_BYTES = 16 * 1024 * 1024;
export const DRAIN_MAX_MS = 30_000;

export type DrainOutcome = 'drained' | 'cut';

export interface DrainLimits {
  maxBytes: number;
  maxMs: number;
}

/** Whether the whole body has been read (light-my-request's injected requests have no `complete`, only the stream state). */
export function bodyFullyRead(req: IncomingMessage): boolean {
  return req.complete || req.readableEnded;
}

/** Resolves once the body has ended ('drained') or the budget ran out / the client went away ('cut'); never rejects. */
export function drainRequest(req: IncomingMessage, limits: DrainLimits = { maxBytes: DRAIN_MAX_BYTES, maxMs: DRAIN_MAX_MS }): Promise<DrainOutcome> {
  if (bodyFullyRead(req)) return Promise.resolve('drained');
  if (req.destroyed) return Promise.resolve('cut');
  // A body announced larger than the budget would be cut off anyway: do not read any of it.
  if (Number(req.headers['content-length']) > limits.maxBytes) return Promise.resolve('cut');
  return new Promise((resolve) => {
    let bytes = 0;
    const finish = (outcome: DrainOutcome) => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onGone);
      req.off('close', onGone);
      resolve(outcome);
    };
    const onData = (chunk: Buffer | string) => {
      bytes += chunk.length;
      if (bytes > limits.maxBytes) finish('cut');
    };
    const onEnd = () => finish('drained');
    const onGone = () => finish(bodyFullyRead(req) ? 'drained' : 'cut');
    const timer = setTimeout(() => finish('cut'), limits.maxMs);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onGone);
    req.on('close', onGone);
    req.resume();
  });
}

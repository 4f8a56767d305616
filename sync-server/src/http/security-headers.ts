// Security headers on every response: a strict Content-Security-Policy for the PWA and office, nosniff, no referrer, no framing.
import type { FastifyInstance } from 'fastify';

/**
 * The policy the whole app passes (test/e2e/hostile-payloads.spec.ts): only our own scripts, no inline script and
 * no eval (the client sets zod to jitless for that), no plugins, no framing. style-src allows no inline <style> or
 * style attribute in HTML: the app has none; React's style props and Leaflet's positioning go through the CSSOM,
 * which CSP does not restrict. img-src takes data: (Leaflet's CSS images) and blob: (photos and signatures shown
 * from IndexedDB); worker-src 'self' is the service worker.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The device features the app uses (photos, the record's location) for itself only; everything else off (only features Chromium knows, or every page logs a warning). */
export const PERMISSIONS_POLICY = [
  'camera=(self)',
  'geolocation=(self)',
  'microphone=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'midi=()',
  'display-capture=()',
].join(', ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'permissions-policy': PERMISSIONS_POLICY,
  'cross-origin-opener-policy': 'same-origin',
  // Old browsers without frame-ancestors.
  'x-frame-options': 'DENY',
};

/**
 * Set at onRequest so every answer carries them, errors and 404s included (Fastify keeps headers set before an
 * error). A route may replace one for its own answers: blob downloads set a sandboxing CSP of their own.
 */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(SECURITY_HEADERS);
  });
}

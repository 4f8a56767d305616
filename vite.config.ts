// Build of the PWA: React, the service worker (precaches the app shell, form definitions and the 調査票 PDF font) and the forms/ catalog.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { formsCatalog } from './scripts/vite-forms-plugin.ts';

/** Workbox's default per-file precache limit, and the one allowed for the PDF font. */
const DEFAULT_PRECACHE_LIMIT = 2 * 1024 * 1024;
const PDF_FONT_PRECACHE_LIMIT = 8 * 1024 * 1024;

/** Drops files above the default limit again, except the PDF font (.ttf), with the warning Workbox would give. */
async function allowOnlyFontAboveDefault<Entry extends { url: string; size: number }>(entries: Entry[]) {
  const manifest = entries.filter((e) => e.size <= DEFAULT_PRECACHE_LIMIT || e.url.endsWith('.ttf'));
  const warnings = entries.filter((e) => !manifest.includes(e)).map((e) => `${e.url} (${e.size} bytes) is not precached: above ${DEFAULT_PRECACHE_LIMIT} bytes`);
  return { manifest, warnings };
}

export default defineConfig({
  plugins: [
    react(),
    formsCatalog(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Genba 現場調査',
        short_name: '現場',
        description: '自治体の現場調査のためのオフライン対応アプリ',
        lang: 'ja',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: '#0b5394',
        background_color: '#ffffff',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-512-maskable.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // ttf: the 調査票 PDF font (src/app/care-pdf/carePdfFont.ts), see below.
        globPatterns: ['**/*.{js,css,html,png,svg,woff2,json,ttf}'],
        // The 調査票 PDF must work offline after one online visit, so its font (Noto Sans JP, 5.4 MB) is precached
        // at install rather than cached at run time (CacheFirst): a runtime cache is only warmed by a first PDF
        // made online, and an assessor who first needs one in a home without signal would get none. Its name is
        // content-hashed, so it is downloaded again only if the file changes. The larger limit is for the font
        // alone: every other file keeps Workbox's default limit (allowOnlyFontAboveDefault).
        maximumFileSizeToCacheInBytes: PDF_FONT_PRECACHE_LIMIT,
        manifestTransforms: [allowOnlyFontAboveDefault],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/healthz/],
        cleanupOutdatedCaches: true,
        // Workbox maps the service worker by default; no source maps in the build (see build.sourcemap).
        sourcemap: false,
      },
    }),
  ],
  build: {
    target: 'es2022',
    // No source maps in the build the server serves: they would publish the whole source (issue 12).
    sourcemap: false,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The model bundles and tasks-vision's wasm are 1.5–11 MB each; those every session needs are
 * precached on the first visit so the app then works fully offline (the default 2 MB cap would
 * leave them out).
 */
const MAX_PRECACHED_FILE_BYTES = 32 * 1024 * 1024;

/** Emits the app icon at the site root (the build has no public/ folder). */
function atlasIcon(): Plugin {
  return {
    name: 'atlas-pwa-icon',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'icon.svg', source: readFileSync(path.join(here, 'icon.svg')) });
    },
  };
}

/**
 * Installable and offline: a generated service worker precaches the app shell, `/wasm/*` and
 * `/models/*.task` (copied into dist/ by the local-assets plugin), keeps TF.js's files once they
 * were used, and nothing from elsewhere.
 */
export function atlasPwa(): Plugin[] {
  return [
    atlasIcon(),
    ...VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script',
      manifest: {
        name: 'Atlas — neck exercise coach',
        short_name: 'Atlas',
        description: 'Neck exercises with a webcam coach. Everything stays on this device.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f6f7f9',
        theme_color: '#0b5cad',
        icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        // What every session needs: the SIMD wasm (its Emscripten loader is bundled), pose lite and
        // face (~19 MB). Pose full (the probe's choice on fast machines) and TF.js are cached on first use.
        globPatterns: ['index.html', 'registerSW.js', 'manifest.webmanifest', 'icon.svg', 'assets/*.{js,css}', 'wasm/vision_wasm_internal.wasm', 'models/pose_landmarker_lite.task', 'models/face_landmarker.task'],
        globIgnores: ['**/*.map', 'assets/bench*', 'bench.html', 'assets/tfjs-*'],
        maximumFileSizeToCacheInBytes: MAX_PRECACHED_FILE_BYTES,
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/(wasm|models|tfjs-wasm|tfjs-models)\//, /\.html$/],
        cleanupOutdatedCaches: true,
        // TF.js (the second backend, ~8 MB) and pose full are fetched only when the probe picks
        // them or MediaPipe fails to start; what was fetched is kept, so it then works offline too.
        runtimeCaching: [
          {
            urlPattern: /\/(tfjs-models|tfjs-wasm)\/|\/assets\/tfjs-|\/models\/pose_landmarker_full\.task$/,
            handler: 'CacheFirst',
            options: { cacheName: 'atlas-tfjs', expiration: { maxEntries: 40 }, cacheableResponse: { statuses: [200] } },
          },
        ],
      },
    }),
  ];
}

import { defineConfig } from 'vite';

// The app is served entirely from its own origin: wasm and models are copied next to it by
// scripts/build-models.mjs (models/) and served from /models and /wasm (see public dirs below).
export default defineConfig({
  server: { port: 5173, strictPort: false },
  preview: { port: 4173 },
  build: { target: 'es2022', sourcemap: true },
  worker: { format: 'es' },
});

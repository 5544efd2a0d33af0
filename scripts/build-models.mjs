#!/usr/bin/env node
// Assembles MediaPipe .task bundles in models/ from the npm packages @mediapipe/pose and
// @mediapipe/face_mesh (no download). See models/README.md. Runs as `postinstall`.
//   node scripts/build-models.mjs            build if missing or stale (idempotent)
//   node scripts/build-models.mjs --verify   check models/*.task and a rebuild against models/checksums.json
//   node scripts/build-models.mjs --record   rebuild and re-record models/checksums.json
// ATLAS_SKIP_MODELS=1 skips everything (e.g. production installs without devDependencies).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const mode = args.includes('--verify') ? 'verify' : args.includes('--record') ? 'record' : 'build';
const log = (line) => console.log(`build-models: ${line}`);

if (process.env.ATLAS_SKIP_MODELS === '1' && mode === 'build') {
  log('skipped (ATLAS_SKIP_MODELS=1); the app needs models/*.task: run `npm run models` before using it');
  process.exit(0);
}

/** @type {typeof import('./models/build-command.mjs') | undefined} */
let command;
try {
  // Imported here, not at the top, so that missing helper packages (flatbuffers, fflate) end up in
  // the explanation below instead of a bare ERR_MODULE_NOT_FOUND.
  command = await import('./models/build-command.mjs');
  command.runBuildModels({ mode, nodeModules: path.join(root, 'node_modules'), modelsDir: path.join(root, 'models'), log });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  const missingModule = error instanceof Error && 'code' in error && error.code === 'ERR_MODULE_NOT_FOUND';
  const remedy = command && error instanceof command.BuildModelsError
    ? error.remedy
    : missingModule
      ? [
          'npm ci   (the build needs the devDependencies flatbuffers, @mediapipe/pose and @mediapipe/face_mesh)',
          'or, for an install without devDependencies that needs no models: ATLAS_SKIP_MODELS=1 npm ci --omit=dev',
        ]
      : [];
  console.error(
    [
      '',
      '==================================================================',
      `build-models ${mode} FAILED: ${message}`,
      ...(remedy.length ? ['To fix:', ...remedy.map((step) => `  - ${step}`)] : []),
      'Details: models/README.md',
      '==================================================================',
      '',
    ].join('\n'),
  );
  if (remedy.length === 0) console.error(error);
  process.exit(1);
}

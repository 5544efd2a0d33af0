#!/usr/bin/env node
// Assembles MediaPipe .task bundles in models/ from the npm packages @mediapipe/pose and
// @mediapipe/face_mesh (no download). See models/README.md. Runs as `postinstall`.
//   node scripts/build-models.mjs            build if missing or stale (idempotent)
//   node scripts/build-models.mjs --verify   check models/*.task and a rebuild against models/checksums.json
//   node scripts/build-models.mjs --record   rebuild and re-record models/checksums.json
// ATLAS_SKIP_MODELS=1 skips everything (e.g. production installs without devDependencies).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BuildModelsError, runBuildModels } from './models/build-command.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const mode = args.includes('--verify') ? 'verify' : args.includes('--record') ? 'record' : 'build';
const log = (line) => console.log(`build-models: ${line}`);

if (process.env.ATLAS_SKIP_MODELS === '1' && mode === 'build') {
  log('skipped (ATLAS_SKIP_MODELS=1); the app needs models/*.task: run `npm run models` before using it');
  process.exit(0);
}

try {
  runBuildModels({ mode, nodeModules: path.join(root, 'node_modules'), modelsDir: path.join(root, 'models'), log });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  const remedy = error instanceof BuildModelsError ? error.remedy : [];
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
  if (!(error instanceof BuildModelsError)) console.error(error);
  process.exit(1);
}

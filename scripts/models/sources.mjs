import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { extractPackedAsset, readPackedAssetIndex } from './packed-assets.mjs';

/** The npm packages every byte of the bundles comes from (both Apache-2.0, devDependencies). */
export const SOURCE_PACKAGES = {
  pose: { name: '@mediapipe/pose', version: '0.5.1675469404' },
  faceMesh: { name: '@mediapipe/face_mesh', version: '0.4.1657299874' },
};

export class SourceMissingError extends Error {
  constructor(message) {
    super(message);
    this.name = 'SourceMissingError';
  }
}

/** @param {string} nodeModules @param {{ name: string, version: string }} pkg */
function packageDir(nodeModules, pkg) {
  const dir = path.join(nodeModules, pkg.name);
  const manifest = path.join(dir, 'package.json');
  if (!existsSync(manifest)) throw new SourceMissingError(`${pkg.name}@${pkg.version} is not installed (no ${manifest})`);
  const { version } = JSON.parse(readFileSync(manifest, 'utf8'));
  if (version !== pkg.version) throw new SourceMissingError(`${pkg.name} is ${version}, the bundles are built from ${pkg.version}`);
  return dir;
}

/**
 * @typedef {{ package: string, file: string, start: number, end: number, bytes: Uint8Array }} SourceFile
 * `file` is the file in the package; start/end is the byte range within it.
 */

/** @param {string} nodeModules @param {{ name: string, version: string }} pkg @param {string} file */
function wholeFile(nodeModules, pkg, file) {
  const full = path.join(packageDir(nodeModules, pkg), file);
  if (!existsSync(full)) throw new SourceMissingError(`${pkg.name}@${pkg.version} has no ${file}`);
  const bytes = new Uint8Array(readFileSync(full));
  return { package: `${pkg.name}@${pkg.version}`, file, start: 0, end: bytes.length, bytes };
}

/**
 * @param {string} nodeModules @param {{ name: string, version: string }} pkg
 * @param {string} prefix e.g. "pose_solution" @param {string} basename
 * @returns {SourceFile}
 */
function packedFile(nodeModules, pkg, prefix, basename) {
  const dir = packageDir(nodeModules, pkg);
  const loader = `${prefix}_packed_assets_loader.js`;
  const data = `${prefix}_packed_assets.data`;
  for (const f of [loader, data]) {
    if (!existsSync(path.join(dir, f))) throw new SourceMissingError(`${pkg.name}@${pkg.version} has no ${f}`);
  }
  const index = readPackedAssetIndex(readFileSync(path.join(dir, loader), 'utf8'));
  const { range, bytes } = extractPackedAsset(index, new Uint8Array(readFileSync(path.join(dir, data))), basename);
  return { package: `${pkg.name}@${pkg.version}`, file: `${data} (${basename})`, ...range, bytes };
}

/** @param {string} nodeModules */
export function loadSources(nodeModules) {
  const { pose, faceMesh } = SOURCE_PACKAGES;
  return {
    poseDetector: packedFile(nodeModules, pose, 'pose_solution', 'pose_detection.tflite'),
    poseLandmarkLite: wholeFile(nodeModules, pose, 'pose_landmark_lite.tflite'),
    poseLandmarkFull: wholeFile(nodeModules, pose, 'pose_landmark_full.tflite'),
    faceDetector: packedFile(nodeModules, faceMesh, 'face_mesh_solution', 'face_detection_short_range.tflite'),
    faceLandmark: packedFile(nodeModules, faceMesh, 'face_mesh_solution', 'face_landmark.tflite'),
    faceGeometry: packedFile(nodeModules, faceMesh, 'face_mesh_solution', 'geometry_pipeline_metadata_landmarks.binarypb'),
  };
}

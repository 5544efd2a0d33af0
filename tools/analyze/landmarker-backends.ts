import { createLandmarker, type PoseModel } from '../../src/vision/landmarkers';
import { loadVisionWasm } from '../../src/vision/vision-wasm';
import type { LandmarkerMaker } from './observation-detector';

/** MediaPipe tasks-vision on the CPU, the wasm loaded once; the full pose model unless asked for the live coach's lite. */
export async function mediapipeMaker(wasmBaseUrl: string, poseModel: PoseModel): Promise<LandmarkerMaker> {
  const wasm = await loadVisionWasm(new URL(wasmBaseUrl, globalThis.location.href).href);
  return (kind) => createLandmarker({ kind, poseModel, delegate: 'CPU' }, wasm);
}

/**
 * The app's TF.js landmarkers exactly as the live coach's TF.js workers make them
 * (src/vision/worker/landmarker.worker.ts: defaults, wasm backend, region tracking on), loaded
 * only when asked for.
 */
export async function tfjsMaker(): Promise<LandmarkerMaker> {
  const { createTfjsLandmarker } = await import('../../src/vision/tfjs/tfjs-landmarker');
  return (kind) => createTfjsLandmarker({ kind });
}

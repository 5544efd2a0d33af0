import type { PoseLandmarker } from '@mediapipe/tasks-vision';
import { ModuleFactory } from 'virtual:atlas/vision-wasm-loader';
import { VisionError, errorMessage } from './vision-error';

/** tasks-vision does not export its WasmFileset type. */
export type WasmFileset = Parameters<typeof PoseLandmarker.createFromOptions>[0];

/** The SIMD build: every browser Atlas targets has wasm SIMD. */
export const VISION_WASM_FILE = 'vision_wasm_internal.wasm';

/** tasks-vision's WebAssembly, fetched and checked once, shared by the landmarkers of one thread. */
export interface VisionWasm {
  readonly url: string;
  readonly binary: Uint8Array;
}

export async function loadVisionWasm(wasmBaseUrl: string, fetchImpl: typeof fetch = fetch): Promise<VisionWasm> {
  const url = new URL(VISION_WASM_FILE, ensureTrailingSlash(wasmBaseUrl)).href;
  let response: Response;
  try {
    response = await fetchImpl(url);
  } catch (error) {
    throw new VisionError({ code: 'wasm', url, message: `Could not load ${url}: ${errorMessage(error)}` }, { cause: error });
  }
  if (!response.ok) throw new VisionError({ code: 'wasm', url, message: `Could not load ${url}: HTTP ${response.status}` });
  const binary = new Uint8Array(await response.arrayBuffer());
  if (!WebAssembly.validate(binary)) {
    throw new VisionError({ code: 'wasm', url, message: `${url} is not valid WebAssembly (${binary.byteLength} bytes)` });
  }
  return { url, binary };
}

/**
 * Hands the loader and the binary to the next tasks-vision `createFromOptions`. tasks-vision reads
 * them from the globals `ModuleFactory` and `Module` and clears both after every landmarker, so
 * this runs right before each creation; an empty loader path makes it skip its own script loading
 * (which needs `importScripts` or a DOM).
 */
export function installVisionWasm(wasm: VisionWasm): WasmFileset {
  Reflect.set(globalThis, 'ModuleFactory', ModuleFactory);
  Reflect.set(globalThis, 'Module', { wasmBinary: wasm.binary });
  return { wasmLoaderPath: '', wasmBinaryPath: wasm.url };
}

export function uninstallVisionWasm(): void {
  Reflect.set(globalThis, 'ModuleFactory', undefined);
  Reflect.set(globalThis, 'Module', undefined);
}

export function ensureTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

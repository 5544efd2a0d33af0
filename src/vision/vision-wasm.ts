import type { PoseLandmarker } from '@mediapipe/tasks-vision';
import { ModuleFactory } from 'virtual:atlas/vision-wasm-loader';
import { announcedLength, type OnFileProgress } from './load-progress';
import { VisionError, errorMessage } from './vision-error';

/** tasks-vision does not export its WasmFileset type. */
export type WasmFileset = Parameters<typeof PoseLandmarker.createFromOptions>[0];

/** The SIMD build: every browser Atlas targets has wasm SIMD. */
export const VISION_WASM_FILE = 'vision_wasm_internal.wasm';

/** tasks-vision's WebAssembly, compiled once, shared by the landmarkers of one thread. */
export interface VisionWasm {
  readonly url: string;
  readonly module: WebAssembly.Module;
}

/**
 * Fetches and compiles tasks-vision's wasm (11 MB) with `compileStreaming`: compiling overlaps
 * the download, and the browser keeps the compiled code with the cached response, so later visits
 * skip the compile (Emscripten's own `wasmBinary` path compiles from a buffer every time).
 * Throws VisionError 'wasm' naming the URL.
 */
export async function loadVisionWasm(wasmBaseUrl: string, fetchImpl: typeof fetch = fetch, onProgress: OnFileProgress = () => undefined): Promise<VisionWasm> {
  const url = new URL(VISION_WASM_FILE, ensureTrailingSlash(wasmBaseUrl)).href;
  let response: Response;
  try {
    response = await fetchImpl(url);
  } catch (error) {
    throw new VisionError({ code: 'wasm', url, message: `Could not load ${url}: ${errorMessage(error)}` }, { cause: error });
  }
  if (!response.ok) throw new VisionError({ code: 'wasm', url, message: `Could not load ${url}: HTTP ${response.status}` });
  // Counted whole when compiled: reading the stream here would lose the browser's compiled-code cache.
  const totalBytes = announcedLength(response);
  onProgress({ url, loadedBytes: 0, totalBytes });
  try {
    const module = await compileResponse(response);
    onProgress({ url, loadedBytes: totalBytes ?? 1, totalBytes: totalBytes ?? 1 });
    return { url, module };
  } catch (error) {
    throw new VisionError({ code: 'wasm', url, message: `${url} is not valid WebAssembly: ${errorMessage(error)}` }, { cause: error });
  }
}

/** Streaming when the response is served as application/wasm (it must be, for streaming); from the bytes otherwise. */
async function compileResponse(response: Response): Promise<WebAssembly.Module> {
  const streamable = typeof WebAssembly.compileStreaming === 'function' && response.headers.get('content-type')?.split(';')[0]?.trim() === 'application/wasm';
  return streamable ? WebAssembly.compileStreaming(response) : WebAssembly.compile(await response.arrayBuffer());
}

export interface InstalledVisionWasm {
  readonly fileset: WasmFileset;
  /** Rejects with VisionError 'wasm' if instantiation fails: race it with the creation. */
  readonly failed: Promise<never>;
}

/** Emscripten's hook for instantiating the wasm itself: imports in, the instance handed back. */
type InstantiateWasm = (imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void) => object;

/**
 * Hands the loader and the compiled module to the next tasks-vision `createFromOptions`.
 * tasks-vision reads them from the globals `ModuleFactory` and `Module` and clears both after every
 * landmarker, so this runs right before each creation; an empty loader path makes it skip its own
 * script loading (which needs `importScripts` or a DOM). Emscripten's `instantiateWasm` hook
 * instantiates the module compiled once by `loadVisionWasm` instead of fetching and compiling again.
 */
export function installVisionWasm(wasm: VisionWasm): InstalledVisionWasm {
  let fail: (error: VisionError) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => {
    fail = reject;
  });
  // Only the race in the caller observes it: no unhandled rejection when all goes well.
  failed.catch(() => undefined);
  const instantiateWasm: InstantiateWasm = (imports, receive) => {
    WebAssembly.instantiate(wasm.module, imports).then(
      (instance) => receive(instance, wasm.module),
      // Emscripten's hook has no failure path: without this, creation would wait forever (e.g. out of memory).
      (error: unknown) => fail(new VisionError({ code: 'wasm', url: wasm.url, message: `tasks-vision's WebAssembly failed to start: ${errorMessage(error)}` }, { cause: error })),
    );
    return {};
  };
  Reflect.set(globalThis, 'ModuleFactory', ModuleFactory);
  Reflect.set(globalThis, 'Module', { instantiateWasm });
  return { fileset: { wasmLoaderPath: '', wasmBinaryPath: wasm.url }, failed };
}

export function uninstallVisionWasm(): void {
  Reflect.set(globalThis, 'ModuleFactory', undefined);
  Reflect.set(globalThis, 'Module', undefined);
}

export function ensureTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

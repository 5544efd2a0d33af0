import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { TFJS_WASM_PREFIX } from './tfjs-assets';

/** 'wasm' (XNNPACK, SIMD) is the default: WebGL on a software GPU (headless, VMs) is much slower. */
export type TfjsBackendName = 'wasm' | 'webgl' | 'cpu';

let active: Promise<typeof tf> | null = null;
let activeName: TfjsBackendName | null = null;

/**
 * Starts TF.js once per thread on `backend`, its wasm fetched from this origin (`/tfjs-wasm/`).
 * Throws when the backend cannot start (the probe then rules TF.js out).
 */
export function startTfjs(backend: TfjsBackendName = 'wasm', wasmBaseUrl?: string): Promise<typeof tf> {
  if (active && activeName === backend) return active;
  activeName = backend;
  active = (async () => {
    if (backend === 'wasm') setWasmPaths(wasmBaseUrl ?? new URL(TFJS_WASM_PREFIX, globalThis.location.href).href);
    const ok = await tf.setBackend(backend);
    if (!ok) throw new Error(`TF.js backend ${backend} failed to start`);
    await tf.ready();
    return tf;
  })();
  active.catch(() => {
    active = null;
    activeName = null;
  });
  return active;
}

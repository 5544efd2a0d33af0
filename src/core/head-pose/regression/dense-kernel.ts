import { DENSE_KERNEL_SCALAR_WASM } from './dense-kernel-scalar-wasm';
import { DENSE_KERNEL_WASM } from './dense-kernel-wasm';

/**
 * The WebAssembly JavaScript API, as far as this file uses it. Every JavaScript host the app and
 * its tools run in has it (browsers, workers, Node); it reads no clock and no page. Declared here
 * because the core is compiled without the DOM's types, where TypeScript keeps it.
 */
declare const WebAssembly: {
  readonly validate: (bytes: Uint8Array) => boolean;
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object, imports: Record<string, never>) => { readonly exports: Record<string, unknown> };
};

interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

/** dense-kernel.wat's exports (byte addresses into `memory`). */
export interface DenseKernel {
  readonly memory: WasmMemory;
  /** One layer, blocks of 8 outputs; squash ≠ 0 applies tanh (dense-kernel.wat). */
  readonly dense: (weights: number, bias: number, x: number, y: number, inputs: number, blocks: number, squash: number) => void;
  /** tanh in place on the f64 values from byte `at` up to byte `end` (an even count for the SIMD build). */
  readonly squash: (at: number, end: number) => void;
}

/** Outputs per block of dense-kernel.wat's `dense` (four f64x2 accumulators). */
export const KERNEL_BLOCK = 8;
/** Bytes per WebAssembly memory page. */
const PAGE_BYTES = 65536;
/** Where the tanh tables end: dense-kernel.wat's memory map (2 × 64 f64). */
export const KERNEL_TABLES_BYTES = 1024;

const STEPS = 64;

/**
 * The kernel's two builds, with the same results bit for bit: 'simd' (dense-kernel.wat), and
 * 'scalar' (dense-kernel-scalar.wat) for engines without WebAssembly's SIMD (Safari before 16.4;
 * the app then runs on TF.js, whose plain wasm build they can run).
 */
export type KernelBuild = 'simd' | 'scalar';

/** The build this engine runs: SIMD where it validates. */
export function preferredKernelBuild(): KernelBuild {
  return WebAssembly.validate(DENSE_KERNEL_WASM) ? 'simd' : 'scalar';
}

function isFunction(value: unknown): value is (...args: never[]) => unknown {
  return typeof value === 'function';
}

/**
 * A fresh instance of the kernel with at least `bytes` of memory and its tanh tables written
 * (2^(j/64) at 0, 2^−i at 512). Each instance owns its memory: one per network. Compiled here,
 * not when the module loads (under a millisecond for its 900 bytes, a few times a session).
 */
export function denseKernel(bytes: number, build: KernelBuild = preferredKernelBuild()): DenseKernel {
  const module = new WebAssembly.Module(build === 'simd' ? DENSE_KERNEL_WASM : DENSE_KERNEL_SCALAR_WASM);
  const { exports } = new WebAssembly.Instance(module, {});
  const memory = exports['memory'] as WasmMemory;
  const dense = exports['dense'], squash = exports['squash'];
  if (!isFunction(dense) || !isFunction(squash)) throw new Error('dense kernel: exports missing');
  const missing = bytes - memory.buffer.byteLength;
  if (missing > 0) memory.grow(Math.ceil(missing / PAGE_BYTES));
  const tables = new Float64Array(memory.buffer, 0, KERNEL_TABLES_BYTES / 8);
  for (let j = 0; j < STEPS; j += 1) tables[j] = 2 ** (j / STEPS);
  for (let i = 0; i < STEPS; i += 1) tables[STEPS + i] = 2 ** -i;
  return { memory, dense: dense as DenseKernel['dense'], squash: squash as DenseKernel['squash'] };
}

import wabt from 'wabt';

/**
 * The WebAssembly the app runs, written as text beside the code that calls it and compiled into a
 * TypeScript module of bytes (the core imports bytes, not a .wasm file: it stays a plain ES module
 * that Vite, Vitest and Node load alike, and no file is fetched at run time).
 */
export interface WatModule {
  /** The text source (.wat), relative to the repository root. */
  readonly wat: string;
  /** The TypeScript module written from it, relative to the repository root. */
  readonly module: string;
  /** The name of the Uint8Array the module exports. */
  readonly exportName: string;
}

export const WAT_MODULES: readonly WatModule[] = [
  { wat: 'src/core/head-pose/regression/dense-kernel.wat', module: 'src/core/head-pose/regression/dense-kernel-wasm.ts', exportName: 'DENSE_KERNEL_WASM' },
  { wat: 'src/core/head-pose/regression/dense-kernel-scalar.wat', module: 'src/core/head-pose/regression/dense-kernel-scalar-wasm.ts', exportName: 'DENSE_KERNEL_SCALAR_WASM' },
];

/** `text` (WebAssembly text, SIMD allowed) as a validated binary module. */
export async function compileWat(text: string, fileName: string): Promise<Uint8Array> {
  const toolkit = await wabt();
  const parsed = toolkit.parseWat(fileName, text, { simd: true });
  try {
    parsed.validate();
    return Uint8Array.from(parsed.toBinary({}).buffer);
  } finally {
    parsed.destroy();
  }
}

/**
 * The TypeScript module holding `bytes`, as `npm run build:wasm` writes it: the bytes on one line
 * (a machine's output, not for reading; the .wat is the source).
 */
export function bytesModuleSource(spec: WatModule, bytes: Uint8Array): string {
  return [
    `// Written by \`npm run build:wasm\` from ${spec.wat.split('/').pop() ?? spec.wat}: do not edit (edit the .wat, then run it).`,
    `export const ${spec.exportName} = Uint8Array.from([${Array.from(bytes).join(', ')}]);`,
    '',
  ].join('\n');
}

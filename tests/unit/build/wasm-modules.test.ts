import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileWat, WAT_MODULES } from '../../../scripts/wasm/compile-wat';

const ROOT = path.resolve(__dirname, '../../..');

describe('the WebAssembly the app runs', () => {
  it.each(WAT_MODULES.map((spec) => [spec.wat, spec] as const))('%s is what its bytes module holds (else run npm run build:wasm)', async (_, spec) => {
    const compiled = await compileWat(readFileSync(path.join(ROOT, spec.wat), 'utf8'), spec.wat);
    const module: Record<string, unknown> = await import(path.join(ROOT, spec.module));
    expect(module[spec.exportName]).toEqual(compiled);
  });
});

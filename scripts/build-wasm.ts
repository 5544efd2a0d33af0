/**
 * `npm run build:wasm`: compiles the app's WebAssembly text sources (scripts/wasm/compile-wat.ts,
 * WAT_MODULES) into the TypeScript modules of bytes the code imports. Run it after editing a .wat;
 * tests/unit/build/wasm-modules.test.ts fails while a module is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bytesModuleSource, compileWat, WAT_MODULES } from './wasm/compile-wat';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
for (const spec of WAT_MODULES) {
  const bytes = await compileWat(readFileSync(path.join(root, spec.wat), 'utf8'), spec.wat);
  writeFileSync(path.join(root, spec.module), bytesModuleSource(spec, bytes));
  process.stdout.write(`${spec.wat} → ${spec.module} (${bytes.length} bytes)\n`);
}

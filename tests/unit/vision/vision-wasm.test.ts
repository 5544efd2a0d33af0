import { afterEach, describe, expect, it, vi } from 'vitest';
import { VisionError } from '../../../src/vision/vision-error';

// The Emscripten loader is served by a Vite plugin; these tests only need a stand-in.
vi.mock('virtual:atlas/vision-wasm-loader', () => ({ ModuleFactory: () => undefined }));
const { installVisionWasm, loadVisionWasm, uninstallVisionWasm } = await import('../../../src/vision/vision-wasm');

/** (module (func (export "answer") (result i32) i32.const 42)) */
const ANSWER_WASM = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 127, 3, 2, 1, 0, 7, 10, 1, 6, 97, 110, 115, 119, 101, 114, 0, 0, 10, 6, 1, 4, 0, 65, 42, 11]);
/** (module (import "env" "f" (func))): instantiating it without that import fails. */
const NEEDS_IMPORT_WASM = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 2, 9, 1, 3, 101, 110, 118, 1, 102, 0, 0]);

const BASE = 'https://atlas.test/wasm';
const served = (bytes: Uint8Array<ArrayBuffer>, status = 200, type = 'application/wasm'): typeof fetch =>
  (async () => new Response(bytes, { status, headers: { 'content-type': type } })) as typeof fetch;

type InstantiateHook = (imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void) => object;

function installedHook(): InstantiateHook {
  const module = Reflect.get(globalThis, 'Module') as { instantiateWasm: InstantiateHook };
  return module.instantiateWasm;
}

describe('loadVisionWasm', () => {
  afterEach(() => uninstallVisionWasm());

  it('compiles the wasm once (streaming when served as application/wasm, from bytes otherwise)', async () => {
    for (const type of ['application/wasm', 'application/octet-stream']) {
      const wasm = await loadVisionWasm(BASE, served(ANSWER_WASM, 200, type));
      expect(wasm.url).toBe(`${BASE}/vision_wasm_internal.wasm`);
      expect(WebAssembly.Module.exports(wasm.module)).toEqual([{ name: 'answer', kind: 'function' }]);
    }
  });

  it('names the URL and the problem: HTTP status, network failure, not WebAssembly', async () => {
    await expect(loadVisionWasm(BASE, served(ANSWER_WASM, 404))).rejects.toMatchObject({ info: { code: 'wasm', message: expect.stringMatching(/HTTP 404/) } });
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    await expect(loadVisionWasm(BASE, offline)).rejects.toMatchObject({ info: { code: 'wasm', message: expect.stringMatching(/Failed to fetch/) } });
    const html = new TextEncoder().encode('<!doctype html><title>404</title>');
    const error = await loadVisionWasm(BASE, served(html)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VisionError);
    expect((error as VisionError).info).toMatchObject({ code: 'wasm', url: `${BASE}/vision_wasm_internal.wasm`, message: expect.stringMatching(/not valid WebAssembly/) });
  });
});

describe('installVisionWasm', () => {
  afterEach(() => uninstallVisionWasm());

  it("gives Emscripten an instantiateWasm hook that instantiates the module compiled once", async () => {
    const wasm = await loadVisionWasm(BASE, served(ANSWER_WASM));
    const { fileset } = installVisionWasm(wasm);
    expect(fileset).toEqual({ wasmLoaderPath: '', wasmBinaryPath: wasm.url });
    const received = await new Promise<{ instance: WebAssembly.Instance; module: WebAssembly.Module }>((resolve) => {
      installedHook()({}, (instance, module) => resolve({ instance, module }));
    });
    expect(received.module).toBe(wasm.module);
    expect((received.instance.exports.answer as () => number)()).toBe(42);
  });

  it('turns a failed instantiation into a VisionError instead of waiting forever', async () => {
    const wasm = await loadVisionWasm(BASE, served(NEEDS_IMPORT_WASM));
    const { failed } = installVisionWasm(wasm);
    const receive = vi.fn();
    installedHook()({}, receive);
    await expect(failed).rejects.toMatchObject({ info: { code: 'wasm', message: expect.stringMatching(/failed to start/) } });
    expect(receive).not.toHaveBeenCalled();
  });

  it('uninstalls the globals tasks-vision reads', async () => {
    installVisionWasm(await loadVisionWasm(BASE, served(ANSWER_WASM)));
    uninstallVisionWasm();
    expect([Reflect.get(globalThis, 'Module'), Reflect.get(globalThis, 'ModuleFactory')]).toEqual([undefined, undefined]);
  });
});

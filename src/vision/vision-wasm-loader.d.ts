/**
 * tasks-vision's Emscripten loader (`wasm/vision_wasm_internal.js`) turned into an ES module by
 * vite.config.ts, so it also works in module workers, where tasks-vision's own `importScripts`
 * cannot load it.
 */
declare module 'virtual:atlas/vision-wasm-loader' {
  export const ModuleFactory: (moduleArg?: object) => Promise<object>;
}

import type { WebGLRenderer } from 'three';

/** The renderer's last frame as RGBA pixels, rows bottom to top (WebGL's order). */
export function readPixelsBottomUp(renderer: WebGLRenderer): Uint8Array {
  const gl = renderer.getContext();
  const { width, height } = gl.canvas;
  const out = new Uint8Array(width * height * 4);
  gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, out);
  return out;
}

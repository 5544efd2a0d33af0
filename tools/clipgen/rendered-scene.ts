import type { Texture, WebGLRenderer } from 'three';
import { readPixelsBottomUp } from './read-pixels';

/** What the photo head's and the scan's scenes share: a renderer whose frame is read back, textures to free. */
export abstract class RenderedScene {
  protected abstract readonly renderer: WebGLRenderer;
  protected abstract readonly textures: readonly Texture[];

  /** The last rendered frame's RGBA pixels, rows bottom to top (WebGL's order). */
  readPixelsBottomUp(): Uint8Array {
    return readPixelsBottomUp(this.renderer);
  }

  dispose(): void {
    for (const t of this.textures) t.dispose();
    this.renderer.dispose();
  }
}

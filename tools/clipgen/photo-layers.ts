import { BufferAttribute, BufferGeometry, CanvasTexture, Color, DoubleSide, Mesh, MeshBasicMaterial, NoColorSpace, type Texture } from 'three';
import { paintOutArms, type ArmBand } from './core/arm-inpaint';
import { backProject, photoUv, type CameraRig } from './core/camera-rig';
import type { HeadShape } from './core/head-shape';
import { inpaintEllipse } from './core/inpaint';

/** The photo's background sits this far behind the head (photo pixels); any depth behind it works. */
export const BACKGROUND_DEPTH = 1500;

/** The photo; with `shape`, its head painted out; with `armBands`, its hanging arms too. */
export function photoCanvas(photo: ImageBitmap, shape: HeadShape | null, armBands: readonly ArmBand[] = []): OffscreenCanvas {
  const canvas = new OffscreenCanvas(photo.width, photo.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D context');
  ctx.drawImage(photo, 0, 0);
  if (shape !== null) {
    const image = ctx.getImageData(0, 0, photo.width, photo.height);
    inpaintEllipse(image.data, photo.width, photo.height, shape.inpaint, shape.keepBelowY);
    paintOutArms(image.data, photo.width, photo.height, armBands);
    ctx.putImageData(image, 0, 0);
  }
  return canvas;
}

export function texture(canvas: OffscreenCanvas): Texture {
  const t = new CanvasTexture(canvas);
  // Pixels pass through untouched (no sRGB decode/encode): the output must match the photo.
  t.colorSpace = NoColorSpace;
  return t;
}

/** The (painted) photo as a plane far behind the head, exactly filling the camera's view of it. */
export function backgroundMesh(rig: CameraRig, map: Texture): Mesh {
  const corners: [number, number][] = [[0, rig.photoHeight], [rig.photoWidth, rig.photoHeight], [rig.photoWidth, 0], [0, 0]];
  const positions = new Float32Array(12);
  const uvs = new Float32Array(8);
  corners.forEach(([px, py], i) => {
    positions.set(backProject(rig, px, py, -BACKGROUND_DEPTH), i * 3);
    uvs.set(photoUv(rig, px, py), i * 2);
  });
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(positions, 3));
  geometry.setAttribute('uv', new BufferAttribute(uvs, 2));
  geometry.setIndex([0, 1, 2, 0, 2, 3]);
  return new Mesh(geometry, new MeshBasicMaterial({ map, side: DoubleSide }));
}

/** Mean colour of a small square of the photo (0..1 per channel). */
export function sampleColour(photo: OffscreenCanvas, px: number, py: number, half: number): Color {
  const ctx = photo.getContext('2d');
  if (!ctx) throw new Error('no 2D context');
  const size = 2 * half + 1;
  const data = ctx.getImageData(Math.round(px - half), Math.round(py - half), size, size).data;
  let r = 0, g = 0, b = 0;
  for (let i = 0; i < data.length; i += 4) {
    r += data[i] ?? 0;
    g += data[i + 1] ?? 0;
    b += data[i + 2] ?? 0;
  }
  const n = (data.length / 4) * 255;
  return new Color(r / n, g / n, b / n);
}

/**
 * The virtual camera that films the photo. World units are the photo's pixels: x to the image's
 * right, y up (world y = −row), z toward the viewer; the photo plane is z = 0. A pinhole camera on
 * the axis through the crop's centre sees the crop exactly, so a point at depth z placed with
 * `backProject` lands on the photo pixel it came from: at neutral pose the render is the photo.
 */
export interface CameraRig {
  /** Photo size, pixels. */
  readonly photoWidth: number;
  readonly photoHeight: number;
  /** Crop of the photo that fills the frame (pixels, top-left origin), aspect = output aspect. */
  readonly cropX: number;
  readonly cropY: number;
  readonly cropWidth: number;
  readonly cropHeight: number;
  readonly verticalFovDeg: number;
  /** Camera position: (centreX, −centreY, distance). */
  readonly centreX: number;
  readonly centreY: number;
  readonly distance: number;
}

export type WorldPoint = readonly [number, number, number];

/**
 * A crop of aspect width:height as wide as the photo allows, `topFraction` of the spare height above
 * it. The narrow field of view keeps the perspective mild, like a webcam at arm's length.
 */
export function cameraRig(photoWidth: number, photoHeight: number, aspect: number, verticalFovDeg: number, topFraction = 0): CameraRig {
  let cropWidth = photoWidth;
  let cropHeight = photoWidth / aspect;
  if (cropHeight > photoHeight) {
    cropHeight = photoHeight;
    cropWidth = photoHeight * aspect;
  }
  const cropX = (photoWidth - cropWidth) / 2;
  const cropY = (photoHeight - cropHeight) * topFraction;
  const distance = cropHeight / 2 / Math.tan((verticalFovDeg * Math.PI) / 360);
  return {
    photoWidth,
    photoHeight,
    cropX,
    cropY,
    cropWidth,
    cropHeight,
    verticalFovDeg,
    centreX: cropX + cropWidth / 2,
    centreY: cropY + cropHeight / 2,
    distance,
  };
}

/** The world point at depth z that the camera sees at photo pixel (px, py). */
export function backProject(rig: CameraRig, px: number, py: number, z: number): WorldPoint {
  const k = (rig.distance - z) / rig.distance;
  return [rig.centreX + (px - rig.centreX) * k, -(rig.centreY + (py - rig.centreY) * k), z];
}

/** Photo pixel (px, py) where the camera sees a world point. */
export function project(rig: CameraRig, p: WorldPoint): { readonly px: number; readonly py: number } {
  const k = rig.distance / (rig.distance - p[2]);
  return { px: rig.centreX + (p[0] - rig.centreX) * k, py: rig.centreY + (-p[1] - rig.centreY) * k };
}

/** Texture coordinates of a photo pixel (three.js: v = 0 at the image's bottom). */
export function photoUv(rig: CameraRig, px: number, py: number): readonly [number, number] {
  return [px / rig.photoWidth, 1 - py / rig.photoHeight];
}

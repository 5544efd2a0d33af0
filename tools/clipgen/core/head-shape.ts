import type { Landmark } from '../../../src/core/landmarks';
import { backProject, photoUv, type CameraRig, type WorldPoint } from './camera-rig';
import type { Ellipse } from './inpaint';
import { holeFans } from './mesh-triangles';

/** Face-mesh points used to size the head (MediaPipe's canonical face mesh indices). */
export const FACE_POINT = {
  foreheadTop: 10,
  /** The forehead's middle, between its top and the brows. */
  foreheadMiddle: 151,
  chin: 152,
  /** Cheek contour beside the ear: the subject's right (image left) and left (image right). */
  rightCheek: 234,
  leftCheek: 454,
  noseTip: 1,
} as const;

/** Proportions of an adult head relative to the face mesh (anthropometric rules of thumb). */
export const HEAD_PROPORTIONS = {
  /** Skull half-width over half the cheek-to-cheek width (hair at the temples). */
  widthOverFace: 1.1,
  /** Top of the hair above the mesh's top point (landmark 10), in face heights (point 10 to chin). */
  hairAboveForehead: 0.3,
  /** The skull ends a little above the chin so the mesh's chin stays in front. */
  chinClearance: 0.08,
  /** Skull depth half-axis over the cheek-to-cheek width. */
  depthOverFaceWidth: 0.62,
  /** How far behind the forehead's top the skull's front passes, in face widths. */
  faceClearance: 0.02,
  /** The photo's own head is removed over a larger ellipse than the skull's outline (ears, hair). */
  inpaintMarginX: 1.25,
  inpaintMarginY: 1.08,
  /** Skin colour for the skull's sides: a cheek point this far (face widths) in from the contour. */
  skinSampleInset: 0.15,
  /** Hair for the back of the skull: a band this far (face heights) below the top of the hair… */
  hairBandBelowTop: 0.06,
  /** …spanning this share of the skull's half-width. */
  hairBandHalfWidth: 0.3,
  /** The neck's radius over the cheek-to-cheek width. */
  neckRadiusOverFaceWidth: 0.36,
  /** The neck ends this far (face heights) above the chin, so the photo's own neck shows below it. */
  neckAboveChin: 0.12,
} as const;

const SKULL_FIT_STEPS = 4;

export interface HeadShape {
  /**
   * Face-mesh vertices in world units (photo pixels), xyz per landmark, then one vertex per closed
   * hole (eyes, mouth: the tesselation leaves them open) at the mean of its rim.
   */
  readonly facePositions: Float32Array;
  /** Their texture coordinates in the photo (u, v with v up). */
  readonly faceUvs: Float32Array;
  /** The tesselation's triangles plus those closing the holes. */
  readonly faceTriangles: Uint16Array;
  readonly skullCentre: WorldPoint;
  readonly skullRadii: WorldPoint;
  /** The neck pivot the head rotates about (world units). */
  readonly pivot: WorldPoint;
  /** Where the photo's own head is painted out (photo pixels). */
  readonly inpaint: Ellipse;
  /** Photo row below which the photo is kept as is (the neck). */
  readonly keepBelowY: number;
  readonly faceWidthPx: number;
  readonly faceHeightPx: number;
  readonly depthScale: number;
  /** The face mesh's outline in the photo as an ellipse (pixels): the skull shows plain skin there. */
  readonly faceOval: Ellipse;
  /** Photo pixels whose colours texture the skull where the photo has no view of it. */
  readonly skinSample: { readonly px: number; readonly py: number };
  /** A horizontal band of hair: y, and the half-width it spans around the skull's centre. */
  readonly hairBand: { readonly py: number; readonly halfWidthPx: number };
  /** Neck column (world units): radius, and the rows (world y) it spans. */
  readonly neck: { readonly radius: number; readonly topY: number; readonly bottomY: number };
}

function point(landmarks: readonly Landmark[], index: number): Landmark {
  const p = landmarks[index];
  if (p === undefined) throw new Error(`face landmark ${index} missing (got ${landmarks.length} points)`);
  return p;
}

/**
 * The head's geometry from one photo's face landmarks (normalised x, y and MediaPipe's relative z,
 * which has the scale of x): the mesh is placed along the camera rays so that at neutral pose every
 * vertex lands on its own photo pixel; an ellipsoid skull carries hair and ears behind it.
 * `depthScale` multiplies MediaPipe's z (see depth-scale.ts).
 */
export function headShape(rig: CameraRig, landmarks: readonly Landmark[], triangles: Uint16Array, depthScale = 1): HeadShape {
  const w = rig.photoWidth, h = rig.photoHeight;
  const holes = holeFans(triangles, landmarks.length);
  const vertexCount = landmarks.length + holes.centres.length;
  const facePositions = new Float32Array(vertexCount * 3);
  const faceUvs = new Float32Array(vertexCount * 2);
  landmarks.forEach((p, i) => {
    // MediaPipe z: smaller = closer to the camera; world z grows toward the camera.
    const world = backProject(rig, p.x * w, p.y * h, -p.z * w * depthScale);
    facePositions.set(world, i * 3);
    faceUvs.set(photoUv(rig, p.x * w, p.y * h), i * 2);
  });
  holes.centres.forEach((rim, i) => {
    const v = landmarks.length + i;
    for (let k = 0; k < 3; k++) facePositions[v * 3 + k] = rim.reduce((s, r) => s + (facePositions[r * 3 + k] ?? 0), 0) / rim.length;
    for (let k = 0; k < 2; k++) faceUvs[v * 2 + k] = rim.reduce((s, r) => s + (faceUvs[r * 2 + k] ?? 0), 0) / rim.length;
  });
  const faceTriangles = new Uint16Array(triangles.length + holes.triangles.length);
  faceTriangles.set(triangles);
  faceTriangles.set(holes.triangles, triangles.length);
  const top = point(landmarks, FACE_POINT.foreheadTop), chin = point(landmarks, FACE_POINT.chin);
  const right = point(landmarks, FACE_POINT.rightCheek), left = point(landmarks, FACE_POINT.leftCheek);
  const faceWidthPx = Math.abs(left.x - right.x) * w;
  const faceHeightPx = (chin.y - top.y) * h;
  const P = HEAD_PROPORTIONS;
  const topPx = top.y * h - P.hairAboveForehead * faceHeightPx;
  const bottomPx = chin.y * h - P.chinClearance * faceHeightPx;
  const cxPx = ((left.x + right.x) / 2) * w;
  const cyPx = (topPx + bottomPx) / 2;
  const rxPx = (faceWidthPx / 2) * P.widthOverFace;
  const ryPx = (bottomPx - topPx) / 2;
  const rz = faceWidthPx * P.depthOverFaceWidth;
  // The forehead's top (point 10) lies on the skull: the skull's front passes just behind it. The
  // face mesh is drawn over the skull (see head-scene), so where the skull bulges past the face's
  // sides it is hidden, and the two stay joined when the head turns. The skull's centre depth and
  // its world size depend on each other through perspective: a few fixed-point steps settle them.
  const forehead: WorldPoint = [facePositions[FACE_POINT.foreheadTop * 3] ?? 0, facePositions[FACE_POINT.foreheadTop * 3 + 1] ?? 0, facePositions[FACE_POINT.foreheadTop * 3 + 2] ?? 0];
  let centreZ = forehead[2] - rz;
  let centre = backProject(rig, cxPx, cyPx, centreZ);
  let rx = rxPx, ry = ryPx;
  for (let step = 0; step < SKULL_FIT_STEPS; step++) {
    // World size that covers the outline's pixels at the skull's depth.
    const k = (rig.distance - centreZ) / rig.distance;
    rx = rxPx * k;
    ry = ryPx * k;
    const ex = (forehead[0] - centre[0]) / rx, ey = (forehead[1] - centre[1]) / ry;
    centreZ = forehead[2] - P.faceClearance * faceWidthPx - rz * Math.sqrt(Math.max(0, 1 - ex * ex - ey * ey));
    centre = backProject(rig, cxPx, cyPx, centreZ);
  }
  const chinWorld = backProject(rig, cxPx, chin.y * h, centreZ);
  return {
    facePositions,
    faceUvs,
    faceTriangles,
    skullCentre: centre,
    skullRadii: [rx, ry, rz],
    // The upper neck: below the skull's centre, at chin height, at the skull's depth centre.
    pivot: [centre[0], chinWorld[1], centreZ],
    inpaint: { cx: cxPx, cy: cyPx, rx: rxPx * P.inpaintMarginX, ry: ryPx * P.inpaintMarginY },
    keepBelowY: chin.y * h,
    faceWidthPx,
    faceHeightPx,
    depthScale,
    faceOval: { cx: cxPx, cy: ((top.y + chin.y) / 2) * h, rx: faceWidthPx / 2, ry: faceHeightPx / 2 },
    skinSample: { px: right.x * w + P.skinSampleInset * faceWidthPx, py: right.y * h },
    hairBand: { py: topPx + P.hairBandBelowTop * faceHeightPx, halfWidthPx: rxPx * P.hairBandHalfWidth },
    neck: { radius: faceWidthPx * P.neckRadiusOverFaceWidth, topY: centre[1], bottomY: chinWorld[1] + P.neckAboveChin * faceHeightPx },
  };
}

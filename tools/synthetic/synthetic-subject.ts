/**
 * Synthetic landmarks for tests: a rigid head (MediaPipe's canonical face points and a BlazePose
 * head model) and shoulders, rotated to known angles and projected through a pinhole camera.
 */
import { anglesToMatrix, anglesToMatrix16 } from '../../src/core/geometry/euler';
import { applyMat3, rotationBetween, transposeMat3, type Mat3 } from '../../src/core/geometry/mat3';
import { addVec3, subVec3, type Vec3 } from '../../src/core/geometry/vec3';
import { BODY_HEAD_MODEL } from './body-head-model';
import { CANONICAL_FACE_MIRROR_PAIRS, CANONICAL_FACE_POINTS } from '../../src/core/head-pose/canonical-face';
import { DEFAULT_VERTICAL_FOV_DEG, focalLengthPx } from '../../src/core/head-pose/camera-space';
import type { HeadAngles } from '../../src/core/head-pose/head-angles';
import type { FaceObservation, FrameObservation, Landmark, PoseObservation } from '../../src/core/landmarks';
import { packPoints, unpackPoints } from '../../src/core/packed-points';
import { POSE } from '../../src/core/pose-indices';

export const IMAGE = { width: 640, height: 480 } as const;
const FOCAL_PX = focalLengthPx(IMAGE, DEFAULT_VERTICAL_FOV_DEG);

export interface SubjectPose {
  /** Head relative to the camera. */
  readonly head: HeadAngles;
  /** Trunk (shoulder line) yaw and roll relative to the camera. */
  readonly trunkYawDeg?: number;
  readonly trunkRollDeg?: number;
  /** Head centre in camera space (cm); default on the optical axis, 60 cm away. */
  readonly position?: Vec3;
}

const DEFAULT_POSITION: Vec3 = { x: 0, y: 0, z: -60 };

/**
 * Pinhole projection to a normalised landmark. z is the depth relative to `centre` as a landmark
 * model sees it: along the ray to the camera (it only sees the crop, not where the crop was), on
 * x's scale, smaller = closer.
 */
function project(p: Vec3, centre: Vec3, visibility?: number): Landmark {
  const depth = -p.z;
  const rayFrame = rotationBetween({ x: 0, y: 0, z: 1 }, { x: -centre.x, y: -centre.y, z: -centre.z });
  const apparent = applyMat3(transposeMat3(rayFrame), subVec3(p, centre));
  const landmark = {
    x: 0.5 + (FOCAL_PX * p.x) / depth / IMAGE.width,
    y: 0.5 - (FOCAL_PX * p.y) / depth / IMAGE.height,
    z: (-apparent.z * FOCAL_PX) / -centre.z / IMAGE.width,
  };
  // A literal, as src/vision/to-observation.ts builds it: a spread copy would give every point a V8
  // hidden class of its own, and the core's reads of them (bench:core) would measure that instead.
  return visibility === undefined ? landmark : { x: landmark.x, y: landmark.y, z: landmark.z, visibility };
}

function headRotation(pose: SubjectPose): Mat3 {
  return anglesToMatrix(pose.head);
}

/** A 478-point face with the canonical Procrustes points placed; other indices repeat the nose tip. */
export function syntheticFace(pose: SubjectPose, options: { matrixYaw?: (yawDeg: number) => number; withMatrix?: boolean } = {}): FaceObservation {
  const position = pose.position ?? DEFAULT_POSITION;
  const r = headRotation(pose);
  const landmarks: Landmark[] = [];
  const placed = new Map(CANONICAL_FACE_POINTS.map((p) => [p.index, project(addVec3(position, applyMat3(r, p)), position)]));
  const nose = placed.get(4) ?? { x: 0.5, y: 0.5, z: 0 };
  for (let k = 0; k < 478; k += 1) landmarks.push(placed.get(k) ?? nose);
  const readYaw = options.matrixYaw ? options.matrixYaw(pose.head.yawDeg) : pose.head.yawDeg;
  const matrix = options.withMatrix === false ? null : anglesToMatrix16({ ...pose.head, yawDeg: readYaw }, [position.x, position.y, position.z]);
  return { points: packPoints(landmarks), matrix };
}

/** Outward surface normals used to fake BlazePose's visibility (hidden when facing away). */
function normalOf(name: string): Vec3 {
  if (name === 'leftEar') return { x: 1, y: 0, z: 0 };
  if (name === 'rightEar') return { x: -1, y: 0, z: 0 };
  if (name.startsWith('left')) return { x: 0.45, y: 0, z: 0.9 };
  if (name.startsWith('right')) return { x: -0.45, y: 0, z: 0.9 };
  if (name === 'mouthLeft') return { x: 0.4, y: 0, z: 0.9 };
  if (name === 'mouthRight') return { x: -0.4, y: 0, z: 0.9 };
  return { x: 0, y: 0, z: 1 };
}

function fakeVisibility(normal: Vec3, r: Mat3): number {
  const facing = applyMat3(r, normal).z;
  return Math.min(1, Math.max(0.02, 0.9 + facing));
}

/** 33 BlazePose landmarks: head points from the head model, shoulders from the trunk; the rest hidden. */
export function syntheticBody(pose: SubjectPose, options: { world?: boolean } = {}): PoseObservation {
  const position = pose.position ?? DEFAULT_POSITION;
  const r = headRotation(pose);
  const trunk = anglesToMatrix({ yawDeg: pose.trunkYawDeg ?? 0, pitchDeg: 0, rollDeg: pose.trunkRollDeg ?? 0 });
  const neckBase = addVec3(position, { x: 0, y: -16, z: -3 });
  const shoulder = (side: 1 | -1): Vec3 => addVec3(neckBase, applyMat3(trunk, { x: side * 19, y: -3, z: 0 }));
  const landmarks: Landmark[] = Array.from({ length: 33 }, () => ({ x: 0.5, y: 1.2, z: 0, visibility: 0 }));
  for (const m of BODY_HEAD_MODEL) {
    landmarks[m.index] = project(addVec3(position, applyMat3(r, m.point)), position, fakeVisibility(normalOf(m.name), r));
  }
  landmarks[POSE.leftShoulder] = project(shoulder(1), position, 0.99);
  landmarks[POSE.rightShoulder] = project(shoulder(-1), position, 0.99);
  const worldLandmarks = options.world
    ? landmarks.map((_, k) => {
        const p = k === POSE.leftShoulder ? shoulder(1) : k === POSE.rightShoulder ? shoulder(-1) : neckBase;
        // MediaPipe world landmarks: metres, x right, y down, z away from the camera.
        return { x: p.x / 100, y: -p.y / 100, z: -p.z / 100, visibility: 0.99 };
      })
    : null;
  return { landmarks, worldLandmarks };
}

export function syntheticFrame(tMs: number, faces: readonly FaceObservation[], poses: readonly PoseObservation[]): FrameObservation {
  return { tMs, imageWidth: IMAGE.width, imageHeight: IMAGE.height, faces, poses };
}

const POSE_MIRROR_PAIRS: readonly (readonly [number, number])[] = [
  [1, 4], [2, 5], [3, 6], [7, 8], [9, 10], [11, 12], [13, 14], [15, 16], [17, 18], [19, 20], [21, 22], [23, 24], [25, 26], [27, 28], [29, 30], [31, 32],
];

function swapPairs<T>(items: readonly T[], pairs: readonly (readonly [number, number])[]): T[] {
  const out = [...items];
  for (const [a, b] of pairs) {
    const itemA = items[a];
    const itemB = items[b];
    if (itemA !== undefined && itemB !== undefined) {
      out[a] = itemB;
      out[b] = itemA;
    }
  }
  return out;
}

/**
 * What a landmarker reports on a horizontally mirrored image: x → 1 − x, and the subject's sides
 * swapped (the point it calls "left" is the real right one).
 */
export function mirrorFace(face: FaceObservation): FaceObservation {
  const flipped = unpackPoints(face.points).map((l) => ({ ...l, x: 1 - l.x }));
  const matrix = face.matrix ? face.matrix.map((v, k) => ((k % 4 === 0) !== (Math.floor(k / 4) === 0) ? -v : v)) : null;
  return { points: packPoints(swapPairs(flipped, CANONICAL_FACE_MIRROR_PAIRS)), matrix };
}

export function mirrorBody(pose: PoseObservation): PoseObservation {
  const flipped = pose.landmarks.map((l) => ({ ...l, x: 1 - l.x }));
  const world = pose.worldLandmarks ? swapPairs(pose.worldLandmarks.map((l) => ({ ...l, x: -l.x })), POSE_MIRROR_PAIRS) : null;
  return { landmarks: swapPairs(flipped, POSE_MIRROR_PAIRS), worldLandmarks: world };
}

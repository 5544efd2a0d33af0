import type { FrameObservation, Landmark, PackedPoints, PoseObservation } from '../landmarks';
import { pointCount } from '../packed-points';
import { CANONICAL_FACE_OFFSETS, FACE_MESH_POINT_COUNT } from '../head-pose/canonical-face';
import { POSE } from '../pose-indices';
import type { QualityOptions } from './quality-options';
import { QUALITY_PROBLEMS, type FrameVerdict, type QualityProblem } from './quality-status';
import { hypot2 } from '../geometry/hypot';

const POSE_LANDMARKS = 33;
const MATRIX_LENGTH = 16;
/** The world landmarks the core reads (trunk.ts): the shoulders. */
const WORLD_POINTS_READ = [POSE.leftShoulder, POSE.rightShoulder] as const;
const HEAD_POINTS = [POSE.nose, POSE.leftEye, POSE.rightEye, POSE.leftEar, POSE.rightEar] as const;
const HAND_POINTS = [
  POSE.leftWrist,
  POSE.rightWrist,
  POSE.leftIndex,
  POSE.rightIndex,
  POSE.leftPinky,
  POSE.rightPinky,
  POSE.leftThumb,
  POSE.rightThumb,
] as const;
/** Shoulders closer than this (image heights) are a side view or noise: use this width instead. */
const MIN_SHOULDER_WIDTH = 0.05;

const OK: FrameVerdict = { ok: true };

function bad(reason: QualityProblem, detail: string): FrameVerdict {
  return { ok: false, reason, detail };
}

/**
 * A body point is garbage when it is not a number, or when it is seen (visibility ≥ minVisibility,
 * or none given) and yet far outside the image. BlazePose places the points it does not see (legs
 * under a desk, feet of a head-and-shoulders framing) as guesses up to 3 image heights below the
 * image: finite, hidden and normal. A visibility given must be a finite number. Each field is read
 * once: this runs on the 33 body points of every frame (the face's: saneFaceCentre).
 */
function pointSane(point: unknown, options: QualityOptions): boolean {
  // A garbage landmark may hold anything: typeof first (NaN fails every comparison).
  if (typeof point !== 'object' || point === null) return false;
  const { x, y, z, visibility } = point as LooseLandmark;
  if (visibility === undefined || (typeof visibility === 'number' && visibility >= options.minVisibility && visibility < Infinity)) {
    return inImage(x, y, z, -options.maxOutsideImage, 1 + options.maxOutsideImage, options.maxDepth);
  }
  return (
    typeof visibility === 'number' && visibility > -Infinity && visibility < options.minVisibility &&
    typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(z) && Math.abs(x) + Math.abs(y) < 1e6
  );
}

/** A landmark as garbage input may give it: any field may hold anything. */
interface LooseLandmark {
  readonly x: unknown;
  readonly y: unknown;
  readonly z: unknown;
  readonly visibility?: unknown;
}

/** A seen point's rule: numbers, x and y within [low, high] (the image and its margin), |z| ≤ maxDepth. */
function inImage(x: unknown, y: unknown, z: unknown, low: number, high: number, maxDepth: number): boolean {
  return typeof x === 'number' && x >= low && x <= high && typeof y === 'number' && y >= low && y <= high && typeof z === 'number' && z >= -maxDepth && z <= maxDepth;
}

function allSane(points: readonly Landmark[], options: QualityOptions): boolean {
  for (let i = 0; i < points.length; i += 1) if (!pointSane(points[i], options)) return false;
  return true;
}

/**
 * The face points the core reads (the canonical face's 33, canonical-face.ts) checked by
 * pointSane's rule for a point without a visibility (x, y within the image and its margin,
 * |z| ≤ maxDepth: NaN fails every comparison), with their mean (x, y) summed in the same pass (the
 * jump check's face centre, landmark-jump.ts), or null when one is out of range or not a number.
 * The mesh's other 445 points are read by nothing in the core (only the overlay draws them):
 * garbage there cannot reach an angle, and checking every point was a tenth of the tracker's time
 * per frame (docs/performance.md).
 */
function saneFaceCentre(points: PackedPoints, options: QualityOptions): Landmark | null {
  const low = -options.maxOutsideImage, high = 1 + options.maxOutsideImage, maxDepth = options.maxDepth;
  const count = CANONICAL_FACE_OFFSETS.length;
  let sumX = 0, sumY = 0;
  for (let k = 0; k < count; k += 1) {
    const i = CANONICAL_FACE_OFFSETS[k] as number;
    const x = points[i] as number, y = points[i + 1] as number, z = points[i + 2] as number;
    if (!(x >= low && x <= high && y >= low && y <= high && z >= -maxDepth && z <= maxDepth)) return null;
    sumX += x;
    sumY += y;
  }
  return { x: sumX / count, y: sumY / count, z: 0 };
}

function matrixProblem(matrix: unknown): string | null {
  if (matrix === null) return null;
  if (!Array.isArray(matrix) || matrix.length !== MATRIX_LENGTH) return 'face matrix of the wrong size';
  // A plain loop, not `every` with a closure: this runs on every frame with a face.
  for (let i = 0; i < MATRIX_LENGTH; i += 1) {
    const value: unknown = matrix[i];
    if (typeof value !== 'number' || !Number.isFinite(value)) return 'face matrix not finite';
  }
  return null;
}

function finiteWorldPoint(point: unknown): boolean {
  if (typeof point !== 'object' || point === null) return false;
  const { x, y, z } = point as LooseLandmark;
  return typeof x === 'number' && typeof y === 'number' && typeof z === 'number' && Number.isFinite(x + y + z);
}

function poseProblem(pose: PoseObservation, options: QualityOptions): string | null {
  if (!Array.isArray(pose.landmarks) || pose.landmarks.length !== POSE_LANDMARKS) return 'truncated pose landmarks';
  if (!allSane(pose.landmarks, options)) return 'pose landmark out of range or not a number';
  const world: unknown = pose.worldLandmarks;
  if (world === null) return null;
  if (!Array.isArray(world) || world.length !== POSE_LANDMARKS) return 'truncated world landmarks';
  // World landmarks are metres around the hips: only their finiteness is checked, and only of the
  // points the core reads (the shoulders, trunk.ts).
  const finite = WORLD_POINTS_READ.every((index) => finiteWorldPoint((world as readonly unknown[])[index]));
  return finite ? null : 'world landmark not a number';
}

export function isVisible(point: Landmark | undefined, options: QualityOptions): boolean {
  return point !== undefined && (point.visibility ?? 1) >= options.minVisibility;
}

/** Distance in image heights (x scaled by the aspect ratio, so both axes use the same unit). */
export function imageDistance(a: Landmark, b: Landmark, aspect: number): number {
  return hypot2((a.x - b.x) * aspect, a.y - b.y);
}

function handAtFace(pose: PoseObservation, aspect: number, options: QualityOptions): boolean {
  const points = pose.landmarks;
  const nose = points[POSE.nose];
  const left = points[POSE.leftShoulder];
  const right = points[POSE.rightShoulder];
  if (nose === undefined || left === undefined || right === undefined) return false;
  if (!isVisible(left, options) || !isVisible(right, options)) return false;
  const shoulderWidth = Math.max(MIN_SHOULDER_WIDTH, imageDistance(left, right, aspect));
  const reach = options.handNearFaceShoulderWidths * shoulderWidth;
  return HAND_POINTS.some((index) => {
    const hand = points[index];
    return hand !== undefined && (hand.visibility ?? 1) >= options.handAtFaceMinVisibility && imageDistance(hand, nose, aspect) < reach;
  });
}

function poseShowsSomeone(pose: PoseObservation, options: QualityOptions): boolean {
  const points = pose.landmarks;
  return [...HEAD_POINTS, POSE.leftShoulder, POSE.rightShoulder].some((index) => isVisible(points[index], options));
}

export function frameAspect(frame: FrameObservation): number {
  return frame.imageWidth / frame.imageHeight;
}

/** One frame judged on its own, and what the jump check reads of a frame that passed. */
export interface FrameInspection {
  readonly verdict: FrameVerdict;
  /** The mean (x, y) of the face points the core reads when the frame passed with a face, else null. */
  readonly faceCentre: Landmark | null;
}

function rejected(reason: QualityProblem, detail: string): FrameInspection {
  return { verdict: bad(reason, detail), faceCentre: null };
}

/**
 * Judges one frame on its own (jumps need the previous frame: see landmark-jump.ts). Several
 * people come first (one of them may be garbage, but the fix is the same: one person only).
 */
export function inspectFrame(frame: FrameObservation, options: QualityOptions): FrameInspection {
  if (!Number.isFinite(frame.tMs)) return rejected(QUALITY_PROBLEMS.invalidData, 'timestamp not a number');
  if (!(Number.isFinite(frame.imageWidth) && frame.imageWidth > 0 && Number.isFinite(frame.imageHeight) && frame.imageHeight > 0)) {
    return rejected(QUALITY_PROBLEMS.invalidData, 'image size not positive');
  }
  if (!Array.isArray(frame.faces) || !Array.isArray(frame.poses)) return rejected(QUALITY_PROBLEMS.invalidData, 'no landmark lists');
  if (frame.faces.length > 1 || frame.poses.length > 1) {
    return rejected(QUALITY_PROBLEMS.severalPeople, `${frame.faces.length} faces, ${frame.poses.length} bodies`);
  }
  const face = frame.faces[0];
  const pose = frame.poses[0];
  let faceCentre: Landmark | null = null;
  if (face !== undefined) {
    // A garbage face may hold anything: only a packed list of at least the mesh's points (fewer is a
    // truncated list; the 10 iris points may be missing) is read.
    const points: unknown = typeof face === 'object' && face !== null ? face.points : undefined;
    if (!(points instanceof Float32Array) || pointCount(points) < FACE_MESH_POINT_COUNT) return rejected(QUALITY_PROBLEMS.invalidData, 'truncated face landmarks');
    faceCentre = saneFaceCentre(points, options);
    const broken = faceCentre === null ? 'face landmark out of range or not a number' : matrixProblem(face.matrix);
    if (broken !== null) return rejected(QUALITY_PROBLEMS.invalidData, broken);
  }
  const broken = pose === undefined ? null : poseProblem(pose, options);
  if (broken !== null) return rejected(QUALITY_PROBLEMS.invalidData, broken);
  if (face !== undefined) return { verdict: OK, faceCentre };
  if (pose === undefined || !poseShowsSomeone(pose, options)) return rejected(QUALITY_PROBLEMS.noPerson, 'no face and no body');
  if (!options.handAtFaceExpected && handAtFace(pose, frameAspect(frame), options)) return rejected(QUALITY_PROBLEMS.faceOccluded, 'face lost with a hand at the head');
  return { verdict: OK, faceCentre: null };
}

export function checkFrame(frame: FrameObservation, options: QualityOptions): FrameVerdict {
  return inspectFrame(frame, options).verdict;
}

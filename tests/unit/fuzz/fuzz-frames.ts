import fc from 'fast-check';
import type { FaceObservation, FrameObservation, Landmark, PoseObservation } from '../../../src/core/landmarks';
import { packPoints, POINT_STRIDE, unpackPoints } from '../../../src/core/packed-points';
import { armsOutPose, shoulderCirclePose, handAt, FOREHEAD, frontPose, lyingPose, shruggedPose } from '../../support/traces/synthetic-person';
import { IMAGE, syntheticBody, syntheticFace } from '../core/head-pose/synthetic-subject';

/**
 * Generated input for the fuzz test: a sequence of frames of one moving person (so that the
 * counters really count), with every kind of fault mixed in: timestamps repeated, out of order,
 * missing (gaps), NaN or infinite; 0, 1 or 2 faces and bodies; NaN, infinite and huge
 * coordinates; truncated landmark lists; matrices of garbage; absurd image sizes.
 */

/** A value that is not a usable number, or absurdly large. */
export const BAD_NUMBERS = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e308, -1e308, 1e12, -0] as const;

export const TIME_FAULTS = ['next', 'repeat', 'back', 'gap', 'nan', 'inf', 'neg-inf', 'huge'] as const;
export type TimeFault = (typeof TIME_FAULTS)[number];

export type Corruption =
  | { readonly kind: 'none' }
  | { readonly kind: 'bad-number'; readonly target: 'face' | 'pose' | 'world' | 'visibility'; readonly index: number; readonly axis: 'x' | 'y' | 'z'; readonly value: number }
  | { readonly kind: 'truncate'; readonly target: 'face' | 'pose' | 'world'; readonly length: number }
  | { readonly kind: 'matrix'; readonly values: readonly number[] }
  | { readonly kind: 'image-size'; readonly width: number; readonly height: number }
  | { readonly kind: 'random-points'; readonly target: 'face' | 'pose'; readonly points: readonly Landmark[] };

export interface FrameSpec {
  readonly time: TimeFault;
  readonly faces: number;
  readonly poses: number;
  readonly corruption: Corruption;
}

/** What the person does throughout one sequence: a head movement, or a body movement with a still head. */
export type Motion =
  | { readonly kind: 'head'; readonly axis: 'yawDeg' | 'pitchDeg' | 'rollDeg'; readonly amplitudeDeg: number; readonly periodMs: number }
  | { readonly kind: 'body'; readonly body: 'shrug' | 'arms-out' | 'elbow-circle' | 'lying' | 'hand-forehead'; readonly periodMs: number };

export interface Sequence {
  readonly motion: Motion;
  readonly frames: readonly FrameSpec[];
}

const anyNumber = fc.oneof(
  { weight: 3, arbitrary: fc.double({ min: -2, max: 3 }) },
  { weight: 2, arbitrary: fc.constantFrom(...BAD_NUMBERS) },
  { weight: 1, arbitrary: fc.double() },
);
const anyLandmark: fc.Arbitrary<Landmark> = fc.record({ x: anyNumber, y: anyNumber, z: anyNumber, visibility: anyNumber });

const corruption: fc.Arbitrary<Corruption> = fc.oneof(
  { weight: 30, arbitrary: fc.constant<Corruption>({ kind: 'none' }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('bad-number' as const),
      target: fc.constantFrom('face', 'pose', 'world', 'visibility' as const),
      index: fc.nat({ max: 477 }),
      axis: fc.constantFrom('x', 'y', 'z' as const),
      value: fc.constantFrom(...BAD_NUMBERS),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('truncate' as const), target: fc.constantFrom('face', 'pose', 'world' as const), length: fc.nat({ max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('matrix' as const), values: fc.array(anyNumber, { maxLength: 20 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('image-size' as const), width: anyNumber, height: anyNumber }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('random-points' as const), target: fc.constantFrom('face', 'pose' as const), points: fc.array(anyLandmark, { maxLength: 40 }) }) },
);

const frameSpec: fc.Arbitrary<FrameSpec> = fc.record({
  time: fc.oneof(
    { weight: 40, arbitrary: fc.constant<TimeFault>('next') },
    { weight: 1, arbitrary: fc.constantFrom<TimeFault>(...TIME_FAULTS) },
  ),
  faces: fc.oneof({ weight: 20, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.constantFrom(0, 2) }),
  poses: fc.oneof({ weight: 20, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.constantFrom(0, 2) }),
  corruption,
});

const motion: fc.Arbitrary<Motion> = fc.oneof(
  fc.record({
    kind: fc.constant('head' as const),
    axis: fc.constantFrom('yawDeg', 'pitchDeg', 'rollDeg' as const),
    amplitudeDeg: fc.integer({ min: 5, max: 70 }),
    periodMs: fc.integer({ min: 400, max: 6000 }),
  }),
  fc.record({
    kind: fc.constant('body' as const),
    body: fc.constantFrom('shrug', 'arms-out', 'elbow-circle', 'lying', 'hand-forehead' as const),
    periodMs: fc.integer({ min: 800, max: 6000 }),
  }),
);

export function sequenceArbitrary(minFrames: number, maxFrames: number): fc.Arbitrary<Sequence> {
  return fc.record({ motion, frames: fc.array(frameSpec, { minLength: minFrames, maxLength: maxFrames }) });
}

/** Rendered faces and bodies per rounded angle: rendering 478 points per frame would dominate the run time. */
const faceCache = new Map<string, FaceObservation>();
const bodyCache = new Map<string, PoseObservation>();
const ANGLE_STEP_DEG = 2;

function headAt(axis: 'yawDeg' | 'pitchDeg' | 'rollDeg', valueDeg: number): { face: FaceObservation; body: PoseObservation } {
  const rounded = Math.round(valueDeg / ANGLE_STEP_DEG) * ANGLE_STEP_DEG;
  const key = `${axis}:${rounded}`;
  const head = { yawDeg: 0, pitchDeg: 0, rollDeg: 0, [axis]: rounded };
  let face = faceCache.get(key);
  if (face === undefined) {
    face = syntheticFace({ head });
    faceCache.set(key, face);
  }
  let body = bodyCache.get(key);
  if (body === undefined) {
    body = syntheticBody({ head }, { world: true });
    bodyCache.set(key, body);
  }
  return { face, body };
}

function bodyPose(body: Extract<Motion, { kind: 'body' }>['body'], phase: number): Landmark[] {
  const wave = 0.5 - 0.5 * Math.cos(2 * Math.PI * phase);
  switch (body) {
    case 'shrug':
      return shruggedPose(wave);
    case 'arms-out':
      return armsOutPose(90 * wave);
    case 'elbow-circle':
      return shoulderCirclePose(30 * Math.cos(2 * Math.PI * phase), 30 * Math.sin(2 * Math.PI * phase));
    case 'lying':
      return lyingPose(30 * wave, 20 * wave);
    case 'hand-forehead':
      return frontPose(wave > 0.5 ? handAt('right', FOREHEAD) : {});
  }
}

/** The clean frame of the person at `clockMs` (before faults). */
function cleanPerson(motion: Motion, clockMs: number): { face: FaceObservation; pose: PoseObservation } {
  const phase = clockMs / motion.periodMs;
  if (motion.kind === 'head') {
    const { face, body } = headAt(motion.axis, motion.amplitudeDeg * Math.sin(2 * Math.PI * phase));
    return { face, pose: body };
  }
  const still = headAt('yawDeg', 0);
  return { face: still.face, pose: { landmarks: bodyPose(motion.body, phase), worldLandmarks: null } };
}

function corruptList(points: readonly Landmark[], index: number, axis: 'x' | 'y' | 'z' | 'visibility', value: number): Landmark[] {
  const copy = points.slice();
  const at = index % Math.max(1, copy.length);
  const point = copy[at];
  if (point !== undefined) copy[at] = { ...point, [axis]: value };
  return copy;
}

function applyCorruption(frame: FrameObservation, corruption: Corruption): FrameObservation {
  const face = frame.faces[0];
  const pose = frame.poses[0];
  const replaceFace = (next: FaceObservation): FrameObservation => (face === undefined ? frame : { ...frame, faces: [next, ...frame.faces.slice(1)] });
  const replacePose = (next: PoseObservation): FrameObservation => (pose === undefined ? frame : { ...frame, poses: [next, ...frame.poses.slice(1)] });
  switch (corruption.kind) {
    case 'none':
      return frame;
    case 'bad-number':
      if (corruption.target === 'face' && face) return replaceFace({ ...face, points: packPoints(corruptList(unpackPoints(face.points), corruption.index, corruption.axis, corruption.value)) });
      if (corruption.target === 'pose' && pose) return replacePose({ ...pose, landmarks: corruptList(pose.landmarks, corruption.index, corruption.axis, corruption.value) });
      if (corruption.target === 'visibility' && pose) return replacePose({ ...pose, landmarks: corruptList(pose.landmarks, corruption.index, 'visibility', corruption.value) });
      if (corruption.target === 'world' && pose?.worldLandmarks) return replacePose({ ...pose, worldLandmarks: corruptList(pose.worldLandmarks, corruption.index, corruption.axis, corruption.value) });
      return frame;
    case 'truncate':
      if (corruption.target === 'face' && face) return replaceFace({ ...face, points: face.points.slice(0, POINT_STRIDE * corruption.length) });
      if (corruption.target === 'pose' && pose) return replacePose({ ...pose, landmarks: pose.landmarks.slice(0, corruption.length) });
      if (corruption.target === 'world' && pose) return replacePose({ ...pose, worldLandmarks: pose.worldLandmarks?.slice(0, corruption.length) ?? [] });
      return frame;
    case 'matrix':
      return face ? replaceFace({ ...face, matrix: corruption.values }) : frame;
    case 'image-size':
      return { ...frame, imageWidth: corruption.width, imageHeight: corruption.height };
    case 'random-points':
      if (corruption.target === 'face' && face) return replaceFace({ ...face, points: packPoints(corruption.points) });
      if (corruption.target === 'pose' && pose) return replacePose({ ...pose, landmarks: corruption.points });
      return frame;
  }
}

/** A second person: the same person shifted sideways (two people of the same build side by side). */
function shiftedFace(face: FaceObservation): FaceObservation {
  return { ...face, points: packPoints(unpackPoints(face.points).map((p) => ({ ...p, x: p.x - 0.3 }))) };
}

function shiftedPose(pose: PoseObservation): PoseObservation {
  return { ...pose, landmarks: pose.landmarks.map((p) => ({ ...p, x: p.x - 0.3 })) };
}

const FRAME_MS = 1000 / 30;
const GAP_MS = 2500;

/** Turns the specs into frames; the person's clock runs on at 30 fps whatever the frame's timestamp says. */
export function materialize(sequence: Sequence): FrameObservation[] {
  let clockMs = 0;
  let previousTMs = 0;
  return sequence.frames.map((spec) => {
    clockMs += spec.time === 'gap' ? GAP_MS : FRAME_MS;
    const tMs = frameTime(spec.time, clockMs, previousTMs);
    previousTMs = tMs;
    const person = cleanPerson(sequence.motion, clockMs);
    const faces = spec.faces === 0 ? [] : spec.faces === 1 ? [person.face] : [person.face, shiftedFace(person.face)];
    const poses = spec.poses === 0 ? [] : spec.poses === 1 ? [person.pose] : [person.pose, shiftedPose(person.pose)];
    return applyCorruption({ tMs, imageWidth: IMAGE.width, imageHeight: IMAGE.height, faces, poses }, spec.corruption);
  });
}

function frameTime(fault: TimeFault, clockMs: number, previousTMs: number): number {
  switch (fault) {
    case 'next':
    case 'gap':
      return clockMs;
    case 'repeat':
      return previousTMs;
    case 'back':
      return clockMs - 5 * FRAME_MS;
    case 'nan':
      return Number.NaN;
    case 'inf':
      return Number.POSITIVE_INFINITY;
    case 'neg-inf':
      return Number.NEGATIVE_INFINITY;
    case 'huge':
      return 1e300;
  }
}

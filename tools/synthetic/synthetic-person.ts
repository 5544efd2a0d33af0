import type { Landmark } from '../../src/core/landmarks';
import { POSE } from '../../src/core/pose-indices';

/**
 * Synthetic BlazePose landmarks (33 points, normalised, unmirrored: the subject's left is the
 * image's right) for a 4:3 frame. Coordinates are chosen for readability, not anatomy: only the
 * relations the signals use matter (shoulder width, shoulder–ear gap, arm angles, hand places).
 */
export const SYNTHETIC_ASPECT = 4 / 3;

export interface Xyz {
  readonly x: number;
  readonly y: number;
  readonly z?: number;
}

type Overrides = Partial<Record<number, Xyz>>;

const NEUTRAL_FRONT: Readonly<Record<number, Xyz>> = {
  [POSE.nose]: { x: 0.5, y: 0.3 },
  [POSE.leftEyeInner]: { x: 0.515, y: 0.27 },
  [POSE.leftEye]: { x: 0.525, y: 0.27 },
  [POSE.leftEyeOuter]: { x: 0.535, y: 0.27 },
  [POSE.rightEyeInner]: { x: 0.485, y: 0.27 },
  [POSE.rightEye]: { x: 0.475, y: 0.27 },
  [POSE.rightEyeOuter]: { x: 0.465, y: 0.27 },
  [POSE.leftEar]: { x: 0.56, y: 0.29 },
  [POSE.rightEar]: { x: 0.44, y: 0.29 },
  [POSE.mouthLeft]: { x: 0.515, y: 0.34 },
  [POSE.mouthRight]: { x: 0.485, y: 0.34 },
  [POSE.leftShoulder]: { x: 0.65, y: 0.5 },
  [POSE.rightShoulder]: { x: 0.35, y: 0.5 },
  [POSE.leftElbow]: { x: 0.68, y: 0.68 },
  [POSE.rightElbow]: { x: 0.32, y: 0.68 },
  [POSE.leftWrist]: { x: 0.68, y: 0.85 },
  [POSE.rightWrist]: { x: 0.32, y: 0.85 },
  [POSE.leftPinky]: { x: 0.685, y: 0.87 },
  [POSE.rightPinky]: { x: 0.315, y: 0.87 },
  [POSE.leftIndex]: { x: 0.68, y: 0.88 },
  [POSE.rightIndex]: { x: 0.32, y: 0.88 },
  [POSE.leftThumb]: { x: 0.675, y: 0.86 },
  [POSE.rightThumb]: { x: 0.325, y: 0.86 },
  [POSE.leftHip]: { x: 0.6, y: 0.95 },
  [POSE.rightHip]: { x: 0.4, y: 0.95 },
};

function build(base: Readonly<Record<number, Xyz>>, overrides: Overrides): Landmark[] {
  return Array.from({ length: 33 }, (_, i) => {
    const p = overrides[i] ?? base[i] ?? { x: 0.5, y: 1.2 };
    const seen = base[i] !== undefined || overrides[i] !== undefined;
    return { x: p.x, y: p.y, z: p.z ?? 0, visibility: seen ? 0.99 : 0.05 };
  });
}

export function frontPose(overrides: Overrides = {}): Landmark[] {
  return build(NEUTRAL_FRONT, overrides);
}

/** All four points of a hand (wrist, index, pinky, thumb) at one place. */
export function handAt(side: 'left' | 'right', p: Xyz): Overrides {
  const ids = side === 'left' ? [POSE.leftWrist, POSE.leftIndex, POSE.leftPinky, POSE.leftThumb] : [POSE.rightWrist, POSE.rightIndex, POSE.rightPinky, POSE.rightThumb];
  return Object.fromEntries(ids.map((id, k) => [id, { x: p.x + (k - 1.5) * 0.004, y: p.y, z: p.z ?? 0 }]));
}

export const FOREHEAD: Xyz = { x: 0.5, y: 0.2 };
export const LEFT_TEMPLE: Xyz = { x: 0.545, y: 0.25 };
export const RIGHT_TEMPLE: Xyz = { x: 0.455, y: 0.25 };
export const NECK: Xyz = { x: 0.5, y: 0.42 };

/** Shoulders raised by `fraction` of the neutral shoulder–ear gap (0.21 of the image height). */
export function shruggedPose(fraction: number): Landmark[] {
  const y = 0.5 - 0.21 * fraction;
  return frontPose({ [POSE.leftShoulder]: { x: 0.65, y }, [POSE.rightShoulder]: { x: 0.35, y } });
}

/** Arms out to the sides at shoulder level, both elbows flexed by `flexionDeg` (forearms up). */
export function armsOutPose(flexionDeg: number): Landmark[] {
  const upper = 0.15;
  const fore = 0.15 / SYNTHETIC_ASPECT;
  const phi = (flexionDeg * Math.PI) / 180;
  const overrides: Overrides = {};
  for (const side of ['left', 'right'] as const) {
    const s = side === 'left' ? 1 : -1;
    const shoulderX = side === 'left' ? 0.65 : 0.35;
    const elbow = { x: shoulderX + s * upper, y: 0.5 };
    // Forearm direction in square units: out along x, rotated up by the flexion.
    const wrist = { x: elbow.x + s * Math.cos(phi) * fore, y: 0.5 - Math.sin(phi) * fore * SYNTHETIC_ASPECT };
    overrides[side === 'left' ? POSE.leftElbow : POSE.rightElbow] = elbow;
    Object.assign(overrides, handAt(side, wrist));
  }
  return frontPose(overrides);
}

/**
 * Shoulders forward by `percent` (negative = back) as the shoulder-depth signal reads it: the
 * shoulder–ear gap over the shoulder width grows by that % of its neutral value, half from the
 * shoulders coming in, half from their dropping in the image (a camera at face height).
 */
export function shoulderDepthPose(percent: number): Landmark[] {
  const half = Math.sqrt(1 + percent / 100);
  const y = 0.29 + 0.21 * half;
  return frontPose({ [POSE.leftShoulder]: { x: 0.5 + 0.15 / half, y }, [POSE.rightShoulder]: { x: 0.5 - 0.15 / half, y } });
}

/**
 * Shoulder circles with the hands on the shoulders, the left arm at (forward, up) in % of the
 * head's breadth (ear to ear), as the shoulder-circle path reads it: forward brings the left hand
 * in toward the midline, up raises the left hand (and its elbow with it).
 */
export function shoulderCirclePose(forwardPercent: number, upPercent: number): Landmark[] {
  const head = (NEUTRAL_FRONT[POSE.leftEar]?.x ?? 0) - (NEUTRAL_FRONT[POSE.rightEar]?.x ?? 0);
  const up = (upPercent / 100) * head * SYNTHETIC_ASPECT;
  return frontPose({
    ...handAt('left', { x: 0.64 - (forwardPercent / 100) * head, y: 0.5 - up }),
    ...handAt('right', { x: 0.36, y: 0.5 }),
    [POSE.leftElbow]: { x: 0.72, y: 0.62 - up },
    [POSE.rightElbow]: { x: 0.28, y: 0.62 },
  });
}

/**
 * Side view, lying on the back (head to the image's left): the torso raised by `torsoDeg` about
 * the hip and the head by a further `neckDeg` about the shoulder; hands on chest and stomach.
 */
export function lyingPose(torsoDeg: number, neckDeg: number, handsPlaced = true): Landmark[] {
  const hip = { x: 0.75, y: 0.75 };
  const torso = 0.3;
  const a = (torsoDeg * Math.PI) / 180;
  const shoulder = { x: hip.x - (Math.cos(a) * torso) / SYNTHETIC_ASPECT, y: hip.y - Math.sin(a) * torso };
  const b = ((torsoDeg + neckDeg) * Math.PI) / 180;
  const neck = 0.1;
  const ear = { x: shoulder.x - (Math.cos(b) * neck) / SYNTHETIC_ASPECT, y: shoulder.y - Math.sin(b) * neck };
  const along = (t: number): Xyz => ({ x: shoulder.x + t * (hip.x - shoulder.x), y: shoulder.y + t * (hip.y - shoulder.y) - 0.03 });
  const chest = handsPlaced ? along(0.25) : { x: shoulder.x - 0.1, y: 0.9 };
  const stomach = handsPlaced ? along(0.7) : { x: hip.x + 0.1, y: 0.9 };
  const body: Record<number, Xyz> = {
    [POSE.nose]: { x: ear.x - 0.03, y: ear.y - 0.02 },
    [POSE.leftEar]: ear,
    [POSE.leftShoulder]: shoulder,
    [POSE.leftHip]: hip,
    [POSE.leftElbow]: { x: shoulder.x + 0.03, y: shoulder.y + 0.05 },
    ...handAt('left', chest),
    ...handAt('right', stomach),
  };
  return build(body, {});
}

import type { Landmark } from '../../../src/core/landmarks';
import { POSE } from '../../../src/core/pose-indices';
import { bodyExcursion, excursion, headCircles, nods, shakes, still, towardCamera, type Segment } from './synthetic-traces';
import {
  armsOutPose,
  shoulderCirclePose,
  FOREHEAD,
  frontPose,
  handAt,
  LEFT_TEMPLE,
  lyingPose,
  NECK,
  RIGHT_TEMPLE,
  shoulderDepthPose,
  shruggedPose,
} from './synthetic-person';

/**
 * A synthetic performance of each protocol exercise: `reps` repetitions (per side when sided)
 * at `speed` (1 = about one second per movement), and the counts the engine must report.
 */
export interface ExerciseScript {
  readonly segments: readonly Segment[];
  readonly expected: Readonly<Record<string, number>>;
  /** Timed exercises: whether the dose is reached. */
  readonly timedComplete?: boolean;
  /** When the first repetition (or hold) runs, and on which side: to disturb it on purpose. */
  readonly firstRep?: { readonly startMs: number; readonly durationMs: number; readonly side: string };
}

const LEAD_IN_MS = 1000;
const REST_MS = 600;

function repeat(reps: number, make: () => readonly Segment[]): Segment[] {
  return Array.from({ length: reps }, make).flat();
}

function sidedHead(axis: 'yawDeg' | 'rollDeg', peakDeg: number, reps: number, speed: number, pose: Landmark[] | null = null, holdMs = 0): Segment[] {
  const move = 1000 / speed;
  return [
    still(LEAD_IN_MS, { pose }),
    ...repeat(reps, () => [excursion(axis, peakDeg, move, holdMs, move, pose), still(REST_MS, { pose }), excursion(axis, -peakDeg, move, holdMs, move, pose), still(REST_MS, { pose })]),
  ];
}

/** Face down: turns toward the floor camera, + at the left and − at the right (one trace for both halves). */
function sidedToward(peakDeg: number, reps: number, speed: number): Segment[] {
  const move = 1000 / speed;
  const down = { pose: null, towardCameraDeg: 0 };
  return [still(LEAD_IN_MS, down), ...repeat(reps, () => [towardCamera(peakDeg, move, 0, move), still(REST_MS, down), towardCamera(-peakDeg, move, 0, move), still(REST_MS, down)])];
}

function oneWayHead(axis: 'pitchDeg', peakDeg: number, reps: number, speed: number, holdMs = 0): Segment[] {
  const move = 1000 / speed;
  return [still(LEAD_IN_MS), ...repeat(reps, () => [excursion(axis, peakDeg, move, holdMs, move), still(REST_MS)])];
}

function holds(reps: number, held: () => Landmark[], relaxed: () => Landmark[], holdMs: number): Segment[] {
  return [still(LEAD_IN_MS, { pose: relaxed() }), ...repeat(reps, () => [still(holdMs + 500, { pose: held() }), still(1500, { pose: relaxed() })])];
}

function body(reps: number, pose: (v: number) => Landmark[], peak: number, speed: number, holdMs = 0): Segment[] {
  const move = 1000 / speed;
  return [still(LEAD_IN_MS, { pose: pose(0) }), ...repeat(reps, () => [bodyExcursion(pose, peak, move, holdMs, move), still(REST_MS, { pose: pose(0) })])];
}

function twoWayBody(reps: number, pose: (v: number) => Landmark[], peak: number, speed: number): Segment[] {
  const move = 1000 / speed;
  return [
    still(LEAD_IN_MS, { pose: pose(0) }),
    ...repeat(reps, () => [bodyExcursion(pose, peak, move, 0, move), still(REST_MS, { pose: pose(0) }), bodyExcursion(pose, -peak, move, 0, move), still(REST_MS, { pose: pose(0) })]),
  ];
}

/** Circles (plus a little overshoot so the last one closes), then back to the centre. */
function circles(reps: number, speed: number): Segment[] {
  const period = 3000 / speed;
  const radius = 10;
  const centre = -10;
  const toTop = (down: boolean): Segment => ({
    durationMs: 500,
    frame: (t) => ({ angles: { pitchDeg: centre + radius * (down ? 1 - t / 500 : t / 500) } }),
  });
  const loops = (clockwise: boolean): Segment => {
    const c = headCircles(reps + 0.1, radius, clockwise, period, centre);
    // End exactly at the top again so the way back to the centre is radial.
    return { durationMs: reps * period, frame: c.frame };
  };
  const overshoot = (clockwise: boolean): Segment => {
    const c = headCircles(1, radius, clockwise, period, centre);
    return { durationMs: period * 0.1, frame: c.frame };
  };
  const back = (clockwise: boolean): Segment => {
    const a = Math.PI / 2 + ((clockwise ? -1 : 1) * 2 * Math.PI * 0.1);
    return { durationMs: 500, frame: (t) => ({ angles: { yawDeg: -radius * Math.cos(a) * (1 - t / 500), pitchDeg: centre + radius * Math.sin(a) * (1 - t / 500) } }) };
  };
  return [
    still(LEAD_IN_MS, { angles: { pitchDeg: centre } }),
    toTop(false), loops(true), overshoot(true), back(true), still(REST_MS, { angles: { pitchDeg: centre } }),
    toTop(false), loops(false), overshoot(false), back(false), still(REST_MS, { angles: { pitchDeg: centre } }),
  ];
}

/** Shoulder circles of 60% of the head's breadth around the rest place; forward = top → front → bottom. */
function shoulderCircles(reps: number, speed: number): Segment[] {
  const period = 2000 / speed;
  const r = 60;
  const ring = (forward: boolean, turns: number): Segment => ({
    durationMs: turns * period,
    frame: (t) => {
      const a = Math.PI / 2 + ((forward ? -1 : 1) * 2 * Math.PI * t) / period;
      return { pose: shoulderCirclePose(r * Math.cos(a), r * Math.sin(a)) };
    },
  });
  const radial = (out: boolean): Segment => ({ durationMs: 400, frame: (t) => ({ pose: shoulderCirclePose(0, r * (out ? t / 400 : 1 - t / 400)) }) });
  const rest = still(REST_MS, { pose: shoulderCirclePose(0, 0) });
  return [still(LEAD_IN_MS, { pose: shoulderCirclePose(0, 0) }), radial(true), ring(true, reps + 0.02), radial(false), rest, radial(true), ring(false, reps + 0.02), radial(false), rest];
}

const handsBehindHeadPose = (): Landmark[] =>
  frontPose({ [POSE.leftElbow]: { x: 0.75, y: 0.42 }, [POSE.rightElbow]: { x: 0.25, y: 0.42 }, ...handAt('left', { x: 0.53, y: 0.24 }), ...handAt('right', { x: 0.47, y: 0.24 }) });
const handOverHeadPose = (): Landmark[] => frontPose({ ...handAt('right', { x: 0.56, y: 0.15 }) });

function baseScript(id: string, reps: number, speed: number): ExerciseScript {
  switch (id) {
    case 'head-turns':
      return { segments: sidedHead('yawDeg', 60, reps, speed), expected: { left: reps, right: reps } };
    case 'chin-to-chest':
      return { segments: oneWayHead('pitchDeg', -35, reps, speed), expected: { down: reps } };
    case 'head-back':
      return { segments: oneWayHead('pitchDeg', 35, reps, speed), expected: { up: reps } };
    case 'palm-forehead-press':
      return { segments: holds(reps, () => frontPose(handAt('right', FOREHEAD)), () => frontPose(), 3000), expected: { none: reps } };
    case 'palm-temple-press':
      return {
        segments: [
          ...holds(reps, () => frontPose(handAt('left', LEFT_TEMPLE)), () => frontPose(), 3000),
          ...holds(reps, () => frontPose(handAt('right', RIGHT_TEMPLE)), () => frontPose(), 3000),
        ],
        expected: { left: reps, right: reps },
      };
    case 'shoulder-shrug-hold':
      return { segments: holds(reps, () => shruggedPose(0.3), () => frontPose(), 3000), expected: { up: reps } };
    case 'arms-out-head-turns':
      return { segments: sidedHead('yawDeg', 60, reps, speed, armsOutPose(0)), expected: { left: reps, right: reps } };
    case 'neck-self-massage':
      return { segments: [still(LEAD_IN_MS), still(181_000, { pose: frontPose(handAt('right', NECK)) }), still(1000)], expected: {}, timedComplete: true };
    case 'yes-nods':
      return { segments: [still(LEAD_IN_MS), nods(reps, 25, 800 / speed), still(REST_MS)], expected: { none: reps } };
    case 'no-shakes':
      return { segments: [still(LEAD_IN_MS), shakes(reps, 30, 700 / speed), still(REST_MS)], expected: { none: reps } };
    case 'supine-breathing':
      return { segments: [still(LEAD_IN_MS, { pose: lyingPose(0, 0) }), still(61_000, { pose: lyingPose(0, 0) })], expected: {}, timedComplete: true };
    case 'supine-rise-neck-stretch':
      return { segments: body(reps, (v) => lyingPose(v, 0), 40, speed), expected: { up: reps } };
    case 'prone-ear-to-floor':
      return { segments: sidedToward(70, reps, speed), expected: { left: reps, right: reps } };
    case 'seated-chin-press':
      return { segments: oneWayHead('pitchDeg', -30, reps, speed, 2500), expected: { down: reps } };
    case 'head-circles':
      return { segments: circles(reps, speed), expected: { clockwise: reps, counterclockwise: reps } };
    case 'shoulder-circles':
      return { segments: shoulderCircles(reps, speed), expected: { forward: reps, back: reps } };
    case 'arms-flex-extend':
      return { segments: body(reps, armsOutPose, 80, speed), expected: { none: reps } };
    case 'double-palm-forehead-press':
      return {
        segments: holds(reps, () => frontPose({ ...handAt('left', { x: 0.52, y: 0.2 }), ...handAt('right', { x: 0.48, y: 0.2 }) }), () => frontPose(), 3000),
        expected: { none: reps },
      };
    case 'hands-behind-head-press':
      return { segments: holds(reps, handsBehindHeadPose, () => frontPose(), 3000), expected: { none: reps } };
    case 'shoulders-forward-back':
      return { segments: twoWayBody(reps, shoulderDepthPose, 15, speed), expected: { forward: reps, back: reps } };
    case 'supine-neck-raise-hold':
      return { segments: holds(reps, () => lyingPose(0, 25), () => lyingPose(0, 0), 5000), expected: { up: reps } };
    case 'assisted-lateral-stretch':
      return { segments: sidedHead('rollDeg', 25, reps, speed, handOverHeadPose()), expected: { left: reps, right: reps } };
    default:
      throw new Error(`no synthetic script for ${id}`);
  }
}

/** Start and length of the first repetition of each script (they all begin with LEAD_IN_MS of rest). */
function firstRepWindow(id: string, speed: number): { startMs: number; durationMs: number } | null {
  const move = 2000 / speed;
  switch (id) {
    case 'neck-self-massage':
    case 'supine-breathing':
      return null;
    case 'palm-forehead-press':
    case 'palm-temple-press':
    case 'shoulder-shrug-hold':
    case 'double-palm-forehead-press':
    case 'hands-behind-head-press':
      return { startMs: LEAD_IN_MS, durationMs: 3500 };
    case 'supine-neck-raise-hold':
      return { startMs: LEAD_IN_MS, durationMs: 5500 };
    case 'seated-chin-press':
      return { startMs: LEAD_IN_MS, durationMs: move + 2500 };
    case 'yes-nods':
      return { startMs: LEAD_IN_MS, durationMs: 800 / speed };
    case 'no-shakes':
      return { startMs: LEAD_IN_MS, durationMs: 700 / speed };
    case 'head-circles':
      return { startMs: LEAD_IN_MS + 500, durationMs: 3000 / speed };
    case 'shoulder-circles':
      return { startMs: LEAD_IN_MS + 400, durationMs: 2000 / speed };
    default:
      return { startMs: LEAD_IN_MS, durationMs: move };
  }
}

export function exerciseScript(id: string, reps: number, speed = 1): ExerciseScript {
  const script = baseScript(id, reps, speed);
  const window = firstRepWindow(id, speed);
  const side = Object.keys(script.expected)[0];
  return window === null || side === undefined ? script : { ...script, firstRep: { ...window, side } };
}

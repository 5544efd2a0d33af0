import { gaussian, seededRandom } from '../../tools/synthetic/seeded-random';
import type { ArmPose } from '../../tools/clipgen/core/arm-pose';
import { armBlocks, handOnHead } from './training-arms';

/** One camera placement and light for a training clip (the clip generator's scan-subject fields). */
export interface TrainingView {
  readonly distanceM: number;
  readonly heightM: number;
  readonly offsetM: number;
  readonly lighting: string;
  /** Frames a second (default 30). */
  readonly fps?: number;
  /**
   * 'far': far turns and deep nods (farWaypoint): the frames a wander over ±90° visits least; a
   * network trained on wanders alone under-read a 90° turn by 8–10° and deep flexion by 15–20°.
   * 'nod': mostly deep nods (nodWaypoint), for clips with raised arms: a network that had seen
   * raised arms only with the head near level read deep extension with them as a small pitch.
   */
  readonly focus?: 'far' | 'nod';
  /**
   * The scan's body with these arm poses, taken in turn, each for a few moves (training-arms.ts);
   * without it the bare bust (no shirt, no arms) of the first clips.
   */
  readonly arms?: readonly ArmPose[];
}

interface MoveSegment {
  readonly kind: 'move';
  readonly to: { readonly yawDeg: number; readonly pitchDeg: number; readonly rollDeg: number };
  readonly durationMs: number;
  readonly profile: 'minimum-jerk';
  readonly arms?: ArmPose;
}

interface HoldSegment {
  readonly kind: 'hold';
  readonly durationMs: number;
  readonly arms?: ArmPose;
}

export interface TrainingTrajectory {
  readonly id: string;
  readonly exercise: string;
  readonly description: string;
  readonly fps: number;
  readonly subject: 'scan';
  readonly camera: { readonly distanceM: number; readonly heightM: number; readonly offsetM: number };
  readonly lighting: string;
  readonly segments: readonly (MoveSegment | HoldSegment)[];
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

type Waypoint = MoveSegment['to'];
const tenth = (v: number): number => Math.round(v * 10) / 10;
const randomSign = (random: () => number): number => (random() < 0.5 ? -1 : 1);

/** Yaw over the whole ±90° (half past ±45°), pitch and roll combined with it. */
function wanderWaypoint(random: () => number): Waypoint {
  const wide = random() < 0.5;
  const yawDeg = randomSign(random) * (wide ? 45 + random() * 45 : random() * 45);
  return {
    yawDeg: tenth(yawDeg),
    pitchDeg: tenth(clamp(gaussian(random) * 22, -55, 60)),
    rollDeg: tenth(clamp(gaussian(random) * (wide ? 8 : 16), -40, 40)),
  };
}

/**
 * Seven in ten a far turn (55–90°, denser toward 90°), three in ten a deep nod (flexion to −60°,
 * extension to +70°, the range clips' limits) with a small turn.
 */
function farWaypoint(random: () => number): Waypoint {
  if (random() < 0.7) {
    return {
      yawDeg: tenth(randomSign(random) * (90 - 35 * random() ** 2)),
      pitchDeg: tenth(clamp(gaussian(random) * 25, -60, 70)),
      rollDeg: tenth(clamp(gaussian(random) * 8, -40, 40)),
    };
  }
  const extension = random() < 0.5;
  return {
    yawDeg: tenth(gaussian(random) * 15),
    pitchDeg: tenth(extension ? 35 + random() * 35 : -(30 + random() * 30)),
    rollDeg: tenth(clamp(gaussian(random) * 10, -40, 40)),
  };
}

/** Seven in ten a deep nod (flexion to −60°, extension to +70°, small turn and tilt), else a far turn. */
function nodWaypoint(random: () => number): Waypoint {
  if (random() < 0.3) return farWaypoint(random);
  const extension = random() < 0.55;
  return {
    yawDeg: tenth(clamp(gaussian(random) * 10, -25, 25)),
    pitchDeg: tenth(extension ? 40 + random() * 30 : -(35 + random() * 25)),
    rollDeg: tenth(clamp(gaussian(random) * 6, -20, 20)),
  };
}

/**
 * A hand on the head (a press, the massage, the lateral stretch's pull): the head stays near the
 * middle, as in those exercises (yaw ±40°, pitch and roll ±30°), where the arm's reach still looks
 * like a person's.
 */
function handOnHeadWaypoint(random: () => number): Waypoint {
  return {
    yawDeg: tenth((random() * 2 - 1) * 40),
    pitchDeg: tenth(clamp(gaussian(random) * 12, -30, 30)),
    rollDeg: tenth(clamp(gaussian(random) * 14, -30, 30)),
  };
}

/**
 * A random wander through the range of motion, for training the head regression: waypoints with
 * yaw spread over the whole ±90° (half of them past ±45°, where the face mesh fails), pitch and
 * roll combined with it, moved between at 40–160°/s with minimum jerk, sometimes held. With
 * `view.arms`, every segment names its arm pose, and a hand on the head keeps the head near the
 * middle (handOnHeadWaypoint). Seeded: the same view and seed give the same trajectory.
 */
export function trainingTrajectory(id: string, view: TrainingView, seed: number, durationMs: number): TrainingTrajectory {
  const random = seededRandom(seed);
  const nextArms = view.arms === undefined ? null : armBlocks(view.arms, random);
  const withArms = <S extends MoveSegment | HoldSegment>(segment: S, arms: ArmPose | null): S => (arms === null ? segment : { ...segment, arms });
  let arms = nextArms?.() ?? null;
  const segments: (MoveSegment | HoldSegment)[] = [withArms({ kind: 'hold', durationMs: 600 }, arms)];
  let elapsed = 600;
  let current = { yawDeg: 0, pitchDeg: 0, rollDeg: 0 };
  const focusWaypoint = view.focus === 'far' ? farWaypoint : view.focus === 'nod' ? nodWaypoint : wanderWaypoint;
  while (elapsed < durationMs) {
    if (nextArms !== null && segments.length > 1) arms = nextArms();
    const to = arms !== null && handOnHead(arms) ? handOnHeadWaypoint(random) : focusWaypoint(random);
    const distance = Math.max(Math.abs(to.yawDeg - current.yawDeg), Math.abs(to.pitchDeg - current.pitchDeg), Math.abs(to.rollDeg - current.rollDeg));
    const speedDegPerS = 40 + random() * 120;
    const moveMs = Math.round(Math.max(400, (1000 * distance) / speedDegPerS));
    segments.push(withArms({ kind: 'move', to, durationMs: moveMs, profile: 'minimum-jerk' }, arms));
    elapsed += moveMs;
    if (random() < 0.3) {
      const holdMs = Math.round(200 + random() * 500);
      segments.push(withArms({ kind: 'hold', durationMs: holdMs }, arms));
      elapsed += holdMs;
    }
    current = to;
  }
  return {
    id,
    exercise: 'head-turns',
    description: `Training wander for the head regression (seed ${seed}).`,
    fps: view.fps ?? 30,
    subject: 'scan',
    camera: { distanceM: view.distanceM, heightM: view.heightM, offsetM: view.offsetM },
    lighting: view.lighting,
    segments,
  };
}

import { gaussian, seededRandom } from '../../tools/synthetic/seeded-random';

/** One camera placement and light for a training clip (the clip generator's scan-subject fields). */
export interface TrainingView {
  readonly distanceM: number;
  readonly heightM: number;
  readonly offsetM: number;
  readonly lighting: string;
  /** Frames a second (default 30). */
  readonly fps?: number;
}

interface MoveSegment {
  readonly kind: 'move';
  readonly to: { readonly yawDeg: number; readonly pitchDeg: number; readonly rollDeg: number };
  readonly durationMs: number;
  readonly profile: 'minimum-jerk';
}

interface HoldSegment {
  readonly kind: 'hold';
  readonly durationMs: number;
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

/**
 * A random wander through the range of motion, for training the head regression: waypoints with
 * yaw spread over the whole ±90° (half of them past ±45°, where the face mesh fails), pitch and
 * roll combined with it, moved between at 40–160°/s with minimum jerk, sometimes held. Seeded:
 * the same view and seed give the same trajectory.
 */
export function trainingTrajectory(id: string, view: TrainingView, seed: number, durationMs: number): TrainingTrajectory {
  const random = seededRandom(seed);
  const segments: (MoveSegment | HoldSegment)[] = [{ kind: 'hold', durationMs: 600 }];
  let elapsed = 600;
  let current = { yawDeg: 0, pitchDeg: 0, rollDeg: 0 };
  while (elapsed < durationMs) {
    const wide = random() < 0.5;
    const yawDeg = (random() < 0.5 ? -1 : 1) * (wide ? 45 + random() * 45 : random() * 45);
    const to = {
      yawDeg: Math.round(yawDeg * 10) / 10,
      pitchDeg: Math.round(clamp(gaussian(random) * 22, -55, 60) * 10) / 10,
      rollDeg: Math.round(clamp(gaussian(random) * (wide ? 8 : 16), -40, 40) * 10) / 10,
    };
    const distance = Math.max(Math.abs(to.yawDeg - current.yawDeg), Math.abs(to.pitchDeg - current.pitchDeg), Math.abs(to.rollDeg - current.rollDeg));
    const speedDegPerS = 40 + random() * 120;
    const moveMs = Math.round(Math.max(400, (1000 * distance) / speedDegPerS));
    segments.push({ kind: 'move', to, durationMs: moveMs, profile: 'minimum-jerk' });
    elapsed += moveMs;
    if (random() < 0.3) {
      const holdMs = Math.round(200 + random() * 500);
      segments.push({ kind: 'hold', durationMs: holdMs });
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

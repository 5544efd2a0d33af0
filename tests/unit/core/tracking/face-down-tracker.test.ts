import { describe, expect, it } from 'vitest';
import type { FrameObservation } from '../../../../src/core/landmarks';
import { getExercise } from '../../../../src/core/protocol/protocol';
import { ExerciseTracker } from '../../../../src/core/tracking/exercise-tracker';
import type { TrackerFrame } from '../../../../src/core/tracking/tracker-frame';
import { syntheticFace } from '../../../../tools/synthetic/synthetic-subject';

/** Head-up frames (480×640) of a person face down, at 15 fps: a face only while turned toward the camera. */
function frames(faceYaws: readonly (number | null)[]): FrameObservation[] {
  return faceYaws.map((yaw, i) => ({
    tMs: (i * 1000) / 15,
    imageWidth: 480,
    imageHeight: 640,
    faces: yaw === null ? [] : [syntheticFace({ head: { yawDeg: yaw, pitchDeg: 0, rollDeg: 0 } })],
    poses: [],
  }));
}

const still = (n: number): null[] => Array<null>(n).fill(null);
/** Two full turns (the face 25° from facing the camera) and one stopped short (50°). */
const CLIP = [...still(20), ...Array<number>(8).fill(25), ...still(10), ...Array<number>(8).fill(50), ...still(10), ...Array<number>(8).fill(-25), ...still(20)];

function run(side: 'left' | 'right'): TrackerFrame[] {
  const tracker = new ExerciseTracker({ neutral: 'auto' });
  tracker.setCameraSide(side);
  tracker.startExercise(getExercise('prone-ear-to-floor'));
  return frames(CLIP).map((frame) => tracker.step(frame));
}

describe('ExerciseTracker face down (prone-ear-to-floor)', () => {
  it('counts the turns toward the camera on its side', () => {
    for (const side of ['left', 'right'] as const) {
      const reps = run(side).flatMap((frame) => frame.events.filter((event) => event.type === 'rep' && event.complete));
      expect(reps.map((rep) => (rep.type === 'rep' ? rep.side : null))).toEqual([side, side]);
    }
  });

  it('reports no tracking problem and no pause while no face is found', () => {
    const out = run('left');
    expect(out.filter((frame) => frame.qualityProblem !== null)).toEqual([]);
    expect(out.flatMap((frame) => frame.events.filter((event) => event.type === 'paused'))).toEqual([]);
    expect(out.flatMap((frame) => frame.actions.filter((action) => action.type === 'person-lost'))).toEqual([]);
  });
});

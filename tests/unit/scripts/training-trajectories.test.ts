import { describe, expect, it } from 'vitest';
import { hasBody, parseTrajectory } from '../../../tools/clipgen/core/trajectory';
import { handOnHead } from '../../../scripts/head-regressor/training-arms';
import { trainingTrajectory } from '../../../scripts/head-regressor/training-trajectories';
import { TRAINING_VIEWS } from '../../../scripts/head-regressor/training-views';

const CLIP_MS = 20_000;
const trajectories = TRAINING_VIEWS.map((view, i) => ({ view, trajectory: trainingTrajectory(`train-${i + 1}`, view, 1000 + i, CLIP_MS) }));

describe('the head regression’s training trajectories', () => {
  it('are valid clip-generator trajectories', () => {
    for (const { trajectory } of trajectories) expect(() => parseTrajectory(trajectory)).not.toThrow();
  });

  it('render the bare bust without `arms` and the scan’s body with them', () => {
    for (const { view, trajectory } of trajectories) {
      const parsed = parseTrajectory(trajectory);
      expect(hasBody(parsed), trajectory.id).toBe(view.arms !== undefined);
      if (view.arms === undefined) expect(JSON.stringify(trajectory)).not.toContain('"arms"');
    }
  });

  it('take every listed arm pose, and keep the head near the middle while a hand is on it', () => {
    const withArms = trajectories.filter(({ view }) => view.arms !== undefined);
    expect(withArms.length).toBeGreaterThan(0);
    for (const { view, trajectory } of withArms) {
      const taken = new Set(trajectory.segments.map((s) => s.arms));
      expect([...taken].sort(), trajectory.id).toEqual([...(view.arms ?? [])].sort());
      for (const segment of trajectory.segments) {
        if (segment.kind !== 'move' || segment.arms === undefined || !handOnHead(segment.arms)) continue;
        expect(Math.abs(segment.to.yawDeg), trajectory.id).toBeLessThanOrEqual(40);
        expect(Math.abs(segment.to.pitchDeg), trajectory.id).toBeLessThanOrEqual(30);
        expect(Math.abs(segment.to.rollDeg), trajectory.id).toBeLessThanOrEqual(30);
      }
    }
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTrajectory, TrajectoryError } from '../../../../tools/clipgen/core/trajectory';

const FIXTURES = path.resolve(__dirname, '../../../../fixtures/trajectories');

const minimal = { id: 't', exercise: 'head-turns', segments: [{ kind: 'hold', durationMs: 100 }] };

describe('parseTrajectory', () => {
  it('reads every trajectory under fixtures/trajectories, with ids matching their file names', () => {
    const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const file of files) {
      const t = parseTrajectory(JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8')));
      expect(`${t.id}.json`).toBe(file);
    }
  });

  it('fills defaults: 30 fps, minimum-jerk, counted, normal tempo', () => {
    const t = parseTrajectory({ ...minimal, segments: [{ kind: 'rep', axis: 'yaw', peakDeg: 30, outMs: 500, backMs: 500 }] });
    expect(t.fps).toBe(30);
    expect(t.segments[0]).toMatchObject({ kind: 'rep', profile: 'minimum-jerk', counts: true, tempo: 'normal', holdMs: 0, side: null, arms: 'rest' });
  });

  it('reads an arm pose on any kind of segment', () => {
    const arms = 'hands-behind-head';
    const t = parseTrajectory({
      ...minimal,
      segments: [
        { kind: 'hold', durationMs: 100, arms },
        { kind: 'move', to: { pitchDeg: 5 }, durationMs: 100, arms },
        { kind: 'rep', axis: 'pitch', peakDeg: 8, outMs: 100, backMs: 100, arms },
        { kind: 'swing', axis: 'yaw', amplitudeDeg: 10, durationMs: 100, arms },
        { kind: 'circle', radiusDeg: 10, durationMs: 100, arms },
      ],
    });
    expect(t.segments.map((s) => s.arms)).toEqual([arms, arms, arms, arms, arms]);
  });

  it.each([
    ['no segments', { ...minimal, segments: [] }, 'segments'],
    ['unknown kind', { ...minimal, segments: [{ kind: 'jump' }] }, 'segments[0].kind'],
    ['bad profile', { ...minimal, segments: [{ kind: 'move', to: { yawDeg: 10 }, durationMs: 10, profile: 'fast' }] }, 'profile'],
    ['angle out of range', { ...minimal, segments: [{ kind: 'move', to: { yawDeg: 120 }, durationMs: 10 }] }, 'yawDeg'],
    ['unknown pose field', { ...minimal, segments: [{ kind: 'move', to: { yaw: 10 }, durationMs: 10 }] }, 'to.yaw'],
    ['zero rep', { ...minimal, segments: [{ kind: 'rep', axis: 'yaw', peakDeg: 0, outMs: 1, backMs: 1 }] }, 'peakDeg'],
    ['negative duration', { ...minimal, segments: [{ kind: 'hold', durationMs: -5 }] }, 'durationMs'],
    ['missing id', { exercise: 'x', segments: minimal.segments }, 'trajectory.id'],
    ['fractional fps', { ...minimal, fps: 29.97 }, 'fps'],
    ['unknown arm pose', { ...minimal, segments: [{ kind: 'hold', durationMs: 10, arms: 'hands-up' }] }, 'segments[0].arms'],
  ])('rejects %s, naming the field', (_name, value, field) => {
    expect(() => parseTrajectory(value)).toThrow(TrajectoryError);
    expect(() => parseTrajectory(value)).toThrow(field);
  });
});

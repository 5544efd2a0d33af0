import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasBody, parseTrajectory, TrajectoryError } from '../../../../tools/clipgen/core/trajectory';

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

  it('reads the body\'s segments on the scan, with defaults, and says the clip then has a body', () => {
    const t = parseTrajectory({
      ...minimal,
      subject: 'scan',
      segments: [
        { kind: 'body-move', to: { elevationCm: 2 }, durationMs: 100, arms: 'hands-on-shoulders' },
        { kind: 'body-circle', radiusCm: 2, durationMs: 1000, direction: 'back', arms: 'hands-on-shoulders' },
        { kind: 'body-rep', channel: 'elbow-flexion', peak: 80, outMs: 300, backMs: 300, arms: 'arms-flexed' },
      ],
    });
    expect(t.segments[0]).toMatchObject({ kind: 'body-move', to: { elevationCm: 2 }, profile: 'minimum-jerk' });
    expect(t.segments[1]).toMatchObject({ kind: 'body-circle', direction: 'back', counts: true, tempo: 'normal' });
    expect(t.segments[2]).toMatchObject({ kind: 'body-rep', channel: 'elbow-flexion', peak: 80, holdMs: 0, side: null, counts: true });
    expect(hasBody(t)).toBe(true);
    expect(hasBody(parseTrajectory({ ...minimal, subject: 'scan' }))).toBe(false);
  });

  it('reads a lying position: the body shown, the floor camera\'s defaults, the lying channels and poses', () => {
    const t = parseTrajectory({
      ...minimal,
      subject: 'scan',
      position: 'supine',
      segments: [
        { kind: 'body-move', to: { breathCm: 2 }, durationMs: 1000, arms: 'hands-on-torso' },
        { kind: 'body-rep', channel: 'torso-rise', peak: 40, outMs: 500, backMs: 500, arms: 'hands-on-floor' },
      ],
    });
    expect(t.position).toBe('supine');
    expect(t.camera).toEqual({ distanceM: 2, heightM: 0.5, offsetM: 0 });
    expect(t.segments[1]).toMatchObject({ kind: 'body-rep', channel: 'torso-rise', peak: 40 });
    expect(hasBody(t)).toBe(true);
    // Lying, even a clip that never moves the body shows it (legs, trunk, arms on the floor).
    expect(hasBody(parseTrajectory({ ...minimal, subject: 'scan', position: 'supine' }))).toBe(true);
    expect(parseTrajectory({ ...minimal, subject: 'scan' }).position).toBe('upright');
  });

  it('reads face down: the floor camera\'s defaults, the arms out on the floor, head turns', () => {
    const t = parseTrajectory({ ...minimal, subject: 'scan', position: 'prone', segments: [{ kind: 'rep', axis: 'yaw', peakDeg: 80, outMs: 500, backMs: 500, arms: 'arms-out-on-floor' }] });
    expect(t.position).toBe('prone');
    expect(t.camera).toEqual({ distanceM: 2, heightM: 0.5, offsetM: 0 });
    expect(hasBody(t)).toBe(true);
    const right = parseTrajectory({ ...minimal, subject: 'scan', position: 'prone', camera: { distanceM: 1, side: 'right' } });
    expect(right.camera).toEqual({ distanceM: 1, heightM: 0.5, offsetM: 0, side: 'right' });
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
    ['a body pose on the photo head', { ...minimal, segments: [{ kind: 'hold', durationMs: 10, arms: 'arms-out' }] }, 'segments[0]'],
    ['a body segment on the photo head', { ...minimal, segments: [{ kind: 'body-rep', channel: 'elevation', peak: 4, outMs: 10, backMs: 10 }] }, 'segments[0]'],
    ['unknown body channel', { ...minimal, subject: 'scan', segments: [{ kind: 'body-rep', channel: 'knee', peak: 4, outMs: 10, backMs: 10 }] }, 'segments[0].channel'],
    ['a shrug beyond reach', { ...minimal, subject: 'scan', segments: [{ kind: 'body-rep', channel: 'elevation', peak: 30, outMs: 10, backMs: 10 }] }, 'segments[0].peak'],
    ['unknown body field', { ...minimal, subject: 'scan', segments: [{ kind: 'body-move', to: { shrugCm: 3 }, durationMs: 10 }] }, 'to.shrugCm'],
    ['a camera side upright', { ...minimal, subject: 'scan', camera: { side: 'left' } }, 'camera.side'],
    ['an unknown camera side', { ...minimal, subject: 'scan', position: 'prone', camera: { side: 'above' } }, 'camera.side'],
    ['a zero body rep', { ...minimal, subject: 'scan', segments: [{ kind: 'body-rep', channel: 'protraction', peak: 0, outMs: 10, backMs: 10 }] }, 'segments[0].peak'],
    ['a bad circle direction', { ...minimal, subject: 'scan', segments: [{ kind: 'body-circle', radiusCm: 2, durationMs: 10, direction: 'clockwise' }] }, 'segments[0].direction'],
    ['an unknown position', { ...minimal, subject: 'scan', position: 'kneeling' }, 'trajectory.position'],
    ['the photo head lying', { ...minimal, position: 'supine' }, 'trajectory.position'],
    ['a lying arm pose upright', { ...minimal, subject: 'scan', segments: [{ kind: 'hold', durationMs: 10, arms: 'hands-on-torso' }] }, 'segments[0]'],
    ['a torso rise upright', { ...minimal, subject: 'scan', segments: [{ kind: 'body-rep', channel: 'torso-rise', peak: 30, outMs: 10, backMs: 10 }] }, 'segments[0]'],
    ['a breath upright', { ...minimal, subject: 'scan', segments: [{ kind: 'body-move', to: { breathCm: 2 }, durationMs: 10 }] }, 'segments[0]'],
    ['a torso rise into the floor', { ...minimal, subject: 'scan', position: 'supine', segments: [{ kind: 'body-rep', channel: 'torso-rise', peak: -20, outMs: 10, backMs: 10 }] }, 'segments[0].peak'],
    ['a trunk turn lying', { ...minimal, subject: 'scan', position: 'supine', segments: [{ kind: 'trunk', yawDeg: 20, durationMs: 10 }] }, 'trajectory.segments'],
    ['a face-down pose on the back', { ...minimal, subject: 'scan', position: 'supine', segments: [{ kind: 'hold', durationMs: 10, arms: 'arms-out-on-floor' }] }, 'needs "position": "prone"'],
    ['a supine pose face down', { ...minimal, subject: 'scan', position: 'prone', segments: [{ kind: 'hold', durationMs: 10, arms: 'hands-on-floor' }] }, 'needs "position": "supine"'],
    ['a torso rise face down', { ...minimal, subject: 'scan', position: 'prone', segments: [{ kind: 'body-rep', channel: 'torso-rise', peak: 30, outMs: 10, backMs: 10 }] }, 'segments[0]'],
    ['a lying camera on the floor', { ...minimal, subject: 'scan', position: 'supine', camera: { heightM: 0 } }, 'camera.heightM'],
    ['an upright camera at lying height', { ...minimal, subject: 'scan', camera: { heightM: 0.8 } }, 'camera.heightM'],
  ])('rejects %s, naming the field', (_name, value, field) => {
    expect(() => parseTrajectory(value)).toThrow(TrajectoryError);
    expect(() => parseTrajectory(value)).toThrow(field);
  });
});

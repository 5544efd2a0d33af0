import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { anglesToMatrix } from '../../../../src/core/geometry/euler';
import { distanceMat3, multiplyMat3, rotationY } from '../../../../src/core/geometry/mat3';
import { buildGroundTruth } from '../../../../tools/clipgen/core/ground-truth';
import { headInCamera, scanCameraPose, SCAN_EYE_POINT, SCAN_METRES_PER_UNIT } from '../../../../tools/clipgen/core/scan-rig';
import { projectScanPoint } from '../../../../tools/clipgen/core/scan-projection';
import { parseTrajectory, TrajectoryError } from '../../../../tools/clipgen/core/trajectory';

const ZERO = { yawDeg: 0, pitchDeg: 0, rollDeg: 0 };

describe('scan camera', () => {
  it('stands distanceM in front of the eyes, offset sideways without turning, and looks down at them from above', () => {
    const level = scanCameraPose({ distanceM: 1, heightM: 0, offsetM: 0.3 });
    const eyeZ = SCAN_EYE_POINT[2] * SCAN_METRES_PER_UNIT;
    expect(level.position[2]).toBeCloseTo(eyeZ + 1, 12);
    // offsetM > 0 puts the head to the image's right: the camera moves to the world's left.
    expect(level.position[0]).toBeCloseTo(-0.3, 12);
    expect(level.pitchDeg).toBe(-0);
    const above = scanCameraPose({ distanceM: 0.6, heightM: 0.15, offsetM: 0 });
    expect(above.pitchDeg).toBeCloseTo(-Math.atan2(0.15, 0.6) * (180 / Math.PI), 12);
    expect(above.pitchDeg).toBeLessThan(0);
  });
});

describe('head in the camera', () => {
  it('adds the trunk\'s yaw to a neck yaw, and a camera looking down sees a level head as chin-up', () => {
    expect(headInCamera({ ...ZERO, yawDeg: 20 }, 30, 0).yawDeg).toBeCloseTo(50, 9);
    // Seen from above, a level face looks below the camera's axis: flexion (you see the top of the head).
    expect(headInCamera(ZERO, 0, -10).pitchDeg).toBeCloseTo(-10, 9);
    // A neck tilt on a turned trunk is about the trunk's axes (R_trunk · R_neck), not the camera's:
    // the camera-axis angles are not a sum.
    const neck = { ...ZERO, rollDeg: 20 };
    const tilted = headInCamera(neck, 40, 0);
    expect(distanceMat3(anglesToMatrix(tilted), multiplyMat3(rotationY((40 * Math.PI) / 180), anglesToMatrix(neck)))).toBeLessThan(1e-9);
    expect(Math.abs(tilted.yawDeg - 40)).toBeGreaterThan(1);
  });
});

describe('scan trajectories and their truth', () => {
  const trunkClip = {
    id: 'trunk',
    exercise: 'head-turns',
    subject: 'scan',
    camera: { distanceM: 1, heightM: 0.15 },
    lighting: 'side-key',
    segments: [
      { kind: 'hold', durationMs: 500 },
      { kind: 'trunk', yawDeg: 30, durationMs: 1000 },
      { kind: 'rep', axis: 'yaw', peakDeg: 40, outMs: 500, holdMs: 200, backMs: 500 },
    ],
  };

  it('reads subject, camera (defaults filled) and lighting; refuses a camera or a trunk turn on the photo head', () => {
    const t = parseTrajectory(trunkClip);
    expect(t.subject).toBe('scan');
    expect(t.camera).toEqual({ distanceM: 1, heightM: 0.15, offsetM: 0 });
    expect(t.lighting).toBe('side-key');
    expect(parseTrajectory({ ...trunkClip, subject: undefined, camera: undefined, lighting: undefined, segments: [{ kind: 'hold', durationMs: 1 }] }).subject).toBe('photo');
    expect(() => parseTrajectory({ ...trunkClip, subject: 'photo', camera: undefined, lighting: undefined })).toThrow(TrajectoryError);
    expect(() => parseTrajectory({ ...trunkClip, subject: 'photo', segments: [{ kind: 'hold', durationMs: 1 }] })).toThrow(/camera/);
    expect(() => parseTrajectory({ ...trunkClip, lighting: 'disco' })).toThrow(/lighting/);
  });

  it('records trunk yaw, neck angles and the head in the camera per frame; the rep is found on the neck', () => {
    const truth = buildGroundTruth(parseTrajectory(trunkClip));
    const pitch = truth.scanView?.cameraPitchDeg ?? Number.NaN;
    expect(pitch).toBeCloseTo(-Math.atan2(0.15, 1) * (180 / Math.PI), 9);
    const first = truth.frames[0];
    expect(first?.trunkYawDeg).toBe(0);
    expect(first?.pitchDeg).toBeCloseTo(pitch, 9);
    const turned = truth.frames[45]; // 1.5 s: trunk at 30°, neck still neutral
    expect(turned?.trunkYawDeg).toBeCloseTo(30, 9);
    expect(turned?.neck).toEqual(ZERO);
    // 30° of trunk seen by a camera 8.5° above: 29.6° about the camera's vertical.
    expect(turned?.yawDeg).toBeCloseTo(29.63, 2);
    const rep = truth.reps[0];
    expect(rep?.peakNeck.yawDeg).toBeCloseTo(40, 9);
    // 40° of neck on 30° of trunk, seen from 8.5° above: 68.3° about the camera's vertical.
    expect(rep?.peak.yawDeg).toBeCloseTo(headInCamera({ ...ZERO, yawDeg: 40 }, 30, pitch).yawDeg, 9);
    expect(rep?.peak.yawDeg).toBeGreaterThan(65);
    expect(truth.subject).toBe('scan');
  });
});

describe('the range trajectories (fixtures/trajectories/range)', () => {
  it('parse, are named after their files, cover both subjects and stay within 20 s of video each', () => {
    const dir = path.resolve(__dirname, '../../../../fixtures/trajectories/range');
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    const truths = files.map((file) => {
      const t = parseTrajectory(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
      expect(`${t.id}.json`).toBe(file);
      return buildGroundTruth(t);
    });
    expect(new Set(truths.map((t) => t.subject))).toEqual(new Set(['scan', 'photo']));
    for (const t of truths) expect(t.durationMs, t.trajectoryId).toBeLessThanOrEqual(20_000);
    // The sweep reaches both ±90°, and some clip turns the trunk.
    const sweep = truths.find((t) => t.trajectoryId === 'scan-yaw-sweep');
    expect(Math.max(...(sweep?.frames.map((f) => f.yawDeg) ?? []))).toBeCloseTo(90, 6);
    expect(Math.min(...(sweep?.frames.map((f) => f.yawDeg) ?? []))).toBeCloseTo(-90, 6);
    expect(truths.some((t) => t.frames.some((f) => f.trunkYawDeg !== 0))).toBe(true);
  });
});

describe('projectScanPoint', () => {
  it('puts the eyes (the camera\'s aim) at the centre, the subject\'s left to the image\'s right, and up up', () => {
    for (const camera of [{ distanceM: 1, heightM: 0, offsetM: 0 }, { distanceM: 1.2, heightM: 0.2, offsetM: 0 }]) {
      const centre = projectScanPoint(SCAN_EYE_POINT, camera, 640, 480);
      expect(centre.x).toBeCloseTo(320, 9);
      expect(centre.y).toBeCloseTo(240, 9);
      expect(projectScanPoint([1, SCAN_EYE_POINT[1], SCAN_EYE_POINT[2]], camera, 640, 480).x).toBeGreaterThan(320);
      expect(projectScanPoint([0, 3, SCAN_EYE_POINT[2]], camera, 640, 480).y).toBeLessThan(240);
    }
    // A point half the frame's height above the eyes at the eyes' depth, level camera: the top edge.
    const half = Math.tan((25 * Math.PI) / 180) / SCAN_METRES_PER_UNIT;
    expect(projectScanPoint([0, SCAN_EYE_POINT[1] + half, SCAN_EYE_POINT[2]], { distanceM: 1, heightM: 0, offsetM: 0 }, 640, 480).y).toBeCloseTo(0, 6);
  });
});

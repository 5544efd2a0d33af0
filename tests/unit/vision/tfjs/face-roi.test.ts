import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FACE_ROI_SCALE, eyeLineRotation, roiFromBox, roiFromLandmarks } from '../../../../src/vision/tfjs/face-roi';
import { imageToCrop, type Point2 } from '../../../../src/vision/crop/square-crop';

const ANGLE_EPSILON_RAD = 1e-9;
const PIXEL_EPSILON = 1e-6;

describe('face regions', () => {
  it('level eyes (subject\'s right eye on the image left) give no rotation; a head tilted toward image-down-right turns the crop clockwise', () => {
    expect(eyeLineRotation({ x: 100, y: 100 }, { x: 200, y: 100 })).toBe(0);
    expect(eyeLineRotation({ x: 100, y: 100 }, { x: 200, y: 200 })).toBeCloseTo(Math.PI / 4, 12);
  });

  it('a detector box becomes a square 1.5× its longer side, centred on it', () => {
    const roi = roiFromBox({ centerX: 320, centerY: 200, width: 100, height: 120 }, { x: 290, y: 180 }, { x: 350, y: 180 });
    expect(roi).toEqual({ centerX: 320, centerY: 200, size: 120 * FACE_ROI_SCALE, rotation: 0 });
  });

  it('tracking: the crop from a mesh holds every point with the eyes level, whatever the tilt', () => {
    const face = fc.record({
      cx: fc.double({ min: 100, max: 500, noNaN: true }),
      cy: fc.double({ min: 100, max: 400, noNaN: true }),
      half: fc.double({ min: 20, max: 150, noNaN: true }),
      tilt: fc.double({ min: -1.2, max: 1.2, noNaN: true }),
    });
    fc.assert(
      fc.property(face, ({ cx, cy, half, tilt }) => {
        const turn = (u: number, v: number): Point2 => ({ x: cx + Math.cos(tilt) * u - Math.sin(tilt) * v, y: cy + Math.sin(tilt) * u + Math.cos(tilt) * v });
        const points = [turn(-half, -half), turn(half, -half), turn(half, half), turn(-half, half), turn(0, 0)];
        const rightEye = turn(-half / 2, -half / 3);
        const leftEye = turn(half / 2, -half / 3);
        const roi = roiFromLandmarks(points, rightEye, leftEye);
        expect(Math.abs(roi.rotation - tilt)).toBeLessThan(ANGLE_EPSILON_RAD);
        expect(Math.abs(roi.centerX - cx)).toBeLessThan(PIXEL_EPSILON);
        expect(Math.abs(roi.centerY - cy)).toBeLessThan(PIXEL_EPSILON);
        expect(roi.size).toBeCloseTo(2 * half * FACE_ROI_SCALE, 6);
        const r = imageToCrop(roi, 192, rightEye);
        const l = imageToCrop(roi, 192, leftEye);
        expect(Math.abs(r.y - l.y)).toBeLessThan(PIXEL_EPSILON);
        expect(l.x).toBeGreaterThan(r.x);
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backProject, cameraRig, photoUv, project } from '../../../../tools/clipgen/core/camera-rig';

const PIXEL_EPS = 1e-6;

describe('camera rig', () => {
  const rig = cameraRig(820, 1024, 4 / 3, 50);

  it('crops the widest 4:3 band from the top of a portrait photo', () => {
    expect(rig).toMatchObject({ cropX: 0, cropY: 0, cropWidth: 820, cropHeight: 615, centreX: 410, centreY: 307.5 });
    expect(rig.distance).toBeCloseTo(307.5 / Math.tan((25 * Math.PI) / 180), 9);
  });

  it('property: a photo pixel back-projected to any depth projects onto the same pixel', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 820, noNaN: true }), fc.double({ min: 0, max: 1024, noNaN: true }), fc.double({ min: -2000, max: 300, noNaN: true }), (px, py, z) => {
        const p = project(rig, backProject(rig, px, py, z));
        return Math.abs(p.px - px) < PIXEL_EPS && Math.abs(p.py - py) < PIXEL_EPS;
      }),
    );
  });

  it('puts nearer points farther from the image centre (perspective), and maps uv with v up', () => {
    const far = project(rig, [600, -100, -500]);
    const near = project(rig, [600, -100, 200]);
    expect(near.px - rig.centreX).toBeGreaterThan(far.px - rig.centreX);
    expect(photoUv(rig, 0, 0)).toEqual([0, 1]);
    expect(photoUv(rig, 820, 1024)).toEqual([1, 0]);
  });
});

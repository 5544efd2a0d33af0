import { describe, expect, it } from 'vitest';
import type { Landmark } from '../../../../src/core/landmarks';
import { FACE_LANDMARKER_POINT_COUNT, IRIS_STAND_INS, padToFaceLandmarkerLayout } from '../../../../src/vision/tfjs/face-mesh-layout';
import { unpackPoints } from '../../../../src/core/packed-points';
import { LEFT_IRIS_STAND_INS, RIGHT_IRIS_STAND_INS } from '../../../../scripts/models/recipes.mjs';

const mesh: Landmark[] = Array.from({ length: 468 }, (_, i) => ({ x: i / 468, y: 1 - i / 468, z: i }));

describe('padToFaceLandmarkerLayout', () => {
  it('keeps the 468 mesh points and appends 10 iris stand-ins', () => {
    const out = unpackPoints(padToFaceLandmarkerLayout(mesh));
    const asFloat32 = mesh.map((p) => ({ x: Math.fround(p.x), y: Math.fround(p.y), z: Math.fround(p.z) }));
    expect(out).toHaveLength(FACE_LANDMARKER_POINT_COUNT);
    expect(out.slice(0, 468)).toEqual(asFloat32);
    IRIS_STAND_INS.forEach((source, k) => expect(out[468 + k]).toEqual(asFloat32[source]));
  });

  it('uses the same stand-ins as the MediaPipe face bundle, so both backends share one layout', () => {
    expect(IRIS_STAND_INS).toEqual([...RIGHT_IRIS_STAND_INS, ...LEFT_IRIS_STAND_INS]);
  });

  it('refuses a mesh of another size', () => {
    expect(() => padToFaceLandmarkerLayout(mesh.slice(1))).toThrow(RangeError);
  });
});

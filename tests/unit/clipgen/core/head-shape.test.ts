import { FaceLandmarker } from '@mediapipe/tasks-vision';
import { describe, expect, it } from 'vitest';
import { cameraRig, project } from '../../../../tools/clipgen/core/camera-rig';
import { FACE_POINT, headShape } from '../../../../tools/clipgen/core/head-shape';
import { trianglesFromTesselation } from '../../../../tools/clipgen/core/mesh-triangles';
import type { Landmark } from '../../../../src/core/landmarks';

const PIXEL_EPS = 1e-3;
const W = 820, H = 1024;

/** A dome-shaped synthetic face: 478 points inside an oval, nearer the camera toward the middle. */
function syntheticFace(): Landmark[] {
  const cx = 0.5, cy = 0.22, rx = 0.12, ry = 0.12;
  const points: Landmark[] = Array.from({ length: 478 }, (_, i) => {
    const angle = i * 2.399963; // golden angle: spread evenly over the disc
    const r = Math.sqrt((i + 0.5) / 478);
    const x = cx + rx * r * Math.cos(angle), y = cy + ry * r * Math.sin(angle) * (W / H);
    return { x, y, z: -0.08 * (1 - r * r) };
  });
  points[FACE_POINT.foreheadTop] = { x: cx, y: cy - ry * (W / H), z: -0.03 };
  points[FACE_POINT.chin] = { x: cx, y: cy + ry * (W / H), z: -0.03 };
  points[FACE_POINT.rightCheek] = { x: cx - rx, y: cy, z: 0.02 };
  points[FACE_POINT.leftCheek] = { x: cx + rx, y: cy, z: 0.02 };
  return points;
}

describe('headShape', () => {
  const rig = cameraRig(W, H, 4 / 3, 50);
  const landmarks = syntheticFace();
  const triangles = trianglesFromTesselation(FaceLandmarker.FACE_LANDMARKS_TESSELATION);
  const shape = headShape(rig, landmarks, triangles);

  it('places every landmark on its own photo pixel at neutral pose (the render starts as the photo)', () => {
    landmarks.forEach((p, i) => {
      const world = [shape.facePositions[i * 3] ?? NaN, shape.facePositions[i * 3 + 1] ?? NaN, shape.facePositions[i * 3 + 2] ?? NaN] as const;
      const { px, py } = project(rig, world);
      expect(Math.abs(px - p.x * W)).toBeLessThan(PIXEL_EPS);
      expect(Math.abs(py - p.y * H)).toBeLessThan(PIXEL_EPS);
    });
  });

  it('closes the eyes and mouth with extra vertices and triangles', () => {
    expect(shape.facePositions.length / 3).toBe(478 + 3);
    expect(shape.faceTriangles.length).toBeGreaterThan(triangles.length);
    expect(Math.max(...shape.faceTriangles)).toBeLessThan(478 + 3);
  });

  it('puts the skull behind the forehead, wider than the face, and the pivot below its centre', () => {
    const i = FACE_POINT.foreheadTop;
    const [fx, fy, fz] = [shape.facePositions[i * 3] ?? NaN, shape.facePositions[i * 3 + 1] ?? NaN, shape.facePositions[i * 3 + 2] ?? NaN];
    const [cx, cy, cz] = shape.skullCentre;
    const [rx, ry, rz] = shape.skullRadii;
    // The skull's front surface where the forehead's top is: just behind it.
    const skullFrontZ = cz + rz * Math.sqrt(1 - ((fx - cx) / rx) ** 2 - ((fy - cy) / ry) ** 2);
    expect(skullFrontZ).toBeLessThan(fz);
    expect(skullFrontZ).toBeGreaterThan(fz - 0.1 * shape.faceWidthPx);
    expect(2 * rx).toBeGreaterThan(shape.faceWidthPx);
    expect(shape.pivot[1]).toBeLessThan(shape.skullCentre[1]);
    expect(shape.neck.topY).toBeGreaterThan(shape.neck.bottomY);
  });

  it('paints out an ellipse that covers the whole face outline', () => {
    const e = shape.inpaint;
    for (const index of [FACE_POINT.foreheadTop, FACE_POINT.rightCheek, FACE_POINT.leftCheek]) {
      const p = landmarks[index];
      expect(((((p?.x ?? NaN) * W - e.cx) / e.rx) ** 2 + (((p?.y ?? NaN) * H - e.cy) / e.ry) ** 2)).toBeLessThan(1);
    }
  });

  it('scales depth by depthScale', () => {
    const deeper = headShape(rig, landmarks, triangles, 2);
    const z = (s: typeof shape, i: number) => s.facePositions[i * 3 + 2] ?? NaN;
    expect(z(deeper, 0) - z(deeper, 300)).toBeCloseTo(2 * (z(shape, 0) - z(shape, 300)), 1);
  });
});

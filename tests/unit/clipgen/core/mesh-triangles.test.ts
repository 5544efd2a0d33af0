import { FaceLandmarker } from '@mediapipe/tasks-vision';
import { describe, expect, it } from 'vitest';
import { boundaryLoops, holeFans, trianglesFromTesselation } from '../../../../tools/clipgen/core/mesh-triangles';

const FACE_MESH_POINTS = 478;

describe('face mesh triangles', () => {
  const triangles = trianglesFromTesselation(FaceLandmarker.FACE_LANDMARKS_TESSELATION);

  it('derives 852 triangles from tasks-vision\'s tesselation, all indices within the 478 points', () => {
    expect(triangles.length / 3).toBe(852);
    expect(Math.max(...triangles)).toBeLessThan(FACE_MESH_POINTS);
  });

  it('finds the four openings: the face outline (36), the mouth (20) and the two eyes (16 each)', () => {
    expect(boundaryLoops(triangles).map((l) => l.length).sort((a, b) => b - a)).toEqual([36, 20, 16, 16]);
  });

  it('closes every opening but the outline, leaving no open edge inside the face', () => {
    const { triangles: fans, centres } = holeFans(triangles, FACE_MESH_POINTS);
    expect(centres).toHaveLength(3);
    const closed = new Uint16Array([...triangles, ...fans]);
    expect(boundaryLoops(closed).map((l) => l.length)).toEqual([36]);
  });

  it('rejects edges that do not form triangles', () => {
    expect(() => trianglesFromTesselation([{ start: 0, end: 1 }, { start: 1, end: 2 }, { start: 2, end: 3 }])).toThrow('do not form a triangle');
    expect(() => trianglesFromTesselation([{ start: 0, end: 1 }])).toThrow('multiple of 3');
  });
});

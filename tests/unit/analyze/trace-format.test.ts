import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { FrameObservation, Landmark } from '../../../src/core/landmarks';
import { parseTraceLine, traceBackend, traceLineText, traceObservationsByFile, traceRounded, type TraceFileLine, type TraceLine } from '../../../tools/analyze/trace-format';
import { packPoints, unpackPoints } from '../../../src/core/packed-points';

/** Landmarks keep 5 decimals (normalised units), the matrix 6: the most rounding may move them. */
const LANDMARK_TOLERANCE = 0.5e-5;
const MATRIX_TOLERANCE = 0.5e-6;

const coordinate = fc.double({ min: -2, max: 2, noNaN: true });
const landmark: fc.Arbitrary<Landmark> = fc.record({ x: coordinate, y: coordinate, z: coordinate, visibility: fc.double({ min: 0, max: 1, noNaN: true }) });
const observation: fc.Arbitrary<FrameObservation> = fc.record({
  tMs: fc.double({ min: 0, max: 1e6, noNaN: true }),
  imageWidth: fc.integer({ min: 1, max: 4000 }),
  imageHeight: fc.integer({ min: 1, max: 4000 }),
  faces: fc.array(
    fc.record({ points: fc.array(landmark, { maxLength: 5 }).map(packPoints), matrix: fc.option(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 16, maxLength: 16 })) }),
    { maxLength: 2 },
  ),
  poses: fc.array(fc.record({ landmarks: fc.array(landmark, { maxLength: 5 }), worldLandmarks: fc.option(fc.array(landmark, { maxLength: 5 })) }), { maxLength: 2 }),
});

/** Face points are kept as float32 (packed-points.ts): their rounding adds float32's step (≤ 2.4e-7 within ±2). */
const FLOAT32_STEP = 2.4e-7;

function closeLandmarks(a: readonly Landmark[], b: readonly Landmark[], tolerance = LANDMARK_TOLERANCE): void {
  expect(a).toHaveLength(b.length);
  a.forEach((p, i) => {
    const q = b[i];
    expect(q).toBeDefined();
    if (!q) return;
    expect(Math.abs(p.x - q.x)).toBeLessThanOrEqual(tolerance + 1e-12);
    expect(Math.abs(p.y - q.y)).toBeLessThanOrEqual(tolerance + 1e-12);
    expect(Math.abs(p.z - q.z)).toBeLessThanOrEqual(tolerance + 1e-12);
  });
}

describe('traceRounded', () => {
  it('moves no number by more than its stated precision and keeps the structure and time', () => {
    fc.assert(
      fc.property(observation, (raw) => {
        const rounded = traceRounded(raw);
        expect(rounded.tMs).toBe(raw.tMs);
        expect(rounded.faces).toHaveLength(raw.faces.length);
        raw.faces.forEach((face, i) => {
          const out = rounded.faces[i];
          closeLandmarks(unpackPoints(face.points), unpackPoints(out?.points ?? new Float32Array(0)), LANDMARK_TOLERANCE + FLOAT32_STEP);
          if (face.matrix === null) expect(out?.matrix).toBeNull();
          else face.matrix.forEach((v, k) => expect(Math.abs(v - (out?.matrix?.[k] ?? Number.NaN))).toBeLessThanOrEqual(MATRIX_TOLERANCE + 1e-12));
        });
        raw.poses.forEach((pose, i) => closeLandmarks(pose.landmarks, rounded.poses[i]?.landmarks ?? []));
      }),
    );
  });

  it('is idempotent through the written line, so a replayed trace feeds the core exactly what the analyzer fed it', () => {
    fc.assert(
      fc.property(observation, (raw) => {
        const once = traceRounded(raw);
        const read = parseTraceLine(traceLineText({ type: 'observation', file: 'a.mp4', observation: once }));
        if (read.type !== 'observation') throw new Error('expected an observation line');
        expect(read.observation).toEqual(once);
        expect(traceRounded(read.observation)).toEqual(once);
      }),
    );
  });

  it('writes face points as {x, y, z} objects (the format of every recorded trace) and reads them back packed', () => {
    const face = { points: packPoints([{ x: 0.123456, y: 0.5, z: -0.02 }]), matrix: null };
    const line = traceLineText({ type: 'observation', file: 'a.mp4', observation: traceRounded({ tMs: 0, imageWidth: 640, imageHeight: 480, faces: [face], poses: [] }) });
    expect(line).toContain('"landmarks":[{"x":0.12346,"y":0.5,"z":-0.02}]');
    const read = parseTraceLine(line);
    if (read.type !== 'observation') throw new Error('expected an observation line');
    expect(read.observation.faces[0]?.points).toBeInstanceOf(Float32Array);
    expect(Array.from(read.observation.faces[0]?.points ?? [])).toEqual([Math.fround(0.12346), 0.5, Math.fround(-0.02)]);
  });
});

describe('parseTraceLine', () => {
  it('reads back what the analyzer writes, grouped by file in order', () => {
    const frame = (file: string, tMs: number): TraceLine => ({
      type: 'observation',
      file,
      observation: { tMs, imageWidth: 640, imageHeight: 360, faces: [], poses: [] },
    });
    const lines: TraceLine[] = [
      { type: 'file', file: 'a.mp4', kind: 'video', width: 640, height: 360 },
      frame('a.mp4', 0),
      frame('a.mp4', 33.367),
      { type: 'file', file: 'b.jpg', kind: 'image', width: 640, height: 480, backend: 'tfjs' },
      frame('b.jpg', 0),
    ];
    const parsed = lines.map((line) => parseTraceLine(traceLineText(line)));
    expect(parsed).toEqual(lines);
    const byFile = traceObservationsByFile(parsed);
    expect([...byFile.keys()]).toEqual(['a.mp4', 'b.jpg']);
    expect(byFile.get('a.mp4')?.map((o) => o.tMs)).toEqual([0, 33.367]);
  });

  it('says which backend recorded a file (MediaPipe when an older trace does not say)', () => {
    const older = parseTraceLine('{"type":"file","file":"a.mp4","kind":"video","width":640,"height":360}') as TraceFileLine;
    const tfjs = parseTraceLine('{"type":"file","file":"a.mp4","kind":"video","width":640,"height":360,"backend":"tfjs"}') as TraceFileLine;
    expect([traceBackend(older), traceBackend(tfjs)]).toEqual(['mediapipe', 'tfjs']);
    expect(() => parseTraceLine('{"type":"file","file":"a.mp4","kind":"video","width":1,"height":1,"backend":"onnx"}')).toThrow(/unknown backend/);
  });

  it('refuses lines that are not trace lines', () => {
    expect(() => parseTraceLine('{"type":"frame","file":"a"}')).toThrow(/unknown trace line/);
    expect(() => parseTraceLine('[1,2]')).toThrow(/not a trace line/);
    expect(() => parseTraceLine('not json')).toThrow();
  });
});

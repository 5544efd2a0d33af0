import type { Landmark } from '../../src/core/landmarks';
import { pointCount, unpackPoints } from '../../src/core/packed-points';
import { createBenchLandmarker } from './bench-runner';
import type { BenchBackend } from './bench-spec';

/** What one photo gave (compact, for the e2e test). */
export interface ImageDetectionSummary {
  readonly width: number;
  readonly height: number;
  readonly faces: readonly { readonly points: number; readonly matrix: boolean; readonly box: Box }[];
  readonly poses: readonly { readonly points: number; readonly visible: readonly number[]; readonly points2d: readonly (readonly [number, number])[]; readonly z: readonly number[]; readonly world: boolean }[];
}

export interface Box {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

function boxOf(points: readonly Landmark[]): Box {
  return {
    minX: Math.min(...points.map((p) => p.x)),
    minY: Math.min(...points.map((p) => p.y)),
    maxX: Math.max(...points.map((p) => p.x)),
    maxY: Math.max(...points.map((p) => p.y)),
  };
}

/** Visibility above which a pose point counts as seen. */
const VISIBLE = 0.3;

export async function detectInImage(image: ImageBitmap, backend: BenchBackend): Promise<ImageDetectionSummary> {
  const pose = await createBenchLandmarker({ backend, kind: 'pose', frames: 1 });
  const face = await createBenchLandmarker({ backend, kind: 'face', frames: 1 });
  try {
    const poseResult = pose.detect(image, 0);
    const faceResult = face.detect(image, 0);
    return {
      width: image.width,
      height: image.height,
      faces: faceResult?.kind === 'face' ? faceResult.faces.map((f) => ({ points: pointCount(f.points), matrix: f.matrix !== null, box: boxOf(unpackPoints(f.points)) })) : [],
      poses:
        poseResult?.kind === 'pose'
          ? poseResult.poses.map((p) => ({
              points: p.landmarks.length,
              visible: p.landmarks.flatMap((l, i) => ((l.visibility ?? 0) > VISIBLE ? [i] : [])),
              points2d: p.landmarks.map((l) => [l.x, l.y] as const),
              z: p.landmarks.map((l) => l.z),
              world: p.worldLandmarks !== null,
            }))
          : [],
    };
  } finally {
    pose.close();
    face.close();
  }
}

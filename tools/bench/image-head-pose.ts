import { estimateHeadPose } from '../../src/core/head-pose/estimate-head-pose';
import type { HeadAngles } from '../../src/core/head-pose/head-angles';
import type { FaceObservation } from '../../src/core/landmarks';
import { createBenchLandmarker } from './bench-runner';
import type { BenchBackend } from './bench-spec';

/** One labelled photo's head angles from one backend's face landmarker alone. */
export interface ImageHeadPose {
  readonly url: string;
  /** As the app computes them (MediaPipe: its facial transformation matrix when given). */
  readonly angles: HeadAngles | null;
  /** From the canonical-face fit of the landmarks alone (matrix ignored): compares the landmarkers themselves. */
  readonly fitAngles: HeadAngles | null;
}

function anglesOf(face: FaceObservation | undefined, width: number, height: number): HeadAngles | null {
  if (!face) return null;
  return estimateHeadPose({ tMs: 0, imageWidth: width, imageHeight: height, faces: [face], poses: [] }).head;
}

/** A fresh landmarker per photo: VIDEO-mode tracking must not carry one photo's face region into the next. */
export async function headPoseInImage(url: string, image: ImageBitmap, backend: BenchBackend): Promise<ImageHeadPose> {
  const landmarker = await createBenchLandmarker({ backend, kind: 'face', frames: 1 });
  try {
    const detection = landmarker.detect(image, 0);
    const face = detection?.kind === 'face' ? detection.faces[0] : undefined;
    return {
      url,
      angles: anglesOf(face, image.width, image.height),
      fitAngles: anglesOf(face ? { ...face, matrix: null } : undefined, image.width, image.height),
    };
  } finally {
    landmarker.close();
  }
}

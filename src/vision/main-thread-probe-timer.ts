import { backendModels, type BackendId } from './backend-choice';
import type { LandmarkerTimer } from './backend-probe';
import { PROBE_FRAMES, PROBE_WARM_UP_FRAMES } from './backend-probe';
import { createLandmarker, type LandmarkerImage, type LandmarkerKind, type VideoLandmarker } from './landmarkers';
import { median } from './probe-median';

/** A landmarker of backend `id` on this thread (MediaPipe looking for `maxPeople`; TF.js finds one). */
export async function createLandmarkerOf(id: BackendId, kind: LandmarkerKind, maxPeople = 1): Promise<VideoLandmarker> {
  if (id === 'tfjs') {
    // Lazy: TF.js (~400 KB gzip) is only downloaded when it is probed or chosen.
    const { createTfjsLandmarker } = await import('./tfjs/tfjs-landmarker');
    return createTfjsLandmarker({ kind });
  }
  return createLandmarker({ kind, ...backendModels(id), maxPeople });
}

/** Times landmarkers on this thread (the bench page, which times every model the same way). */
export function mainThreadProbeTimer(image: LandmarkerImage, frames: number = PROBE_FRAMES, warmUpFrames: number = PROBE_WARM_UP_FRAMES): LandmarkerTimer {
  return async (id, kind) => {
    const landmarker = await createLandmarkerOf(id, kind);
    try {
      const times: number[] = [];
      for (let i = 0; i < warmUpFrames + frames; i++) {
        const started = performance.now();
        // 33 ms apart, as a 30 fps camera's frames would be (VIDEO mode needs increasing times).
        landmarker.detect(image, i * 33);
        if (i >= warmUpFrames) times.push(performance.now() - started);
      }
      return median(times);
    } finally {
      landmarker.close();
    }
  };
}

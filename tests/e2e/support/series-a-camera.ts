import { sharedFixture } from './fake-camera';
import { SCAN_CLIPS, joinedY4m } from './project-clips';
import type { TestCamera } from './test-cameras';

/** The still lead-in: the models load meanwhile (3–5 s here), then the 2 s hold fits in it. */
const STILL_S = 8;
/**
 * head_turning.mp4's frame 129 (4.30 s): the face frontal and sharp, between two shakes, at the
 * clip's median angles (`npm run analyze`: yaw −1.9°, pitch −2.0°; the clip's medians 0.1°, −1.9°).
 */
const REAL_NEUTRAL_FRAME = 129;

/**
 * The webcam for simple series A (head turns, chin to chest, head back), looped by Chromium,
 * starting with a head held still to calibrate on. With `../shared`: a real person, a frame of
 * `head_turning.mp4` held still, then `head_turning.mp4` and `head_nodding.mp4` twice (640×360, built
 * into the git-ignored cache, never committed). Without: the scanned head's first frame held
 * still, then its turns (12 per side), chin-to-chest (16) and head-back (16) clips (fixtures/clips):
 * spares for the reps a loaded machine misses (a target missed waits a whole loop, 113 s).
 */
function repeat(clip: string, times: number): string[] {
  return Array.from({ length: times }, () => clip);
}

export function seriesACamera(): TestCamera {
  const turning = sharedFixture('video/head-gestures/head_turning.mp4');
  const nodding = sharedFixture('video/head-gestures/head_nodding.mp4');
  if (turning !== null && nodding !== null) {
    return {
      y4m: joinedY4m('series-a-real', [turning, nodding, nodding], { width: 640, height: 360 }, { frame: REAL_NEUTRAL_FRAME, seconds: STILL_S }),
      real: true,
      label: `a real person: head_turning.mp4 frame ${REAL_NEUTRAL_FRAME} held ${STILL_S} s, head_turning.mp4 (shakes), head_nodding.mp4 ×2 (nods)`,
    };
  }
  return {
    y4m: joinedY4m('series-a-scan', [...repeat(SCAN_CLIPS.turns, 3), ...repeat(SCAN_CLIPS.chin, 2), ...repeat(SCAN_CLIPS.back, 2)], { width: 640, height: 480 }, { frame: 0, seconds: STILL_S }),
    real: false,
    label: `the scanned head: its first frame held ${STILL_S} s, scan-series-a-turns.mp4 ×3, scan-series-a-chin.mp4 ×2, scan-series-a-back.mp4 ×2`,
  };
}

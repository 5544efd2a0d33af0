import { sharedFixture } from './fake-camera';
import { SCAN_CLIPS, joinedY4m } from './project-clips';
import type { TestCamera } from './test-cameras';

/** The still lead-in: the models load meanwhile, then the 2 s hold fits in it. */
const STILL_S = 12;
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
 * still, then its turns (twice: 8 per side), chin-to-chest and head-back clips (fixtures/clips).
 */
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
    y4m: joinedY4m('series-a-scan', [SCAN_CLIPS.turns, SCAN_CLIPS.turns, SCAN_CLIPS.chin, SCAN_CLIPS.back], { width: 640, height: 480 }, { frame: 0, seconds: STILL_S }),
    real: false,
    label: `the scanned head: its first frame held ${STILL_S} s, scan-series-a-turns.mp4 ×2, scan-series-a-chin.mp4, scan-series-a-back.mp4`,
  };
}

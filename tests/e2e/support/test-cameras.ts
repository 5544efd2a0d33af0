import { clipAsY4m, sharedFixture } from './fake-camera';
import { SCAN_CLIPS, portraitOf, stillY4m, withOneKeyframe } from './project-clips';

/**
 * What a spec's fake camera shows: a real person's clip from `../shared` where it is there,
 * otherwise the project's own rendered clip of the scanned head doing the same kind of movement,
 * so the spec's main path runs on a clean clone too.
 */
export interface TestCamera {
  /** The file Chromium plays as the webcam (looped). */
  readonly y4m: string;
  /** A real person (`../shared`) or the scanned head (`fixtures/clips`). */
  readonly real: boolean;
  /** What it shows, for the log. */
  readonly label: string;
}

function pick(sharedRelative: string, realLabel: string, fallback: () => string, scanLabel: string): TestCamera {
  const shared = sharedFixture(sharedRelative);
  return shared === null ? { y4m: fallback(), real: false, label: scanLabel } : { y4m: clipAsY4m(shared), real: true, label: realLabel };
}

/** A head turning from side to side (the exercise `head-turns` counts it; the live view sees yaw move). */
export function turningCamera(): TestCamera {
  return pick('video/head-gestures/head_turning.mp4', 'head_turning.mp4 (a person shaking the head ±20–30°)', () => clipAsY4m(SCAN_CLIPS.turns), 'scan-series-a-turns.mp4 (the scanned head turning ±45°)');
}

/** Gentle head shakes that `no-shakes` counts. */
export function shakingCamera(): TestCamera {
  return pick('video/head-gestures/head_turning.mp4', 'head_turning.mp4 (a person shaking the head, 14 shakes in 10 s)', () => clipAsY4m(SCAN_CLIPS.shakes), 'scan-no-shakes.mp4 (the scanned head shaking ±15°)');
}

/** A head kept still: a calibration hold succeeds. */
export function stillCamera(): TestCamera {
  return pick('video/head-gestures/head_stationary.mp4', 'head_stationary.mp4 (a person talking, head still)', () => stillY4m(SCAN_CLIPS.turns, 6), 'the scanned head held still (first frame of scan-series-a-turns.mp4)');
}

/** A portrait photo of one person, head and shoulders, frontal. */
export function personPhoto(): { file: string; real: boolean; label: string } {
  const shared = sharedFixture('images/face-landmarks-detection__portrait.jpg');
  return shared === null
    ? { file: portraitOf(SCAN_CLIPS.turns), real: false, label: 'the scanned head (first frame of scan-series-a-turns.mp4, its middle half)' }
    : { file: shared, real: true, label: 'face-landmarks-detection__portrait.jpg' };
}

/** A clip to damage (analyze must read around the damage): a real person's, or the scanned head's, one keyframe each. */
export function clipToDamage(): string {
  return sharedFixture('video/head-gestures/head_nodding.mp4') ?? withOneKeyframe(SCAN_CLIPS.chin);
}

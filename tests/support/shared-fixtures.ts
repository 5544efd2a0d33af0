import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The real photos and clips beside the checkout (`../shared/fixtures`: for testing only, never
 * copied). `ATLAS_SHARED_FIXTURES` points elsewhere; `ATLAS_SHARED_FIXTURES=/nonexistent` runs the
 * tests as on a clean clone without `../shared`.
 */
export const SHARED_FIXTURES = path.resolve(REPO_ROOT, process.env.ATLAS_SHARED_FIXTURES ?? '../shared/fixtures');

/** The rest of the shared folder sits beside its fixtures (`../shared/assets`). */
export const SHARED_ASSETS = path.join(path.dirname(SHARED_FIXTURES), 'assets');

/** A file under the shared fixtures (`relative`, e.g. `video/head-gestures/head_turning.mp4`) when it is there. */
export function sharedFixture(relative: string): string | null {
  const file = path.join(SHARED_FIXTURES, relative);
  return existsSync(file) ? file : null;
}

/** Shared fixtures that several tests read. */
export const POSE_PHOTO = path.join(SHARED_FIXTURES, 'images/pose-detection__pose.jpg');
export const PORTRAIT_PHOTO = path.join(SHARED_FIXTURES, 'images/face-landmarks-detection__portrait.jpg');
/** H.264 with B-frames and an edit list (first shown frame at composition time 2 frames). */
export const NODDING_CLIP = path.join(SHARED_FIXTURES, 'video/head-gestures/head_nodding.mp4');
/** A person shaking their head (labels.csv there: 14 cycles). */
export const SHAKING_CLIP = path.join(SHARED_FIXTURES, 'video/head-gestures/head_turning.mp4');

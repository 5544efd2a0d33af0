import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { QUIET_CHROMIUM_ARGS, chromiumExecutable } from '../../../playwright.config';
import { REPO_ROOT } from '../../support/shared-fixtures';

export { REPO_ROOT, SHARED_FIXTURES, SHARED_ASSETS, sharedFixture } from '../../support/shared-fixtures';
/** Converted clips live here (git-ignored), rebuilt when the source clip is newer. */
export const Y4M_CACHE = path.join(REPO_ROOT, '.cache/e2e-y4m');

/** A cached conversion `target` of `source` that is still good: there, not empty, not older than its source. */
export function isFresh(target: string, ...sources: string[]): boolean {
  return existsSync(target) && statSync(target).size > 0 && sources.every((source) => statSync(target).mtimeMs >= statSync(source).mtimeMs);
}

/**
 * Chromium's fake camera plays a raw .y4m file (and loops it). Converts `clip` once, keeping its
 * size and frame rate (no rescale: a stretched face would skew the angles).
 */
export function clipAsY4m(clip: string): string {
  mkdirSync(Y4M_CACHE, { recursive: true });
  const target = path.join(Y4M_CACHE, `${path.basename(clip, path.extname(clip))}.y4m`);
  if (isFresh(target, clip)) return target;
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', clip, '-an', '-pix_fmt', 'yuv420p', '-f', 'yuv4mpegpipe', target], { stdio: 'inherit' });
  return target;
}

/**
 * Launch options for a spec whose page gets `y4m` as its webcam (permission granted automatically);
 * without a file, Chromium's built-in test pattern.
 */
export function fakeCameraLaunchOptions(y4m?: string): { executablePath: string | undefined; args: string[] } {
  const file = y4m === undefined ? [] : [`--use-file-for-fake-video-capture=${y4m}`];
  return {
    executablePath: chromiumExecutable(),
    args: [...QUIET_CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', ...file],
  };
}

/**
 * A 640×480 camera of `photo`'s person on the left the whole time and a second copy of them
 * stepping in on the right after `arrivesAfterS` seconds (`seconds` in all, looped by Chromium):
 * a second person arriving while the first is tracked. Built once into the cache.
 */
export function secondPersonArrivesY4m(photo: string, arrivesAfterS = 2, seconds = 6): string {
  mkdirSync(Y4M_CACHE, { recursive: true });
  const target = path.join(Y4M_CACHE, `${path.basename(photo, path.extname(photo))}-second-person-${arrivesAfterS}of${seconds}s.y4m`);
  if (isFresh(target, photo)) return target;
  const half = '[0:v]scale=320:480:force_original_aspect_ratio=decrease,pad=320:480:(ow-iw)/2:(oh-ih)/2,fps=30,split[left][right]';
  const filter = `${half};[1:v][left]overlay=0:0[first];[first][right]overlay=320:0:enable='gte(t,${arrivesAfterS})'`;
  execFileSync(
    'ffmpeg',
    ['-loglevel', 'error', '-y', '-loop', '1', '-t', String(seconds), '-i', photo, '-f', 'lavfi', '-t', String(seconds), '-i', 'color=black:s=640x480:r=30', '-filter_complex', filter, '-pix_fmt', 'yuv420p', '-f', 'yuv4mpegpipe', target],
    { stdio: 'inherit' },
  );
  return target;
}

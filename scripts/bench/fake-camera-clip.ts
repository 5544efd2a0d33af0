import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

export interface CameraFormat {
  readonly width: number;
  readonly height: number;
  readonly fps: number;
}

export const BENCH_CAMERA: CameraFormat = { width: 640, height: 480, fps: 30 };

/**
 * The clip as a .y4m that Chromium's fake camera plays (and loops): letterboxed to the camera's
 * size (never stretched: a stretched face skews the angles) at exactly `fps`. Cached in
 * `cacheDir` (git-ignored) and rebuilt when the clip is newer.
 */
export function cameraY4m(clip: string, cacheDir: string, format: CameraFormat = BENCH_CAMERA): string {
  mkdirSync(cacheDir, { recursive: true });
  const target = path.join(cacheDir, `${path.basename(clip, path.extname(clip))}-${format.width}x${format.height}@${format.fps}.y4m`);
  if (existsSync(target) && statSync(target).size > 0 && statSync(target).mtimeMs >= statSync(clip).mtimeMs) return target;
  const { width, height, fps } = format;
  const filter = `scale=${width}:${height}:force_original_aspect_ratio=decrease,pad=${width}:${height}:(ow-iw)/2:(oh-ih)/2,fps=${fps}`;
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', clip, '-an', '-vf', filter, '-pix_fmt', 'yuv420p', '-f', 'yuv4mpegpipe', target], { stdio: 'inherit' });
  return target;
}

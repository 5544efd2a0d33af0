import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, Y4M_CACHE, isFresh } from './fake-camera';

/**
 * The project's own clips (`fixtures/clips`, rendered from the scanned head with
 * `npm run generate:clip`; how, and the scan's credit: fixtures/clips/README.md). They let the
 * browser specs run the camera → counter chain on a clean clone without `../shared`.
 */
const CLIPS_DIR = path.join(REPO_ROOT, 'fixtures/clips');

export const SCAN_CLIPS = {
  /** 8 head turns to ±45°, alternating left and right, 4 per side (15 s). */
  turns: path.join(CLIPS_DIR, 'scan-series-a-turns.mp4'),
  /** 8 chin-to-chest flexions to −35° (15 s). */
  chin: path.join(CLIPS_DIR, 'scan-series-a-chin.mp4'),
  /** 8 head-back extensions to +35° (15 s). */
  back: path.join(CLIPS_DIR, 'scan-series-a-back.mp4'),
  /** 8 gentle shakes, ±15° of yaw (10 s). */
  shakes: path.join(CLIPS_DIR, 'scan-no-shakes.mp4'),
} as const;

/** The frame rate every joined camera is brought to (the scan clips' own). */
const CAMERA_FPS = 30;

/** A still lead-in: frame `frame` of the first clip, held for `seconds` (a head held still to calibrate on). */
export interface StillLeadIn {
  readonly frame: number;
  readonly seconds: number;
}

/**
 * One cached y4m camera `name` of `clips` played one after the other, brought to one size
 * (`width`×`height`, each scaled to fit and padded, never stretched) and 30 fps, after `still`.
 */
export function joinedY4m(name: string, clips: readonly string[], size: { width: number; height: number }, still: StillLeadIn | null = null): string {
  mkdirSync(Y4M_CACHE, { recursive: true });
  const key = createHash('sha256').update(JSON.stringify({ clips, size, still })).digest('hex').slice(0, 10);
  const target = path.join(Y4M_CACHE, `${name}-${key}.y4m`);
  if (isFresh(target, ...clips)) return target;
  const { width, height } = size;
  const fit = `scale=${width}:${height}:force_original_aspect_ratio=decrease,pad=${width}:${height}:(ow-iw)/2:(oh-ih)/2,setsar=1,fps=${CAMERA_FPS},format=yuv420p`;
  const parts = clips.map((_, i) => `[${i}:v]${fit}[v${i}]`);
  const labels = clips.map((_, i) => `[v${i}]`);
  if (still !== null) {
    parts[0] = `[0:v]${fit},split[v0][first]`;
    parts.push(`[first]trim=start_frame=${still.frame}:end_frame=${still.frame + 1},setpts=PTS-STARTPTS,tpad=stop_duration=${still.seconds}:stop_mode=clone[still]`);
    labels.unshift('[still]');
  }
  const joined = `${labels.join('')}concat=n=${labels.length}:v=1:a=0[out]`;
  const inputs = clips.flatMap((clip) => ['-i', clip]);
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', ...inputs, '-filter_complex', `${parts.join(';')};${joined}`, '-map', '[out]', '-an', '-pix_fmt', 'yuv420p', '-f', 'yuv4mpegpipe', target], { stdio: 'inherit' });
  return target;
}

/**
 * The first frame of `clip`, its middle half (the bust, centred) cut out, as a cached PNG: a
 * portrait photo of the project's own subject.
 */
export function portraitOf(clip: string): string {
  mkdirSync(Y4M_CACHE, { recursive: true });
  const target = path.join(Y4M_CACHE, `${path.basename(clip, path.extname(clip))}-portrait.png`);
  if (isFresh(target, clip)) return target;
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', clip, '-vf', 'crop=iw/2:ih:iw/4:0', '-frames:v', '1', target], { stdio: 'inherit' });
  return target;
}

/** `seconds` of `clip`'s first frame as a cached y4m: a head held still. */
export function stillY4m(clip: string, seconds: number): string {
  mkdirSync(Y4M_CACHE, { recursive: true });
  const target = path.join(Y4M_CACHE, `${path.basename(clip, path.extname(clip))}-still-${seconds}s.y4m`);
  if (isFresh(target, clip)) return target;
  const filter = `trim=end_frame=1,tpad=stop_duration=${seconds}:stop_mode=clone,fps=${CAMERA_FPS},format=yuv420p`;
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', clip, '-vf', filter, '-an', '-f', 'yuv4mpegpipe', target], { stdio: 'inherit' });
  return target;
}

/**
 * `clip` re-encoded (cached) with a single keyframe, as the shared real clips are: damage in the
 * middle then leaves frames that decode with errors, not a stream cut off at its next keyframe.
 */
export function withOneKeyframe(clip: string): string {
  mkdirSync(Y4M_CACHE, { recursive: true });
  const target = path.join(Y4M_CACHE, `${path.basename(clip, path.extname(clip))}-one-keyframe.mp4`);
  if (isFresh(target, clip)) return target;
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', clip, '-c:v', 'libx264', '-crf', '28', '-g', '100000', '-pix_fmt', 'yuv420p', '-an', target], { stdio: 'inherit' });
  return target;
}

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { hasCommand } from '../../tools/node/has-command';

/**
 * For videos the browser cannot demux or decode (MPEG-4 Part 2, AVI, MKV, WebM…): Debian's ffmpeg
 * re-encodes the video track to near-lossless H.264 in an mp4, keeping every frame and its
 * presentation time (`-fps_mode passthrough`), and the analysis runs on that copy. The in-app
 * sources have no such fallback (the browser alone).
 */
export function ffmpegAvailable(): boolean {
  return hasCommand('ffmpeg');
}

/** CRF 1: visually lossless; the landmarks cannot tell it from the source. */
const NEAR_LOSSLESS_CRF = '1';

/** The re-encoded copy's path in `workDir`, or the reason ffmpeg gave for failing. */
export function transcodeToH264(file: string, workDir: string, index: number): { ok: true; path: string } | { ok: false; reason: string } {
  const target = path.join(workDir, `${index}.mp4`);
  const result = spawnSync(
    'ffmpeg',
    ['-v', 'error', '-nostdin', '-y', '-i', file, '-map', '0:v:0', '-an', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', NEAR_LOSSLESS_CRF, '-pix_fmt', 'yuv420p', '-fps_mode', 'passthrough', target],
    { encoding: 'utf8' },
  );
  if (result.status === 0) return { ok: true, path: target };
  const reason = (result.stderr || result.error?.message || `exit ${String(result.status)}`).trim().split('\n').pop() ?? '';
  return { ok: false, reason };
}

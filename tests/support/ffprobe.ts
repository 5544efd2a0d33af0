import { execFileSync } from 'node:child_process';
import { hasCommand } from '../../tools/node/has-command';

/** Whether Debian's ffprobe (package ffmpeg) is on this machine: the reference for frame times. */
export function hasFfprobe(): boolean {
  return hasCommand('ffprobe');
}

/** Presentation times (seconds) of every decoded frame of a video's first stream, as ffmpeg sees them. */
export function ffprobeFrameTimesS(file: string): number[] {
  return execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'frame=pts_time', '-of', 'default=nw=1:nk=1', file])
    .toString()
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map(Number);
}

import { execFileSync } from 'node:child_process';

/** Whether `command -version` runs on this machine (ffmpeg, ffprobe: both answer `-version`). */
export function hasCommand(command: string): boolean {
  try {
    execFileSync(command, ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

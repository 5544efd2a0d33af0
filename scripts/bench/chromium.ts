import { chromium, type Browser } from '@playwright/test';
import { QUIET_CHROMIUM_ARGS, chromiumExecutable } from '../../playwright.config';

/** Headless Debian Chromium (or CHROMIUM_PATH), quiet on a closed network; `y4m` becomes its webcam. */
export function launchChromium(y4m: string | null): Promise<Browser> {
  const camera = y4m ? ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${y4m}`] : [];
  return chromium.launch({ executablePath: chromiumExecutable(), args: [...QUIET_CHROMIUM_ARGS, '--enable-precise-memory-info', ...camera] });
}

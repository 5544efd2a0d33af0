import type { VisionErrorInfo } from '../../vision/vision-error';

/** Keys of `setup.errors` in the translations: the help for each camera problem. */
export type CameraProblem = 'denied' | 'notFound' | 'inUse' | 'ended' | 'insecure' | 'unknown';

/** The help to show for a camera/vision error (keys of `setup.errors`). */
export function cameraProblem(error: VisionErrorInfo): CameraProblem {
  switch (error.code) {
    case 'camera-denied':
      return 'denied';
    case 'camera-not-found':
      return 'notFound';
    case 'camera-in-use':
      return 'inUse';
    case 'camera-ended':
      return 'ended';
    case 'camera-unsupported':
      return 'insecure';
    default:
      return 'unknown';
  }
}

import { stringEnum, type EnumValue } from '../string-enum';

/**
 * Which of the subject's sides a floor camera is on, face down (docs/clipgen.md, face down): it
 * sees the turn toward it, not the turn away, so the exercise runs one side at a time. The head is
 * toward the image's left when the camera is at the subject's left, toward its right otherwise.
 */
export const CAMERA_SIDES = stringEnum('left', 'right');
export type CameraSide = EnumValue<typeof CAMERA_SIDES>;

export function isCameraSide(value: unknown): value is CameraSide {
  return value === CAMERA_SIDES.left || value === CAMERA_SIDES.right;
}

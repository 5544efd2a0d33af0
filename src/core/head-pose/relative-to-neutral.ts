import { relativeAngles, RelativeRotationScratch } from '../geometry/relative-rotation';
import { continuousAngles } from '../geometry/unwrap';
import type { HeadAngles } from './head-angles';

/**
 * The head's angles as seen from its neutral posture: R_rel = R_neutralᵀ · R, decomposed in the
 * usual convention. Unlike subtracting angles, this stays right when the neutral is not
 * square to the camera (camera off to the side or below: a nod then stays a pure pitch).
 * `previous` (the last relative angles) keeps the result continuous past ±90° / ±180°.
 */
export function relativeToNeutral(angles: HeadAngles, neutral: HeadAngles, previous: HeadAngles | null = null, scratch = new RelativeRotationScratch()): HeadAngles {
  return continuousAngles(previous, relativeAngles(neutral, angles, scratch));
}

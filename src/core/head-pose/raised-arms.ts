import type { PoseObservation } from '../landmarks';
import { POSE } from '../pose-indices';
import type { ImageSize } from './camera-space';

/** An elbow less than this many shoulder widths below the shoulder line is raised (arms down: 0.33–0.9, held out: 0.01–0.14). */
const RAISED_ELBOW_DROP_SHOULDER_WIDTHS = 0.25;
/** Seen, not guessed: on the scanned bust, which has no arms, BlazePose guessed elbows just under the shoulders at 0.53–0.59; held out, 0.99. */
const MIN_ELBOW_VISIBILITY = 0.8;
/** Shoulders closer than this (pixels) are a side view: nothing is said of the arms. */
const MIN_SHOULDER_WIDTH_PX = 4;
const ELBOWS = [POSE.leftElbow, POSE.rightElbow] as const;

/**
 * Whether a seen elbow is raised to about shoulder height (arms held out, hands behind the head).
 * Image pixels, y down; the elbow's drop is measured from the shoulder line's midpoint.
 */
export function armsRaised(pose: PoseObservation, size: ImageSize): boolean {
  const points = pose.landmarks;
  const left = points[POSE.leftShoulder], right = points[POSE.rightShoulder];
  if (!left || !right) return false;
  const dx = (left.x - right.x) * size.width, dy = (left.y - right.y) * size.height;
  const shoulderWidth = Math.sqrt(dx * dx + dy * dy);
  if (!(shoulderWidth >= MIN_SHOULDER_WIDTH_PX)) return false;
  const shoulderY = ((left.y + right.y) / 2) * size.height;
  for (const index of ELBOWS) {
    const elbow = points[index];
    if (!elbow || (elbow.visibility ?? 1) < MIN_ELBOW_VISIBILITY) continue;
    if ((elbow.y * size.height - shoulderY) / shoulderWidth < RAISED_ELBOW_DROP_SHOULDER_WIDTHS) return true;
  }
  return false;
}

import type { FrameObservation, Landmark, NormalisedBox } from '../../core/landmarks';
import { pointCount, POINT_STRIDE } from '../../core/packed-points';
import { POSE } from '../../core/pose-indices';
import { stringEnum, type EnumValue } from '../../core/string-enum';

/**
 * Setup checks on one frame's observations: framed so that the exercise's landmarks are seen
 * (the person count is the core's: core/tracking/people.ts). Pure: the caller passes the observation.
 */

export const FRAMING_VERDICTS = stringEnum('ok', 'moveBack', 'comeCloser', 'centre', 'waiting');
export type FramingVerdict = EnumValue<typeof FRAMING_VERDICTS>;

export interface FramingLimits {
  /** A landmark counts as seen at this pose visibility or more. */
  readonly minVisibility: number;
  /** Seen landmarks must lie this far inside the frame's edges (normalised). */
  readonly edgeMargin: number;
  /** Shoulder width as a share of the frame width: wider is too close, narrower too far. */
  readonly maxShoulderWidth: number;
  readonly minShoulderWidth: number;
  /** The shoulders' midpoint must lie within this distance of the frame's centre (normalised x). */
  readonly maxCentreOffset: number;
}

export const DEFAULT_FRAMING_LIMITS: FramingLimits = {
  minVisibility: 0.5,
  edgeMargin: 0.02,
  maxShoulderWidth: 0.8,
  minShoulderWidth: 0.15,
  maxCentreOffset: 0.25,
};

function seen(landmark: Landmark | undefined, limits: FramingLimits): landmark is Landmark {
  if (landmark === undefined) return false;
  const inside =
    landmark.x >= limits.edgeMargin &&
    landmark.x <= 1 - limits.edgeMargin &&
    landmark.y >= limits.edgeMargin &&
    landmark.y <= 1 - limits.edgeMargin;
  return inside && (landmark.visibility ?? 1) >= limits.minVisibility;
}

/** Front view: head and both shoulders in the picture, not too close, not too far, roughly centred. */
export function frontFramingVerdict(observation: FrameObservation, limits: FramingLimits = DEFAULT_FRAMING_LIMITS): FramingVerdict {
  const pose = observation.poses[0]?.landmarks;
  if (pose === undefined) return observation.faces.length > 0 ? FRAMING_VERDICTS.moveBack : FRAMING_VERDICTS.waiting;
  const left = pose[POSE.leftShoulder];
  const right = pose[POSE.rightShoulder];
  if (!seen(left, limits) || !seen(right, limits) || !seen(pose[POSE.nose], limits)) return FRAMING_VERDICTS.moveBack;
  const width = Math.abs(left.x - right.x);
  if (width > limits.maxShoulderWidth) return FRAMING_VERDICTS.moveBack;
  if (width < limits.minShoulderWidth) return FRAMING_VERDICTS.comeCloser;
  if (Math.abs((left.x + right.x) / 2 - 0.5) > limits.maxCentreOffset) return FRAMING_VERDICTS.centre;
  return FRAMING_VERDICTS.ok;
}

/** Side view (lying): the head, a shoulder and the hip on one side must all be in the picture. */
export function sideFramingVerdict(observation: FrameObservation, limits: FramingLimits = DEFAULT_FRAMING_LIMITS): FramingVerdict {
  const pose = observation.poses[0]?.landmarks;
  if (pose === undefined) return FRAMING_VERDICTS.waiting;
  const sides = [
    [POSE.leftEar, POSE.leftShoulder, POSE.leftHip],
    [POSE.rightEar, POSE.rightShoulder, POSE.rightHip],
  ] as const;
  const oneSideSeen = sides.some((indices) => indices.every((index) => seen(pose[index], limits)));
  return oneSideSeen ? FRAMING_VERDICTS.ok : FRAMING_VERDICTS.moveBack;
}

/** The first face's bounding box (normalised), for judging the light on the face; null without a face. */
export function faceBox(observation: FrameObservation): NormalisedBox | null {
  const points = observation.faces[0]?.points;
  if (points === undefined || pointCount(points) === 0) return null;
  let minX = 1;
  let minY = 1;
  let maxX = 0;
  let maxY = 0;
  for (let i = 0; i + 2 < points.length; i += POINT_STRIDE) {
    const x = points[i] as number, y = points[i + 1] as number;
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  minX = Math.max(0, minX);
  minY = Math.max(0, minY);
  maxX = Math.min(1, maxX);
  maxY = Math.min(1, maxY);
  return maxX > minX && maxY > minY ? { x: minX, y: minY, width: maxX - minX, height: maxY - minY } : null;
}

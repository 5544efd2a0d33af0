import type { FrameObservation } from '../landmarks';
import { stringEnum, type EnumValue } from '../string-enum';

export const PERSON_VERDICTS = stringEnum('none', 'ok', 'many');
export type PersonVerdict = EnumValue<typeof PERSON_VERDICTS>;

/** How many people a frame shows: the larger of its face and body counts (a face may be seen without its body, and the reverse). */
export function peopleIn(observation: FrameObservation): number {
  return Math.max(observation.poses.length, observation.faces.length);
}

export function personVerdict(observation: FrameObservation): PersonVerdict {
  const people = peopleIn(observation);
  if (people === 0) return PERSON_VERDICTS.none;
  return people === 1 ? PERSON_VERDICTS.ok : PERSON_VERDICTS.many;
}

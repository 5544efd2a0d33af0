import type { FrameObservation } from '../landmarks';

export const PERSON_VERDICTS = { none: 'none', one: 'ok', many: 'many' } as const;
export type PersonVerdict = (typeof PERSON_VERDICTS)[keyof typeof PERSON_VERDICTS];

/** How many people a frame shows: the larger of its face and body counts (a face may be seen without its body, and the reverse). */
export function peopleIn(observation: FrameObservation): number {
  return Math.max(observation.poses.length, observation.faces.length);
}

export function personVerdict(observation: FrameObservation): PersonVerdict {
  const people = peopleIn(observation);
  if (people === 0) return PERSON_VERDICTS.none;
  return people === 1 ? PERSON_VERDICTS.one : PERSON_VERDICTS.many;
}

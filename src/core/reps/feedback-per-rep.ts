import { FEEDBACK_KINDS, type ExerciseEvent, type FeedbackKind } from './exercise-events';

/**
 * Each rep's feedback, in the order of the rep events: the feedback events the engine emits right
 * after a rep event and at its time (exercise-engine: the rep, then its feedback), "good" left out.
 * Feedback at another time (a posture hint) belongs to no rep.
 */
export function feedbackPerRep(events: readonly ExerciseEvent[]): FeedbackKind[][] {
  const perRep: FeedbackKind[][] = [];
  let current: { readonly tMs: number; readonly kinds: FeedbackKind[] } | null = null;
  for (const event of events) {
    if (event.type === 'rep') {
      current = { tMs: event.tMs, kinds: [] };
      perRep.push(current.kinds);
    } else if (event.type === 'feedback' && current !== null && event.tMs === current.tMs) {
      if (event.kind !== FEEDBACK_KINDS.good) current.kinds.push(event.kind);
    } else {
      current = null;
    }
  }
  return perRep;
}
